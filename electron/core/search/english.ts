/**
 * Latin-script words through lunr's own English pipeline: its stop word filter, then its
 * Porter stemmer (messages/messaging → messag). Only Latin tokens come here — Korean never
 * meets an English stemmer. Results are memoised: an index build stems the same few
 * thousand words millions of times.
 */
import lunr from 'lunr';

const MARKS = /\p{M}/gu;
const NON_ASCII = /[^\u0020-\u007e]/;
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string | null>();

/** café → cafe: accents do not decide a match (as in SQLite's unicode61). */
export function foldLatin(word: string): string {
  return NON_ASCII.test(word) ? word.normalize('NFD').replace(MARKS, '').normalize('NFC') : word;
}

/** The index term for a lower-cased Latin word, or null for a stop word. */
export function englishTerm(word: string): string | null {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  // The two steps of lunr's English pipeline called directly: Pipeline.run allocates arrays
  // per step and per token, a fifth of the stemming time of an index build.
  const token = new lunr.Token(word, {});
  const result = lunr.stopWordFilter(token) === undefined ? null : lunr.stemmer(token).toString() || null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
