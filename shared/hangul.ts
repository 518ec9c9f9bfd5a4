/**
 * Pure Hangul helpers shared by the search engine (core) and the renderer: syllable
 * (de)composition, 초성 (initial consonant) extraction, the standard 2-beolsik (두벌식)
 * keyboard in both directions, and the ways an unfinished last syllable can still end.
 * No DOM, no Node: plain string arithmetic on Unicode code points.
 *
 * Vocabulary: a syllable is one precomposed character (U+AC00–U+D7A3) made of an initial
 * consonant (초성), a vowel (중성) and an optional final consonant (종성). Jamo here are the
 * *compatibility* jamo people type and see (ㄱ U+3131 … ㅣ U+3163), not the conjoining jamo
 * (U+1100…) that NFD produces — which is why text is normalised with NFC, never NFKC: NFKC
 * turns ㄱ into the conjoining ᄀ and breaks every 초성 query.
 */

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const MEDIALS_PER_INITIAL = 21 * 28;
const FINALS_PER_MEDIAL = 28;

/** The 19 initial consonants, in syllable order. */
export const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'] as const;
/** The 21 vowels, in syllable order. */
export const MEDIALS = ['ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ'] as const;
/** The 27 final consonants, in syllable order; index 0 (no final) is the empty string. */
export const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'] as const;

/** Compound vowels and the two keystroke vowels they are typed as. */
const VOWEL_PAIRS: Readonly<Record<string, string>> = { ㅘ: 'ㅗㅏ', ㅙ: 'ㅗㅐ', ㅚ: 'ㅗㅣ', ㅝ: 'ㅜㅓ', ㅞ: 'ㅜㅔ', ㅟ: 'ㅜㅣ', ㅢ: 'ㅡㅣ' };
/** Compound finals and the two consonants they are typed as. */
const FINAL_PAIRS: Readonly<Record<string, string>> = { ㄳ: 'ㄱㅅ', ㄵ: 'ㄴㅈ', ㄶ: 'ㄴㅎ', ㄺ: 'ㄹㄱ', ㄻ: 'ㄹㅁ', ㄼ: 'ㄹㅂ', ㄽ: 'ㄹㅅ', ㄾ: 'ㄹㅌ', ㄿ: 'ㄹㅍ', ㅀ: 'ㄹㅎ', ㅄ: 'ㅂㅅ' };

const COMBINE_VOWEL = invert(VOWEL_PAIRS);
const COMBINE_FINAL = invert(FINAL_PAIRS);

function invert(pairs: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [whole, parts] of Object.entries(pairs)) out[parts] = whole;
  return out;
}

/** 2-beolsik: the key (lower case; upper case means Shift) that types each jamo. */
const KEY_OF_JAMO: Readonly<Record<string, string>> = {
  ㅂ: 'q', ㅈ: 'w', ㄷ: 'e', ㄱ: 'r', ㅅ: 't', ㅛ: 'y', ㅕ: 'u', ㅑ: 'i', ㅐ: 'o', ㅔ: 'p',
  ㅁ: 'a', ㄴ: 's', ㅇ: 'd', ㄹ: 'f', ㅎ: 'g', ㅗ: 'h', ㅓ: 'j', ㅏ: 'k', ㅣ: 'l',
  ㅋ: 'z', ㅌ: 'x', ㅊ: 'c', ㅍ: 'v', ㅠ: 'b', ㅜ: 'n', ㅡ: 'm',
  ㅃ: 'Q', ㅉ: 'W', ㄸ: 'E', ㄲ: 'R', ㅆ: 'T', ㅒ: 'O', ㅖ: 'P',
};
const JAMO_OF_KEY: Readonly<Record<string, string>> = invert(KEY_OF_JAMO);

export interface SyllableParts {
  initial: number;
  medial: number;
  /** 0 when the syllable has no final consonant. */
  final: number;
}

export function isSyllable(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

/** Compatibility jamo a person can type: ㄱ…ㅎ and ㅏ…ㅣ. */
export function isJamo(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x3131 && code <= 0x3163;
}

export function isConsonantJamo(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x3131 && code <= 0x314e;
}

export function isVowelJamo(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x314f && code <= 0x3163;
}

/** True when the text is one or more consonant jamo only, like ㅅㄱ (a 초성 query). */
export function isChoseongOnly(text: string): boolean {
  if (text.length === 0) return false;
  for (const char of text) if (!isConsonantJamo(char)) return false;
  return true;
}

export function decomposeSyllable(char: string): SyllableParts | null {
  if (!isSyllable(char)) return null;
  const offset = char.charCodeAt(0) - SYLLABLE_FIRST;
  return {
    initial: Math.floor(offset / MEDIALS_PER_INITIAL),
    medial: Math.floor((offset % MEDIALS_PER_INITIAL) / FINALS_PER_MEDIAL),
    final: offset % FINALS_PER_MEDIAL,
  };
}

export function composeSyllable(initial: number, medial: number, final = 0): string {
  return String.fromCharCode(SYLLABLE_FIRST + initial * MEDIALS_PER_INITIAL + medial * FINALS_PER_MEDIAL + final);
}

/** 초성 of every syllable (신고하기 → ㅅㄱㅎㄱ); other characters are kept as they are. */
export function choseong(text: string): string {
  let out = '';
  for (const char of text) {
    const parts = decomposeSyllable(char);
    out += parts ? INITIALS[parts.initial]! : char;
  }
  return out;
}

/**
 * The compatibility jamo of a text, compound vowels and finals split into the jamo they are
 * typed as (읽 → ㅇㅣㄹㄱ). Useful for jamo-level edit distance and for the keyboard mapping.
 */
export function toJamo(text: string): string {
  let out = '';
  for (const char of text) {
    const parts = decomposeSyllable(char);
    if (parts) {
      const medial = MEDIALS[parts.medial]!;
      const final = FINALS[parts.final]!;
      out += INITIALS[parts.initial]! + (VOWEL_PAIRS[medial] ?? medial) + (FINAL_PAIRS[final] ?? final);
    } else {
      out += VOWEL_PAIRS[char] ?? FINAL_PAIRS[char] ?? char;
    }
  }
  return out;
}

/**
 * The keys a person pressed on a 2-beolsik keyboard to type this Hangul (신고 → tlsrh,
 * 쟈ㅜ앶ㄴ or ㅈㅑㅜㅇㅐㅈㄴ → windows). Shifted jamo come out upper case (ㅆ → T); other
 * characters pass through.
 */
export function hangulToKeys(text: string): string {
  let out = '';
  for (const char of toJamo(text)) out += KEY_OF_JAMO[char] ?? char;
  return out;
}

/** A syllable being composed by the 2-beolsik automaton. */
interface Composing {
  initial: string | null;
  medial: string | null;
  final: string | null;
}

function flush(state: Composing): string {
  const { initial, medial, final } = state;
  state.initial = state.medial = state.final = null;
  if (initial && medial) {
    return composeSyllable(INITIALS.indexOf(initial as (typeof INITIALS)[number]), MEDIALS.indexOf(medial as (typeof MEDIALS)[number]), final ? FINALS.indexOf(final as (typeof FINALS)[number]) : 0);
  }
  return (initial ?? '') + (medial ?? '') + (final ?? '');
}

const CAN_BE_INITIAL = new Set<string>(INITIALS);
const CAN_BE_FINAL = new Set<string>(FINALS.filter((f) => f.length > 0));

/**
 * Composes typed jamo into syllables the way a 2-beolsik IME does (ㅅㅣㄴㄱㅗ → 신고,
 * ㄷㅏㄹㄱㅇㅡㄴ → 닭은, a final moves to the next syllable when a vowel follows).
 * Characters that are not jamo end the syllable and pass through.
 */
export function composeJamo(jamo: string): string {
  let out = '';
  const state: Composing = { initial: null, medial: null, final: null };
  for (const char of jamo) {
    if (isConsonantJamo(char)) {
      if (state.medial && state.initial && !state.final && CAN_BE_FINAL.has(char)) {
        state.final = char;
      } else if (state.final && COMBINE_FINAL[state.final + char]) {
        state.final = COMBINE_FINAL[state.final + char]!;
      } else {
        out += flush(state);
        if (CAN_BE_INITIAL.has(char)) state.initial = char;
        else out += char;
      }
    } else if (isVowelJamo(char)) {
      if (state.final) {
        // The final consonant (or the second half of a compound one) starts the next syllable.
        const pair = FINAL_PAIRS[state.final];
        const moved = pair ? pair[1]! : state.final;
        state.final = pair ? pair[0]! : null;
        out += flush(state);
        state.initial = moved;
        state.medial = char;
      } else if (state.medial && COMBINE_VOWEL[state.medial + char]) {
        state.medial = COMBINE_VOWEL[state.medial + char]!;
      } else if (state.initial && !state.medial) {
        state.medial = char;
      } else {
        out += flush(state);
        state.medial = char;
      }
    } else {
      out += flush(state) + char;
    }
  }
  return out + flush(state);
}

/**
 * What keys typed in the wrong layout would have produced in Hangul (tlsrh → 신고). Upper
 * case QWERTOP are the shifted jamo (rPtjd → 계정); other letters ignore case, and when
 * everything is upper case (Caps Lock) case is ignored altogether. Non-letters pass through.
 */
export function keysToHangul(keys: string): string {
  const source = keys === keys.toUpperCase() && keys !== keys.toLowerCase() ? keys.toLowerCase() : keys;
  let jamo = '';
  for (const char of source) jamo += JAMO_OF_KEY[char] ?? JAMO_OF_KEY[char.toLowerCase()] ?? char;
  return composeJamo(jamo);
}

/** An inclusive range of UTF-16 code units. */
export type CharRange = readonly [first: number, last: number];

/**
 * One way a partly typed word may continue: the text so far, optionally followed by one
 * character from a range (the syllable still being composed).
 */
export interface Completion {
  prefix: string;
  next: CharRange | null;
}

function syllableRange(initial: number, medial: number | null): CharRange {
  if (medial === null) {
    const first = SYLLABLE_FIRST + initial * MEDIALS_PER_INITIAL;
    return [first, first + MEDIALS_PER_INITIAL - 1];
  }
  const first = SYLLABLE_FIRST + initial * MEDIALS_PER_INITIAL + medial * FINALS_PER_MEDIAL;
  return [first, first + FINALS_PER_MEDIAL - 1];
}

/**
 * Every way a word typed so far may continue while its last syllable is still being
 * composed in an IME. 메시ㅈ → 메시 + any syllable starting with ㅈ; 메싲 (the ㅈ was taken as
 * a final) → 메싲… or 메시 + ㅈ…; 메시 → 메시… or 메 + 시/신/싱…; 고 → also 과/괘/괴.
 * The literal prefix is always one of the completions.
 */
export function completions(word: string): Completion[] {
  if (word.length === 0) return [];
  const head = word.slice(0, -1);
  const last = word.slice(-1);
  if (isConsonantJamo(last)) {
    const initial = INITIALS.indexOf(last as (typeof INITIALS)[number]);
    const out: Completion[] = [{ prefix: word, next: null }];
    if (initial >= 0) out.push({ prefix: head, next: syllableRange(initial, null) });
    // A compound final typed alone (ㄺ) can also be a final + the next initial.
    return out;
  }
  const parts = decomposeSyllable(last);
  if (!parts) return [{ prefix: word, next: null }];
  const out: Completion[] = [];
  if (parts.final === 0) {
    // The syllable may still get a final consonant or a compound vowel.
    out.push({ prefix: head, next: syllableRange(parts.initial, parts.medial) });
    const medial = MEDIALS[parts.medial]!;
    for (const [pair, compound] of Object.entries(COMBINE_VOWEL)) {
      if (pair[0] === medial) out.push({ prefix: head, next: syllableRange(parts.initial, MEDIALS.indexOf(compound as (typeof MEDIALS)[number])) });
    }
    return out;
  }
  out.push({ prefix: word, next: null });
  const final = FINALS[parts.final]!;
  const pair = FINAL_PAIRS[final];
  // The final may really be the next syllable's initial (싲 → 시 + ㅈ…), or the second half
  // of a compound final may be (닭 → 달 + ㄱ…).
  const stays = pair ? FINALS.indexOf(pair[0]! as (typeof FINALS)[number]) : 0;
  const moves = pair ? pair[1]! : final;
  const initial = INITIALS.indexOf(moves as (typeof INITIALS)[number]);
  if (initial >= 0) out.push({ prefix: head + composeSyllable(parts.initial, parts.medial, stays), next: syllableRange(initial, null) });
  // A simple final may still grow into a compound one (달 → 닭).
  for (const [parts2, compound] of Object.entries(COMBINE_FINAL)) {
    if (parts2[0] === final) {
      const code = composeSyllable(parts.initial, parts.medial, FINALS.indexOf(compound as (typeof FINALS)[number])).charCodeAt(0);
      out.push({ prefix: head, next: [code, code] });
    }
  }
  return out;
}

/** True when `text` (a whole word) is matched by the completion. */
export function completes(completion: Completion, text: string): boolean {
  if (!text.startsWith(completion.prefix)) return false;
  if (!completion.next) return true;
  const code = text.charCodeAt(completion.prefix.length);
  return code >= completion.next[0] && code <= completion.next[1];
}
