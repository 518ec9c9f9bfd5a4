/**
 * Splits normalised text into word tokens with their UTF-16 offsets. A token is a run of
 * letters, digits and marks, further cut where the script changes between Hangul and
 * anything else (PC에서 → pc | 에서, 24시간 → 24 | 시간), because Korean particles attach to
 * Latin words and numbers without a space. Latin letters and digits stay together (mp3).
 *
 * Chinese and Japanese write without spaces, so a run of Han ideographs and kana is no word:
 * it becomes its overlapping two-character tokens (初心者モード → 初心 心者 者モ モー ード), the
 * same for the text indexed and the query typed, so any word of two or more characters inside
 * a run is found (a one-character run stays one token). Hangul is never cut this way.
 */

export type TokenKind =
  /** Hangul syllables only. */
  | 'hangul'
  /** Hangul with compatibility jamo in it: 초성 (ㅅㄱ), an unfinished syllable (메시ㅈ), or jamo typed for Latin keys. */
  | 'jamo'
  /** Latin letters, possibly with digits. */
  | 'latin'
  | 'number'
  /** Any other script (CJK ideographs, kana, Cyrillic…): indexed as whole words. */
  | 'other';

export interface Token {
  /** Lower-cased text of the token. */
  text: string;
  /** The token as written (case kept), for the keyboard-layout reading. */
  raw: string;
  /** UTF-16 offsets into the text that was tokenised. */
  start: number;
  end: number;
  kind: TokenKind;
  /**
   * True when no space comes right before the token: it continues a word, a quote or a
   * symbol (Mac에 → 에, ‘한낱’이라는 → 이라는, '≒'는 → 는).
   */
  attached: boolean;
}

const SPACE = /\s/u;
const OPENING = /[\p{Ps}\p{Pi}]/u;
const STRAIGHT_QUOTE = /['"`]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{N}/u;
const LATIN = /[\p{Script=Latin}\p{M}]/u;
/** Han ideographs and kana, with the marks they share (ー, 々, 〆). */
const HAN_KANA = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/u;

/**
 * Whether the token at `start` continues what comes before it: a word (Mac에), a closing quote
 * or bracket (‘한낱’이라는, '≒'는). Not after a space or an opening quote ('이'와 '가').
 */
export function isAttached(text: string, start: number): boolean {
  if (start === 0) return false;
  const code = text.charCodeAt(start - 1);
  // ASCII without a regex (the usual case): spaces, ( [ { open, quotes decide below, the rest attach.
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x28 || code === 0x5b || code === 0x7b) return false;
  if (code < 0x80 && code !== 0x22 && code !== 0x27 && code !== 0x60) return true;
  const before = text[start - 1]!;
  if (SPACE.test(before) || OPENING.test(before)) return false;
  // A straight quote opens when it follows a space or the start, and closes otherwise.
  if (STRAIGHT_QUOTE.test(before)) return start >= 2 && !SPACE.test(text[start - 2]!) && !OPENING.test(text[start - 2]!);
  return true;
}

// Character classes as bits, so a token's mix is one number.
const NONE = 0;
const HANGUL = 1; // syllables
const JAMO = 2; // compatibility jamo
const DIGITS = 4;
const LETTERS = 8; // Latin
const OTHER = 16; // any other script
const CJK = 32; // Han ideographs and kana

/** The class of the character starting at `at` (0 for a non-word character). */
function classAt(text: string, at: number, code: number): number {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return LETTERS;
    if (code >= 0x41 && code <= 0x5a) return LETTERS;
    if (code >= 0x30 && code <= 0x39) return DIGITS;
    return NONE;
  }
  if (code >= 0xac00 && code <= 0xd7a3) return HANGUL;
  if (code >= 0x3131 && code <= 0x318e) return JAMO;
  if (code < 0xd800 || code > 0xdfff) {
    let cls = bmpClasses[code]!;
    if (cls === UNKNOWN) cls = bmpClasses[code] = classOfChar(String.fromCharCode(code));
    return cls;
  }
  return classOfChar(String.fromCodePoint(text.codePointAt(at)!));
}

/** Classes of BMP characters outside ASCII and Hangul, worked out once each (the regexes are slow). */
const UNKNOWN = 0xff;
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN);

function classOfChar(char: string): number {
  if (!WORD_CHAR.test(char)) return NONE;
  if (DIGIT.test(char)) return DIGITS;
  if (LATIN.test(char)) return LETTERS;
  if (HAN_KANA.test(char)) return CJK;
  return OTHER;
}

/** Classes that may share a token: Hangul with jamo, Latin letters with digits (mp3, 24). */
function familyOf(cls: number): number {
  if (cls & (HANGUL | JAMO)) return 1;
  if (cls & (LETTERS | DIGITS)) return 2;
  if (cls & CJK) return 4;
  return 3;
}

function kindOf(classes: number): TokenKind {
  if (classes & JAMO) return 'jamo';
  if (classes & HANGUL) return 'hangul';
  if (classes & (OTHER | CJK)) return 'other';
  if (classes & LETTERS) return 'latin';
  return 'number';
}

/** Tokens of already normalised text (see normalizeText), in order. One pass, no regex per character for Korean or ASCII. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end, classes) => tokens.push(tokenAt(text, start, end, classes)));
  return tokens;
}

/** What scanTokens tells of each token: its offsets, its character classes (see tokenAt, hasCase) and its wordHash. */
export type TokenVisitor = (start: number, end: number, classes: number, hash: number) => void;

/**
 * Where the tokens of already normalised text are, in order, without making them. The index
 * builder reads millions of tokens this way and makes objects only for words it has not met;
 * the hash comes from the same pass over the characters, so it reads each character once.
 */
export function scanTokens(text: string, visit: TokenVisitor): void {
  let start = -1;
  let family = 0;
  let classes = 0;
  let hash = HASH_START;
  const length = text.length;
  for (let at = 0; at <= length; ) {
    const code = at < length ? text.charCodeAt(at) : 0x20;
    const cls = at < length ? classAt(text, at, code) : NONE;
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < length ? 2 : 1;
    const fam = cls === NONE ? 0 : familyOf(cls);
    if (start >= 0 && fam !== family) {
      if (classes === CJK) visitBigrams(text, start, at, visit);
      else visit(start, at, classes, hash | 0);
      start = -1;
    }
    if (cls !== NONE) {
      if (start < 0) {
        start = at;
        family = fam;
        classes = 0;
        hash = HASH_START;
      }
      classes |= cls;
      hash = Math.imul(hash ^ lowerAsciiCode(code), HASH_PRIME);
      if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(at + 1), HASH_PRIME);
    }
    at += width;
  }
}

const HASH_START = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** A code unit lower-cased if it is an ASCII capital (words are compared as scanTokens hashes them). */
export const lowerAsciiCode = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 32 : code);

/**
 * FNV-1a over the code units of `source[from, to)`, ASCII letters lower-cased: the hash
 * scanTokens gives a token, so a table keyed by lower-cased words can be searched with it.
 */
export function wordHash(source: string, from: number, to: number): number {
  let hash = HASH_START;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ lowerAsciiCode(source.charCodeAt(i)), HASH_PRIME);
  return hash | 0;
}

/** The token scanTokens found at these offsets. */
export function tokenAt(text: string, start: number, end: number, classes: number): Token {
  const raw = text.slice(start, end);
  // Hangul, jamo, digits and Han/kana have no case: no lower-casing pass for them.
  return { text: hasCase(classes) ? raw.toLowerCase() : raw, raw, start, end, kind: tokenKind(classes), attached: isAttached(text, start) };
}

/** Whether a token of these classes is lower-cased (Latin and other cased scripts). */
export function hasCase(classes: number): boolean {
  return (classes & (LETTERS | OTHER)) !== 0;
}

/** The kind of a token of these classes (a Han/kana bigram is 'other'). */
export function tokenKind(classes: number): TokenKind {
  return classes === CJK ? 'other' : kindOf(classes);
}

/** The overlapping two-character tokens of a Han/kana run (by code point), or the run itself when it is one character. */
function visitBigrams(text: string, start: number, end: number, visit: TokenVisitor): void {
  const offsets: number[] = [];
  for (let at = start; at < end; at += text.codePointAt(at)! > 0xffff ? 2 : 1) offsets.push(at);
  offsets.push(end);
  const grams = Math.max(1, offsets.length - 2);
  for (let i = 0; i < grams; i++) {
    const from = offsets[i]!;
    const to = offsets[Math.min(i + 2, offsets.length - 1)]!;
    visit(from, to, CJK, wordHash(text, from, to));
  }
}
