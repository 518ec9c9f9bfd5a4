/**
 * Splits normalised text into word tokens with their UTF-16 offsets. A token is a run of
 * letters, digits and marks, further cut where the script changes between Hangul and
 * anything else (PC에서 → pc | 에서, 24시간 → 24 | 시간), because Korean particles attach to
 * Latin words and numbers without a space. Latin letters and digits stay together (mp3).
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

/**
 * Whether the token at `start` continues what comes before it: a word (Mac에), a closing quote
 * or bracket (‘한낱’이라는, '≒'는). Not after a space or an opening quote ('이'와 '가').
 */
function isAttached(text: string, start: number): boolean {
  if (start === 0) return false;
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
  const char = String.fromCodePoint(text.codePointAt(at)!);
  if (!WORD_CHAR.test(char)) return NONE;
  if (DIGIT.test(char)) return DIGITS;
  if (LATIN.test(char)) return LETTERS;
  return OTHER;
}

/** Classes that may share a token: Hangul with jamo, Latin letters with digits (mp3, 24). */
function familyOf(cls: number): number {
  if (cls & (HANGUL | JAMO)) return 1;
  if (cls & (LETTERS | DIGITS)) return 2;
  return 3;
}

function kindOf(classes: number): TokenKind {
  if (classes & JAMO) return 'jamo';
  if (classes & HANGUL) return 'hangul';
  if (classes & OTHER) return 'other';
  if (classes & LETTERS) return 'latin';
  return 'number';
}

/** Tokens of already normalised text (see normalizeText), in order. One pass, no regex per character for Korean or ASCII. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let family = 0;
  let classes = 0;
  const length = text.length;
  for (let at = 0; at <= length; ) {
    const code = at < length ? text.charCodeAt(at) : 0x20;
    const cls = at < length ? classAt(text, at, code) : NONE;
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < length ? 2 : 1;
    const fam = cls === NONE ? 0 : familyOf(cls);
    if (start >= 0 && fam !== family) {
      const raw = text.slice(start, at);
      tokens.push({ text: raw.toLowerCase(), raw, start, end: at, kind: kindOf(classes), attached: isAttached(text, start) });
      start = -1;
    }
    if (cls !== NONE) {
      if (start < 0) {
        start = at;
        family = fam;
        classes = 0;
      }
      classes |= cls;
    }
    at += width;
  }
  return tokens;
}
