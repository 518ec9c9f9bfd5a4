/**
 * Text normalisation shared by indexing, querying, snippets and suggestions. Every step
 * keeps UTF-16 lengths unchanged (one code unit in, one out), so offsets found in the
 * normalised text are offsets into the text we return to the renderer.
 *
 * - NFC, not NFKC: NFKC maps compatibility jamo (ㄱ) to conjoining jamo (ᄀ) and would break
 *   초성 queries; the only compatibility folding we want (full-width Latin) is done by hand.
 * - Lone surrogates become U+FFFD, control and format characters become spaces, so no input
 *   can reach the tokenizer in a shape it does not expect. Tab, line feed and carriage return
 *   stay: the tokenizer reads them as the spaces they are, and article bodies are full of line
 *   feeds (folding them copied every body once more on every index build).
 */

/** Queries longer than this are cut: nobody types more, and the cost of a query stays bounded. */
export const MAX_QUERY_CHARS = 512;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Controls other than \t \n \r, and invisible format characters (ZWSP, BOM, bidi marks…), separate words.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\u2028\u2029]/gu;
const FULLWIDTH = /[\uFF01-\uFF5E]/g;
// One scan each to skip the work for the usual text that needs none of it.
const NEEDS_REPAIR = /[\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NEEDS_FOLDING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\u2028\u2029\uFF01-\uFF5E\u3000]/u;

/**
 * Text made only of characters NFC leaves alone — Latin without combining marks, Hangul
 * syllables, compatibility jamo, common punctuation — is already NFC: the usual article, so
 * the ICU round trip is skipped. (Ranges chosen to hold no singleton decompositions such as
 * U+2000 EN QUAD or U+212B ANGSTROM SIGN.)
 */
// eslint-disable-next-line no-control-regex -- control characters are NFC-stable too (they are replaced after)
const ALREADY_NFC = /^[\u0000-\u02ff\u2010-\u2027\u2030-\u205e\u2460-\u24ff\u2500-\u27bf\u3000-\u3029\u3030-\u303f\u3131-\u318e\uac00-\ud7a3\uff01-\uff5e]*$/;

export function toNfc(text: string): string {
  return ALREADY_NFC.test(text) ? text : text.normalize('NFC');
}

/**
 * NFC + full-width ASCII folded to ASCII + ideographic space to space + controls to spaces.
 * Case is kept (the keyboard-layout reading needs it); terms are lower-cased later.
 */
export function normalizeText(text: string): string {
  return isPlain(text) ? text : normalizeByRules(text);
}

/** normalizeText by its rules, one regular expression each (exported to check isPlain against it). */
export function normalizeByRules(text: string): string {
  const out = NEEDS_REPAIR.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
  const composed = toNfc(out);
  if (!NEEDS_FOLDING.test(composed)) return composed;
  return composed
    .replace(CONTROL, (c) => (c.length === 1 ? ' ' : ' '.repeat(c.length)))
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * Whether normalisation leaves every character alone: printable ASCII, tab and line breaks,
 * Hangul syllables and jamo, Latin-1, and the punctuation, symbol and emoji ranges that hold
 * no control or format character and nothing NFC changes (no singleton like U+2329 or
 * exclusion like U+2ADC, no combining mark). The usual article, shortcut symbols (⌘ ⇧ ⌫) and
 * emoji included, is all of these, and the regular-expression scans this spares (Unicode
 * property classes over every body) were a tenth of an index build. A character the class
 * lets through and the rules would change is caught by the test of normalizeText against
 * normalizeByRules over every character.
 */
function isPlain(text: string): boolean {
  BEYOND_PLAIN_BMP.lastIndex = 0;
  for (let found = BEYOND_PLAIN_BMP.exec(text); found !== null; found = BEYOND_PLAIN_BMP.exec(text)) {
    // Pictographs and emoji (U+1F000–U+1FBFF), as a well-formed surrogate pair.
    const high = text.charCodeAt(found.index);
    const low = text.charCodeAt(found.index + 1);
    if (!(high >= 0xd83c && high <= 0xd83e && low >= 0xdc00 && low <= 0xdfff)) return false;
    BEYOND_PLAIN_BMP.lastIndex = found.index + 2;
  }
  return true;
}

/** Characters isPlain has to look at: any but the plain ones of the BMP (so surrogates too). One class, scanned by the regular-expression engine three times as fast as a loop over the codes. */
const BEYOND_PLAIN_BMP = /[^\t\n\r\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2328\u232b-\u2adb\u2add-\u2bff\u3001-\u3029\u3030-\u303f\u3131-\u318e\uac00-\ud7a3]/g;

/** A query as typed, made safe: normalised, cut to a bounded length on a character boundary. */
export function normalizeQuery(text: unknown): string {
  if (typeof text !== 'string') return '';
  let cut = text.length > MAX_QUERY_CHARS * 2 ? text.slice(0, MAX_QUERY_CHARS * 2) : text;
  cut = normalizeText(cut);
  if (cut.length > MAX_QUERY_CHARS) {
    let end = MAX_QUERY_CHARS;
    const code = cut.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    cut = cut.slice(0, end);
  }
  return cut;
}
