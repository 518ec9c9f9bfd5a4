/**
 * Text → index terms. Korean words are indexed whole, without a trailing particle, and as
 * Hangul bigrams so partial words and compounds match; Latin words are lowercased.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const HANGUL_SYLLABLES = /^[\uAC00-\uD7A3]+$/;

/** Common particles and endings, longest first. */
const KOREAN_SUFFIXES = ['에서는', '으로는', '하려면', '이라는', '에서', '으로', '에게', '하기', '하면', '하는', '까지', '부터', '처럼', '은', '는', '이', '가', '을', '를', '에', '의', '도', '로', '와', '과'];

export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

export function words(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

export function stripKoreanSuffix(word: string): string {
  if (!HANGUL_SYLLABLES.test(word)) return word;
  for (const suffix of KOREAN_SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

function bigrams(word: string): string[] {
  if (word.length < 2) return [];
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) out.push(word.slice(i, i + 2));
  return out;
}

/** Terms for indexing and for querying: the same function on both sides. */
export function terms(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    out.add(word);
    if (HANGUL_SYLLABLES.test(word)) {
      out.add(stripKoreanSuffix(word));
      for (const gram of bigrams(word)) out.add(gram);
    }
  }
  return [...out];
}
