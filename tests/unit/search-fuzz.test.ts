/**
 * No input throws: thousands of seeded random queries — lunr syntax, emoji, control
 * characters, lone surrogates, jamo, 10,000-character strings, odd options — each must give a
 * well-formed result (and suggestions), with every match range inside the text it marks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../electron/core/search/engine';
import { PLATFORMS, isPlatform } from '../../shared/platform';
import type { MatchRange, SearchQuery, SearchResult, Suggestion } from '../../shared/types';
import { prng } from '../support/prng';
import { sampleArticles } from './search-fixtures';

const PIECES = [
  ':', '~', '^', '*', '+', '-', '"', "'", '\\', '(', ')', '[', ']', '{', '}', '?', '!', '/', '|', '&', '<', '>', '`', '%',
  ' ', '  ', '\t', '\n', '\r\n', '\u0000', '\u0007', '\u001b', '\u007f', '\u200b', '\u200d', '\ufeff', '\u2028', '\u3000',
  '😀', '👍🏽', '👨‍👩‍👧', '🇰🇷', '\ud800', '\udc00', '\udbff', '\ud83d', 'é', 'e\u0301', 'ﬁ', 'İ', 'ß', 'Ω', '中文', 'カタカナ', 'ＰＣ', '１２３',
  '메시지', '삭제', '신고하려면', '톡안녕패스', '를', '에서', 'ㅅㄱ', 'ㅈ', 'ㅏ', 'ㅘ', '\u1100\u1161', '메시ㅈ', '갃', '힣',
  'tlsrh', 'dkssud', 'windows', 'Mac', 'report', 'the', 'a', '맥', '윈도우', '아이폰', 'android',
  '0', '42', '3.14', '1e9', 'NaN', '__proto__', 'constructor', 'toString', '\\u0000',
];

function randomString(random: () => number): string {
  const kind = random();
  if (kind < 0.02) return PIECES[Math.floor(random() * PIECES.length)]!.repeat(10_000).slice(0, 10_000);
  if (kind < 0.05) return Array.from({ length: 10_000 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
  if (kind < 0.25) return Array.from({ length: Math.floor(random() * 40) }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
  return Array.from({ length: Math.floor(random() * 8) }, () => PIECES[Math.floor(random() * PIECES.length)]!).join(random() < 0.5 ? ' ' : '');
}

function randomQuery(random: () => number, text: string): SearchQuery {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const query: SearchQuery = { text };
  if (random() < 0.3) query.platform = pick(PLATFORMS);
  if (random() < 0.2) query.onlyPlatform = pick(PLATFORMS);
  if (random() < 0.2) query.category = pick(['채팅', '채팅/메시지', '', '없음', '계정/']);
  if (random() < 0.1) query.service = pick(['톡플러스', 'TalkPlus', '']);
  if (random() < 0.2) query.locale = pick(['ko', 'en', 'xx', '']);
  if (random() < 0.1) query.uiLocale = pick(['ko', 'en']);
  if (random() < 0.3) query.sort = pick(['relevance', 'recent'] as const);
  if (random() < 0.3) query.limit = pick([0, 1, 5, 200, 1000, -3, 2.5, Number.NaN]);
  if (random() < 0.3) query.offset = pick([0, 3, 1000, -1, Number.NaN]);
  return query;
}

function expectRanges(text: string, ranges: readonly MatchRange[]): void {
  let last = 0;
  for (const [start, end] of ranges) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(last);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    last = end;
  }
}

function expectResultShape(result: SearchResult, query: SearchQuery): void {
  expect(typeof result.query).toBe('string');
  expect(Number.isInteger(result.total) && result.total >= 0).toBe(true);
  expect(Array.isArray(result.results)).toBe(true);
  expect(result.results.length).toBeLessThanOrEqual(Math.max(result.total, 0));
  expect(isPlatform(result.platform)).toBe(true);
  expect(result.didYouMean === null || typeof result.didYouMean === 'string').toBe(true);
  expect(Number.isFinite(result.tookMs)).toBe(true);
  for (const facet of [result.facets.category, result.facets.service, result.facets.locale, result.facets.platform]) {
    for (const count of Object.values(facet)) expect(Number.isInteger(count) && count! > 0).toBe(true);
  }
  const ids = new Set<string>();
  for (const hit of result.results) {
    expect(ids.has(hit.id)).toBe(false);
    ids.add(hit.id);
    expect(Number.isFinite(hit.score)).toBe(true);
    expectRanges(hit.title, hit.titleRanges);
    expectRanges(hit.snippet.text, hit.snippet.ranges);
    expect(hit.variants[0]!.id).toBe(hit.id);
    // A platform filter keeps topics that apply there: a variant for it, or a common one.
    if (query.onlyPlatform) expect(hit.variants.some((v) => v.platform === query.onlyPlatform || v.platform === 'common')).toBe(true);
  }
  // The text must survive JSON (the IPC and HTTP transports).
  expect(() => JSON.parse(JSON.stringify(result)) as unknown).not.toThrow();
}

function expectSuggestions(list: readonly Suggestion[]): void {
  expect(list.length).toBeLessThanOrEqual(50);
  for (const s of list) expectRanges(s.title, s.titleRanges);
}

let engine: SearchEngine;

beforeAll(() => {
  engine = SearchEngine.build(sampleArticles());
});

describe('search never throws', () => {
  it('answers 3,000 seeded random queries with a well-formed result', () => {
    const random = prng(20_261_128);
    for (let i = 0; i < 3000; i++) {
      const text = randomString(random);
      const query = randomQuery(random, text);
      let result: SearchResult | undefined;
      try {
        result = engine.search(query, { platform: 'macos' });
      } catch (error) {
        throw new Error(`query #${i} ${JSON.stringify(query).slice(0, 200)} threw: ${String(error)}`);
      }
      expectResultShape(result, query);
      if (i % 3 === 0) expectSuggestions(engine.suggest(text, { platform: 'windows', limit: 5 }));
    }
    // 4,000 calls, each reading random compounds for their words: about 20 s alone, more on a
    // machine shared with other work (a bound on the run, not a performance assertion).
  }, 90_000);

  it('handles empty, blank and non-string queries', () => {
    for (const text of ['', ' ', '\n\t', '\u3000', ':', '~^*+-']) {
      const result = engine.search({ text }, { platform: 'macos' });
      expectResultShape(result, { text });
      expect(result.total).toBe(0);
    }
    const odd = [undefined, null, 42, {}] as unknown as string[];
    for (const text of odd) expectResultShape(engine.search({ text }, { platform: 'macos' }), { text: '' });
    for (const text of odd) expect(engine.suggest(text)).toEqual([]);
  });

  it('keeps every lunr syntax character a separator, not an operator', () => {
    const plain = engine.search({ text: '메시지 삭제' }, { platform: 'macos' });
    for (const operator of [':', '~', '^', '*', '+', '-', '\\', '"']) {
      const result = engine.search({ text: `메시지${operator} ${operator}삭제` }, { platform: 'macos' });
      expect(result.results.map((h) => h.id)).toEqual(plain.results.map((h) => h.id));
    }
  });
});
