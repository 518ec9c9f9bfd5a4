/**
 * The index builder's word tables at a size the sample help center never reaches: thousands
 * of distinct words per field make the tables grow many times and their hashes collide, and
 * every word must still land on exactly the documents that have it.
 */
import { describe, expect, it } from 'vitest';
import { fieldTexts, packTexts, unpackTexts } from '../../electron/core/search/field-texts';
import { assembleIndex, buildInvertedIndex, encodeTerms, evenRuns, indexPart, joinParts, planJoin } from '../../electron/core/search/index-build';
import { encodeImpact, encodeImpactExactly, findSorted, IMPACTS, type InvertedIndex } from '../../electron/core/search/inverted-index';
import { prng } from '../support/prng';
import { article, sampleArticles } from './search-fixtures';

const COUNT = 3000;

/** A number word of its own for document i ("9", i, "7"), and the same for the next one. */
const numberWord = (i: number): string => `9${i}7`;
/** Latin letters of its own for document i, written in capitals (the index lower-cases them). */
const latinWord = (i: number): string => 'QX' + [676, 26, 1].map((unit) => String.fromCharCode(0x41 + (Math.floor(i / unit) % 26))).join('');
/** A three-syllable Hangul word of its own for document i. */
const hangulWord = (i: number): string => String.fromCharCode(0xb9c8 + (i % 40), 0xbc14 + (Math.floor(i / 40) % 40), 0xc0ac + Math.floor(i / 1600));

/** The documents of a term, decoded from its posting list. */
function docsOf(index: InvertedIndex, term: string): number[] {
  const t = findSorted(index.terms, term);
  if (t < 0) return [];
  const docs: number[] = [];
  let doc = 0;
  for (let at = index.postingOffsets[t]!; at < index.postingOffsets[t + 1]!; at++) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = index.postings[at++]!;
      gap |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    doc += gap;
    docs.push(doc);
  }
  return docs;
}

describe('index build', () => {
  const articles = Array.from({ length: COUNT }, (_, i) =>
    article(`a${i}`, `${latinWord(i)} 안내`, `${numberWord(i)} ${numberWord((i + COUNT - 1) % COUNT)} ${hangulWord(i)} 설정 ${latinWord(i)}`),
  );
  const index = buildInvertedIndex(articles);

  it('puts each of thousands of distinct words on exactly the documents that have it', () => {
    for (let i = 0; i < COUNT; i++) {
      expect(docsOf(index, numberWord(i))).toEqual(i === COUNT - 1 ? [0, COUNT - 1] : [i, i + 1]);
      expect(docsOf(index, hangulWord(i))).toEqual([i]);
    }
    expect(docsOf(index, '설정')).toHaveLength(COUNT);
  });

  it('lower-cases Latin words met in capitals, each kept once', () => {
    const words = Array.from({ length: COUNT }, (_, i) => latinWord(i).toLowerCase());
    expect(index.latinWords.filter((word) => word.startsWith('qx'))).toEqual([...words].sort());
    // Each word's stem is a term of its document (two words may share a stem: qxaby, qxabi).
    for (let k = 0; k < index.latinWords.length; k++) {
      const word = index.latinWords[k]!;
      if (word.startsWith('qx')) expect(docsOf(index, index.terms[index.latinStems[k]!]!)).toContain(words.indexOf(word));
    }
  });
});

describe('impact bytes', () => {
  it('are the nearest step of the log scale, the table lookup agreeing with the logarithm everywhere', () => {
    const random = prng(7);
    const values = Array.from({ length: 200_000 }, () => random() ** 3 * 120);
    // Around every step boundary (halfway between two bytes' impacts), a few units in the last place either side.
    for (let q = 1; q < 256; q++) {
      const boundary = 2 ** ((q - 0.5) / 40) - 1;
      for (const nudge of [-2e-15, -1e-16, 0, 1e-16, 2e-15]) values.push(boundary * (1 + nudge));
    }
    values.push(0, 1e-9, IMPACTS[255]!, 1e6, Number.MAX_VALUE);
    const wrong = values.filter((value) => encodeImpact(value) !== encodeImpactExactly(value));
    expect(wrong).toEqual([]);
    expect(encodeImpact(0)).toBe(1);
    expect(encodeImpact(1e6)).toBe(255);
  });
});

describe('index parts', () => {
  it('joined in order, make the index the whole build makes, wherever the articles are cut', () => {
    // The sample help center (Korean and English, tags, categories) twice over, so parts share most terms.
    const articles = [...sampleArticles(), ...sampleArticles().map((a) => ({ ...a, id: `${a.id}-again`, title: `${a.title} 다시` }))];
    const whole = buildInvertedIndex(articles);
    const ids = articles.map((a) => a.id);
    for (const cuts of [[1], [articles.length - 1], [17, 18, 200], [articles.length / 2, (articles.length * 3) / 4]]) {
      const bounds = [0, ...cuts, articles.length];
      const parts = bounds.slice(1).map((end, i) => indexPart(articles.slice(bounds[i], end).map(fieldTexts), bounds[i]!));
      expect(joinParts(ids, parts)).toEqual(whole);
    }
    expect(whole.latinWords.length).toBeGreaterThan(100);
  });

  it('have their postings encoded in runs of terms (as several workers share them) into the same index', () => {
    const articles = [...sampleArticles(), ...sampleArticles().map((a) => ({ ...a, id: `${a.id}-again`, title: `${a.title} 다시` }))];
    const whole = buildInvertedIndex(articles);
    const half = articles.length / 2;
    const parts = [indexPart(articles.slice(0, half).map(fieldTexts), 0), indexPart(articles.slice(half).map(fieldTexts), half)];
    const plan = planJoin(articles.length, parts);
    for (const count of [1, 2, 3, 7]) {
      const runs = evenRuns(plan.docFreq, count);
      expect(runs).toHaveLength(count);
      expect(runs[0]![0]).toBe(0);
      expect(runs.at(-1)![1]).toBe(plan.terms.length);
      runs.slice(1).forEach(([from], i) => expect(from).toBe(runs[i]![1]));
      const encoded = runs.map(([from, to]) => encodeTerms(parts, plan, from, to));
      expect(assembleIndex(articles.map((a) => a.id), parts, plan, encoded)).toEqual(whole);
    }
    // About as many postings in each run: none more than half again its share.
    const postingsIn = ([from, to]: [number, number]): number => plan.docFreq.subarray(from, to).reduce((sum, n) => sum + n, 0);
    const total = postingsIn([0, plan.terms.length]);
    for (const run of evenRuns(plan.docFreq, 3)) expect(postingsIn(run)).toBeLessThan((total / 3) * 1.5);
    // Runs that leave a term out do not make an index.
    const [first] = evenRuns(plan.docFreq, 2);
    expect(() => assembleIndex(articles.map((a) => a.id), parts, plan, [encodeTerms(parts, plan, ...first!)])).toThrow(/cover/);
  });

  it('keep their terms in code-unit order, prefixes first, however the first characters tie', () => {
    const body = 'a ab abc abcd abce abd b ba 가 가나 가나다 가나다라 가나다마 가나라 나 初心者モード 😀 😀😀 𝐀 z9 z10 9 10 ㅅㄱ ㅅㄱㅎ';
    const index = buildInvertedIndex([...sampleArticles(), article('awkward', '가나다라 abcd', body, { tags: ['ㅅㄱ', '가나'] })]);
    expect(index.terms).toEqual([...index.terms].sort());
    expect(new Set(index.terms).size).toBe(index.terms.length);
  });

  it('take their texts packed into one buffer and back unchanged', () => {
    // Empty fields, emoji, and lone surrogates (which a UTF-8 trip would replace).
    const odd = [article('empty', '', '', { tags: [] }), article('surrogates', 'a\ud800b', '😀 \udc00 끝', { tags: ['\ud83d'] })];
    const texts = [...sampleArticles(), ...odd].map(fieldTexts);
    const packed = packTexts(texts);
    expect(unpackTexts(packed)).toEqual(texts);
    expect(packed.text.byteLength).toBe(2 * texts.reduce((sum, t) => sum + t.title.length + t.tags.length + t.body.length, 0));
  });

  it('may be empty', () => {
    const articles = [article('a', 'Windows 설정', '본문')];
    expect(joinParts(['a'], [indexPart([], 0), indexPart(articles.map(fieldTexts), 0), indexPart([], 1)])).toEqual(buildInvertedIndex(articles));
    // More runs to encode than terms: the last runs are empty, and the index is the same.
    const parts = [indexPart(articles.map(fieldTexts), 0)];
    const plan = planJoin(1, parts);
    const runs = evenRuns(plan.docFreq, plan.terms.length + 3);
    expect(runs.slice(-3)).toEqual([[plan.terms.length, plan.terms.length], [plan.terms.length, plan.terms.length], [plan.terms.length, plan.terms.length]]);
    expect(assembleIndex(['a'], parts, plan, runs.map(([from, to]) => encodeTerms(parts, plan, from, to)))).toEqual(buildInvertedIndex(articles));
    const nothing = planJoin(0, [indexPart([], 0)]);
    expect(evenRuns(nothing.docFreq, 2)).toEqual([[0, 0], [0, 0]]);
  });
});
