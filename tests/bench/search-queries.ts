/**
 * Query sets for the search benchmark, generated from article titles by fixed rules (written
 * here once, applied the same way to every system):
 *
 * Keywords of a Korean title: its space-separated words, edge punctuation removed, minus
 * question scaffolding (어떻게, 하나요, 있나요…), each cut to its stem by a short suffix list
 * (a person types 메시지, not 메시지를). The *two rarest* keywords (fewest titles containing
 * them, ties in title order) are what a person would type; they stay in title order.
 *
 *   exact       the two keywords:                          메시지 신고
 *   particle    the same two words as the title has them:  메시지를 신고하려면
 *   prefix      first keyword, then the second cut after half its syllables plus the
 *               next syllable's initial consonant, as an IME shows it mid-syllable: 메시지 신ㄱ
 *   choseong    초성 of the two keywords:                   ㅁㅅㅈ ㅅㄱ
 *   layout→en   the exact query typed with the IME off:    aptlwl tlsrh
 *   english     two rarest non-stop words of an English title: report message
 *   layout→ko   the English query typed with the IME on:   ㄱ데ㅐㄱㅅ ㅡㄷㄴ냑ㄷ (as composed)
 *   question    the whole title, as asked
 *
 * The relevant answer is the topic of the title (every topic with that exact title).
 */
import { choseong, hangulToKeys, isSyllable, keysToHangul } from '../../shared/hangul';

export interface TitledDoc {
  id: string;
  title: string;
  locale: string;
  /** Topic key: variants of one topic share it. */
  topic: string;
}

export type QueryType = 'exact' | 'particle' | 'prefix' | 'choseong' | 'layout→en' | 'english' | 'layout→ko' | 'question';
export const QUERY_TYPES: readonly QueryType[] = ['exact', 'particle', 'prefix', 'choseong', 'layout→en', 'english', 'layout→ko', 'question'];

export interface BenchQuery {
  type: QueryType;
  text: string;
  /** Relevant topic keys. */
  relevant: string[];
}

const SCAFFOLDING = new Set(
  '어떻게 하나요 있나요 무엇인가요 무엇이고 무엇이며 무엇을 방법 수 할 싶어요 알고 때 경우 어떤 있고 되나요 해야 하면 위해 왜 있어요 없어요 됐어요 돼요 해결 궁금해요 나요 어디서 언제 누가 바꾸려면 알려주세요'.split(' '),
);
const SUFFIXES = ['하려면', '하려고', '하기', '하는', '합니다', '하나요', '에서는', '에서', '에게', '으로', '이나', '로', '을', '를', '이', '가', '은', '는', '에', '의', '과', '와', '도', '란', '용'].sort((a, b) => b.length - a.length);
const EN_STOP = new Set(
  "a an the how do does did i i'm my me to in on for of from with can can't what is are was why when where and or it its your you if be there this that which who as at by not don't isn't won't doesn't get into up about".split(' '),
);

function cleanWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function koreanKeyword(word: string): string {
  if (!/^[\uac00-\ud7a3]+$/.test(word)) {
    // Mixed words (Mac에, QR코드로): the Latin part and the Hangul part separately are too
    // fiddly for a rule; keep the leading Latin/number run.
    const latin = /^[A-Za-z0-9]+/.exec(word);
    return latin ? latin[0] : word;
  }
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 2 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

interface Keyword {
  keyword: string;
  original: string;
  position: number;
}

function koreanKeywords(title: string): Keyword[] {
  const out: Keyword[] = [];
  title.split(/\s+/).forEach((raw, position) => {
    const original = cleanWord(raw.replace(/\(.*?\)/g, ''));
    if (!original) return;
    const keyword = koreanKeyword(original);
    if (SCAFFOLDING.has(original) || SCAFFOLDING.has(keyword) || keyword.length < 1) return;
    out.push({ keyword, original, position });
  });
  return out;
}

function englishKeywords(title: string): Keyword[] {
  const out: Keyword[] = [];
  title.split(/\s+/).forEach((raw, position) => {
    const word = cleanWord(raw).toLowerCase();
    if (word && !EN_STOP.has(word) && !/^\d+$/.test(word)) out.push({ keyword: word, original: word, position });
  });
  return out;
}

/** The two keywords in the fewest titles, in title order. */
function rarestTwo(keywords: Keyword[], titleFrequency: Map<string, number>): Keyword[] {
  const ranked = [...keywords].sort((a, b) => (titleFrequency.get(a.keyword) ?? 0) - (titleFrequency.get(b.keyword) ?? 0) || a.position - b.position);
  const picked: Keyword[] = [];
  for (const k of ranked) {
    if (picked.some((p) => p.keyword === k.keyword)) continue;
    picked.push(k);
    if (picked.length === 2) break;
  }
  return picked.sort((a, b) => a.position - b.position);
}

/** The second keyword cut mid-word the way an IME shows it: 신고 → 신ㄱ, 메시지 → 메ㅅ. */
function typedHalfway(word: string): string {
  const keep = Math.max(1, Math.floor(word.length / 2));
  const next = word[keep];
  if (next === undefined) return word.slice(0, Math.max(1, word.length - 1));
  if (!isSyllable(next)) return word.slice(0, keep);
  return word.slice(0, keep) + choseong(next);
}

export function generateQueries(docs: readonly TitledDoc[], types: readonly QueryType[] = QUERY_TYPES, limitPerType = Infinity): BenchQuery[] {
  const byTitle = new Map<string, { title: string; locale: string; topics: Set<string> }>();
  for (const doc of docs) {
    const key = `${doc.locale}\u0000${doc.title}`;
    const entry = byTitle.get(key) ?? { title: doc.title, locale: doc.locale, topics: new Set<string>() };
    entry.topics.add(doc.topic);
    byTitle.set(key, entry);
  }
  const titleFrequency = new Map<string, number>();
  const keywordsOf = new Map<string, Keyword[]>();
  for (const [key, entry] of byTitle) {
    const keywords = entry.locale === 'ko' ? koreanKeywords(entry.title) : englishKeywords(entry.title);
    keywordsOf.set(key, keywords);
    for (const k of new Set(keywords.map((k) => k.keyword))) titleFrequency.set(k, (titleFrequency.get(k) ?? 0) + 1);
  }
  const out: BenchQuery[] = [];
  const count = new Map<QueryType, number>();
  const add = (type: QueryType, text: string, relevant: string[]): void => {
    if (!types.includes(type) || !text.trim() || (count.get(type) ?? 0) >= limitPerType) return;
    count.set(type, (count.get(type) ?? 0) + 1);
    out.push({ type, text, relevant });
  };
  for (const [key, entry] of byTitle) {
    const relevant = [...entry.topics];
    const picked = rarestTwo(keywordsOf.get(key)!, titleFrequency);
    if (picked.length === 0) continue;
    const exact = picked.map((k) => k.keyword).join(' ');
    add('question', entry.title, relevant);
    if (entry.locale === 'ko') {
      add('exact', exact, relevant);
      add('particle', picked.map((k) => k.original).join(' '), relevant);
      const last = picked.at(-1)!.keyword;
      add('prefix', [...picked.slice(0, -1).map((k) => k.keyword), typedHalfway(last)].join(' '), relevant);
      add('choseong', picked.map((k) => choseong(k.keyword)).join(' '), relevant);
      if (picked.every((k) => /^[\uac00-\ud7a3]+$/.test(k.keyword))) add('layout→en', hangulToKeys(exact), relevant);
    } else {
      add('english', exact, relevant);
      add('layout→ko', keysToHangul(exact), relevant);
    }
  }
  return out;
}
