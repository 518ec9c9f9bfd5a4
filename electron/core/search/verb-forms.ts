/**
 * Verbs in any form: 바꿨어요, 바꾸려면 and 바꾸기 all come from 바꾸; 와요 and 오지 from 오;
 * 켜져요 from 켜지. The index keeps each word's surface form and its stem (korean.ts), which
 * leaves the spoken and contracted forms apart; a query word is therefore read as its possible
 * bases (lemmas), and matched against every indexed word with one of the same bases.
 *
 * No dictionary: a few endings more than the stemmer knows, and the vowel contractions of the
 * informal and past forms (꿔/꿨 → 꾸, 와/왔 → 오, 해/했 → 하, 져/졌 → 지). A candidate that no
 * article uses finds nothing and costs nothing.
 */
import { composeSyllable, decomposeSyllable } from '../../../shared/hangul';
import { hasVerbEnding as koreanStemEndsInVerb, koreanStem } from './korean';

/** Endings of spoken and nominal verb forms, beyond the stemmer's (which stays conservative). */
const FORM_ENDINGS = [
  '었어요', '았어요', '였어요', '어요', '아요', '여요', '어서', '아서', '어도', '아도', '네요', '나요', '어야', '아야',
  '려면', '려고', '는데', '면서', '니까', '세요', '죠', '요', '기', '고', '지', '게', '음', '는', '던', '면', '어', '아',
];

/** Contracted vowel (medial index) → the vowel of the base: ㅝ→ㅜ, ㅘ→ㅗ, ㅙ→ㅚ, ㅕ→ㅣ, ㅓ→ㅡ. */
const UNCONTRACT: ReadonlyMap<number, number> = new Map([
  [14, 13],
  [9, 8],
  [10, 11],
  [6, 20],
  [4, 18],
]);
const FINAL_SS = 20;
const FINAL_M = 16;
const INITIAL_H = 18;
const MEDIAL_AE = 1;
const MEDIAL_A = 0;

/** The base of a contracted last syllable (바꿨/바꿔 → 바꾸, 했/해 → 하), or null. */
function uncontract(word: string): string | null {
  const last = decomposeSyllable(word[word.length - 1]!);
  if (!last) return null;
  const final = last.final === FINAL_SS ? 0 : last.final;
  if (final !== 0) return null;
  let medial = UNCONTRACT.get(last.medial);
  if (medial === undefined && last.medial === MEDIAL_AE && last.initial === INITIAL_H) medial = MEDIAL_A;
  if (medial === undefined) return last.final === FINAL_SS ? word.slice(0, -1) + composeSyllable(last.initial, last.medial, 0) : null;
  return word.slice(0, -1) + composeSyllable(last.initial, medial, 0);
}

const cache = new Map<string, readonly string[]>();

/**
 * The bases a Hangul word may be a form of, longest first (the word's stem among them).
 * 하다/되다 verbs also give their noun (실행되 → 실행).
 */
export function lemmasOf(word: string): readonly string[] {
  let found = cache.get(word);
  if (found) return found;
  const out = new Set<string>();
  const add = (base: string): void => {
    if (base.length === 0) return;
    out.add(base);
    const plain = uncontract(base);
    if (plain) out.add(plain);
    if (base.length >= 3 && /[하되]$/.test(base)) out.add(base.slice(0, -1));
  };
  add(koreanStem(word));
  for (const ending of FORM_ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) add(word.slice(0, -ending.length));
  }
  const last = decomposeSyllable(word[word.length - 1]!);
  // 왔/봤: the past marker sits in the last syllable itself; 숨김: the noun form ends in ㅁ.
  if (last && last.final === FINAL_SS) add(word);
  if (last && last.final === FINAL_M && word.length >= 2) out.add(word.slice(0, -1) + composeSyllable(last.initial, last.medial, 0));
  found = [...out].sort((a, b) => b.length - a.length);
  if (cache.size > 50_000) cache.clear();
  cache.set(word, found);
  return found;
}

/** True when `word` is a form of `lemma` (오지 of 오, 바꾸기 of 바꾸). */
export function isFormOf(word: string, lemma: string): boolean {
  return word === lemma || lemmasOf(word).includes(lemma);
}

/** Endings attached directly to a base (바꾸기, 오지, 올리고, 숨김 is built separately). */
const ATTACHED = ['기', '지', '고', '게', '는', '던', '면', '려면', '려고', '세요', '나요', '네요', '죠', '는데', '니까', '면서', '시', '셨'];
/** What follows a contracted form (바꿔요, 바꿨어요 is stemmed to 바꿨 in the index). */
const AFTER_CONTRACTION = ['', '요', '서', '도', '야'];
/** Base vowel → contracted vowel (the inverse of UNCONTRACT). */
const CONTRACT: ReadonlyMap<number, number> = new Map([...UNCONTRACT].map(([contracted, base]) => [base, contracted]));
const MEDIAL_OE = 11;

/** 바꾸 → 바꿔/바꿨, 오 → 와/왔, 하 → 해/했, 되 → 돼/됐, 지 → 져/졌. */
function contracted(lemma: string): string[] {
  const last = decomposeSyllable(lemma[lemma.length - 1]!);
  if (!last || last.final !== 0) return [];
  let medial = CONTRACT.get(last.medial);
  if (last.medial === MEDIAL_A && last.initial === INITIAL_H) medial = MEDIAL_AE;
  if (last.medial === MEDIAL_OE) medial = 10;
  if (medial === undefined) return [];
  const head = lemma.slice(0, -1);
  return [head + composeSyllable(last.initial, medial, 0), head + composeSyllable(last.initial, medial, FINAL_SS)];
}

/**
 * Indexable forms of a base, to be looked up exactly: the base (a stem the index keeps), the
 * base with an ending attached, its noun form (숨기 → 숨김) and its contracted forms.
 */
export function formsOf(lemma: string): string[] {
  const out = [lemma, ...ATTACHED.map((ending) => lemma + ending)];
  const last = decomposeSyllable(lemma[lemma.length - 1]!);
  if (last && last.final === 0) out.push(lemma.slice(0, -1) + composeSyllable(last.initial, last.medial, FINAL_M));
  for (const form of contracted(lemma)) for (const ending of AFTER_CONTRACTION) out.push(form + ending);
  return out;
}

/**
 * True when a word ends like a verb form (들고, 깨고 싶어요, 떼려면): an unknown verb is a
 * manner of saying, not a topic the articles lack, so it does not make a result partial.
 */
export function endsLikeVerb(word: string): boolean {
  if (koreanStemEndsInVerb(word)) return true;
  return FORM_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending));
}
