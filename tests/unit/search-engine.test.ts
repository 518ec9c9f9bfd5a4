/**
 * The search engine over the bundled sample help center (208 real-looking articles) and a few
 * hand-made ones: every behaviour of issue 4, asserted on real indexes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../electron/core/search/engine';
import { BestFirst } from '../../electron/core/search/suggest';
import { prng } from '../support/prng';
import type { SearchHit, SearchQuery, SearchResult } from '../../shared/types';
import { article, sampleArticles } from './search-fixtures';

let engine: SearchEngine;

beforeAll(() => {
  engine = SearchEngine.build(sampleArticles());
});

function search(text: string, options: Partial<SearchQuery> = {}, platform: 'macos' | 'windows' | 'linux' = 'macos'): SearchResult {
  return engine.search({ text, ...options }, { platform });
}

/** The topic (group, else the id) of a hit: what "the right article" means across variants. */
function topic(hit: SearchHit | undefined): string | undefined {
  if (!hit) return undefined;
  return sampleArticles().find((a) => a.id === hit.id)?.group ?? hit.id;
}

function marked(text: string, ranges: ReadonlyArray<readonly [number, number]>): string[] {
  return ranges.map(([start, end]) => text.slice(start, end));
}

describe('Korean words as people type them', () => {
  const small = SearchEngine.build(
    [
      article('a', '메시지가 안 보여요', '받은 메시지가 채팅방에 보이지 않을 때 확인할 사항입니다.'),
      article('b', '신고 기능 안내', '신고된 내용은 운영팀이 검토합니다.'),
      article('c', '사진 보내기', '사진을 골라 보냅니다.'),
    ].map((a) => ({ ...a, category: '도움말' })),
  );
  const ids = (text: string): string[] => small.search({ text }, { platform: 'macos' }).results.map((h) => h.id);

  it('finds a word whatever particle follows it (메시지를 finds 메시지가)', () => {
    expect(ids('메시지를')).toEqual(['a']);
    expect(ids('메시지는')).toEqual(['a']);
  });

  it('finds a verb by its noun whatever the ending (신고하기, 신고하려면 → 신고)', () => {
    expect(ids('신고하기')).toEqual(['b']);
    expect(ids('신고하려면')).toEqual(['b']);
  });

  it('finds a word inside a compound (안녕패스 → 톡안녕패스)', () => {
    const result = search('안녕패스');
    expect(result.results.length).toBeGreaterThan(3);
    for (const hit of result.results.slice(0, 5)) expect(hit.title).toContain('톡안녕패스');
    expect(marked(result.results[0]!.title, result.results[0]!.titleRanges)).toEqual(['안녕패스']);
  });

  it('finds words typed together without a space (톡안녕패스등록)', () => {
    expect(topic(search('톡안녕패스등록').results[0])).toBe('talkhello-pass-setup');
  });

  it('reads 초성 as the words they start (ㅅㄱ → 신고)', () => {
    const result = search('ㅅㄱ');
    expect(topic(result.results[0])).toBe('report-friend-message');
    expect(marked(result.results[0]!.title, result.results[0]!.titleRanges)).toEqual(['신고']);
    expect(topic(search('ㅌㅇㄴㅍㅅ ㄷㄹ').results[0])).toBe('talkhello-pass-setup');
  });

  it('treats an unfinished last syllable as a prefix (메시ㅈ → 메시지)', () => {
    const result = search('메시ㅈ');
    expect(result.total).toBeGreaterThan(0);
    expect(result.results[0]!.title).toContain('메시지');
    expect(topic(search('메시지 삭ㅈ').results[0])).toBe('delete-message');
    expect(topic(search('메시지 삭').results[0])).toBe('delete-message');
  });

  it('normalises decomposed Hangul (NFC) in queries', () => {
    const decomposed = '메시지 삭제'.normalize('NFD');
    expect(decomposed).not.toBe('메시지 삭제');
    expect(topic(search(decomposed).results[0])).toBe('delete-message');
  });

  it('tolerates one typo and says what it searched for', () => {
    const result = search('메세지 삭제');
    expect(topic(result.results[0])).toBe('delete-message');
    expect(result.didYouMean).toBe('메시지 삭제');
    const english = search('delete mesages');
    expect(english.results[0]!.title).toBe('How do I delete messages in a chat?');
  });
});

describe('the wrong keyboard layout', () => {
  it('reads Latin keys as the Korean they were meant to be (tlsrh → 신고) and offers it as didYouMean', () => {
    const result = search('tlsrh');
    expect(result.didYouMean).toBe('신고');
    expect(topic(result.results[0])).toBe('report-friend-message');
    expect(topic(search('aptlwl tkrwp').results[0])).toBe('delete-message');
  });

  it('reads jamo typed for English as the English word (ㅈㅑㅜㅇㅐㅈㄴ → windows)', () => {
    const result = search('ㅈㅑㅜㅇㅐㅈㄴ');
    expect(result.didYouMean).toBe('windows');
    expect(result.platform).toBe('windows');
    expect(result.results[0]!.title).toMatch(/Windows/);
    expect(search('쟈ㅜ앶ㄴ').didYouMean).toBe('windows');
  });

  it('leaves correct Korean and English alone', () => {
    expect(search('신고').didYouMean).toBeNull();
    expect(search('report').didYouMean).toBeNull();
    expect(search('ㅅㄱ').didYouMean).toBeNull();
  });
});

describe('English and mixed queries', () => {
  it('stems English words and ignores stop words', () => {
    const result = search('how to deleting the messages');
    expect(result.results[0]!.title).toBe('How do I delete messages in a chat?');
    expect(marked(result.results[0]!.title, result.results[0]!.titleRanges)).toEqual(['delete', 'messages']);
  });

  it('searches Korean and English words together', () => {
    expect(search('QR코드 친구 추가').results[0]!.title).toContain('QR코드');
    expect(topic(search('TalkHello Pass 등록').results[0])).toBe('talkhello-pass-setup');
  });
});

describe('platform words', () => {
  it('turn 맥 and 윈도우 into the preferred platform instead of required words', () => {
    const mac = search('맥 로그아웃', {}, 'windows');
    expect(mac.platform).toBe('macos');
    expect(mac.results[0]!.id).toBe('logout-macos');
    expect(mac.results[0]!.variants.map((v) => v.platform)).toEqual(['macos', 'common', 'android', 'ios', 'windows'].filter((p) => mac.results[0]!.variants.some((v) => v.platform === p)));
    const windows = search('윈도우에서 로그아웃', {}, 'macos');
    expect(windows.platform).toBe('windows');
    expect(windows.results[0]!.id).toBe('logout-windows');
  });

  it('outrank the platform option, which is itself only a preference', () => {
    expect(search('아이폰 로그아웃', { platform: 'android' }).results[0]!.id).toBe('logout-ios');
    const preferred = search('로그아웃', { platform: 'android' });
    expect(preferred.platform).toBe('android');
    expect(preferred.results[0]!.id).toBe('logout-android');
    // A preference never removes anything.
    expect(preferred.total).toBe(search('로그아웃', { platform: 'windows' }).total);
  });

  it('rank the article for the named platform above other platforms’ ones', () => {
    expect(search('맥 설치').results[0]!.id).toBe('install-pc-macos');
    expect(search('윈도우 설치', {}, 'macos').results[0]!.id).toBe('install-pc-windows');
  });

  it('take the version number after them along (윈도우10, iOS 17) and mark the platform’s names', () => {
    const result = search('윈도우10 알림', {}, 'macos');
    expect(result.platform).toBe('windows');
    expect(result.total).toBe(search('윈도우 알림', {}, 'macos').total);
    const mac = search('맥 설치');
    expect(marked(mac.results[0]!.title, mac.results[0]!.titleRanges)).toEqual(['Mac', '설치']);
  });

  it('are searched as words when nothing else is asked (windows)', () => {
    const result = search('windows');
    expect(result.platform).toBe('windows');
    expect(result.results[0]!.title).toMatch(/Windows/);
  });
});

describe('results', () => {
  it('give one result per topic, the requested platform’s variant first, the others listed', () => {
    const result = search('메시지 삭제', {}, 'windows');
    const top = result.results[0]!;
    expect(top.id).toBe('delete-message-windows');
    expect(top.variants[0]).toEqual({ id: 'delete-message-windows', platform: 'windows', locale: 'ko' });
    expect(top.variants.map((v) => v.id).sort()).toEqual(['delete-message-android', 'delete-message-ios', 'delete-message-macos', 'delete-message-windows']);
    const topics = result.results.map(topic);
    expect(new Set(topics).size).toBe(topics.length);
  });

  it('fall back to the common variant when the preferred platform has none', () => {
    const small = SearchEngine.build([
      article('x-common', '알림 설정', '알림을 켭니다.', { group: 'x', platform: 'common' }),
      article('x-android', '알림 설정', '알림을 켭니다.', { group: 'x', platform: 'android' }),
    ]);
    expect(small.search({ text: '알림' }, { platform: 'macos' }).results[0]!.id).toBe('x-common');
    expect(small.search({ text: '알림' }, { platform: 'android' }).results[0]!.id).toBe('x-android');
  });

  it('count every matching topic and facet it by category, service, platform and locale', () => {
    const result = search('메시지 삭제', { limit: 2 });
    expect(result.results.length).toBe(2);
    expect(result.total).toBeGreaterThanOrEqual(2);
    const categoryTotal = Object.values(result.facets.category).reduce((a, b) => a + b, 0);
    expect(categoryTotal).toBe(result.total);
    expect(result.facets.category['채팅/메시지']).toBeGreaterThanOrEqual(2);
    expect(Object.values(result.facets.service).reduce((a, b) => a + b, 0)).toBe(result.total);
    expect(result.facets.platform.macos).toBeGreaterThanOrEqual(2);
    expect(result.facets.locale.ko).toBe(result.total);
  });

  it('filter by category (with sub-categories), service, locale and platform', () => {
    const all = search('로그아웃');
    const account = search('로그아웃', { category: '계정' });
    expect(account.total).toBeGreaterThan(0);
    expect(account.total).toBeLessThan(all.total);
    for (const hit of account.results) expect(hit.category.startsWith('계정/')).toBe(true);
    // Facets for the filtered dimension still show the other choices.
    expect(Object.keys(account.facets.category).length).toBeGreaterThan(1);
    expect(search('로그아웃', { service: '없는 서비스' }).total).toBe(0);
    const english = search('logout', { locale: 'en' });
    for (const hit of english.results) expect(hit.locale).toBe('en');
    // A platform filter keeps the topics that apply there: its own variant first, and the
    // common ones (they apply on every platform), never another platform's only.
    const linux = search('설치', { onlyPlatform: 'linux' });
    expect(linux.results[0]!.id).toBe('install-linux-beta');
    for (const hit of linux.results) expect(['linux', 'common']).toContain(hit.platform);
    expect(linux.total).toBe(linux.facets.platform.linux);
    const commonOnly = search('설치', { onlyPlatform: 'common' });
    for (const hit of commonOnly.results) expect(hit.platform).toBe('common');
    expect(commonOnly.total).toBeLessThan(linux.total);
    // "All platforms" counts what the platform filter would let through without it.
    expect(linux.facets.anyPlatform).toBe(search('설치').total);
  });

  it('sort by relevance or by recency', () => {
    const recent = search('설치', { sort: 'recent' });
    const dates = recent.results.map((h) => h.updatedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const relevant = search('설치');
    const scores = relevant.results.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(recent.total).toBe(relevant.total);
  });

  it('page with offset and limit', () => {
    const first = search('톡플러스', { limit: 5 });
    const second = search('톡플러스', { limit: 5, offset: 5 });
    expect(second.results.map((h) => h.id)).toEqual(search('톡플러스', { limit: 10 }).results.slice(5).map((h) => h.id));
    expect(first.total).toBe(second.total);
  });

  it('weigh a title match above a tag match above a body match', () => {
    const small = SearchEngine.build([
      article('body', '다른 이야기', '여기 본문에 한 번 보안이라는 말이 나옵니다. 그 밖의 설명이 이어집니다.'),
      article('tags', '또 다른 이야기', '그 밖의 설명이 이어집니다.', { tags: ['보안'] }),
      article('title', '보안 안내', '그 밖의 설명이 이어집니다.'),
    ]);
    expect(small.search({ text: '보안' }, { platform: 'macos' }).results.map((h) => h.id)).toEqual(['title', 'tags', 'body']);
  });

  it('return snippets and titles with match ranges as offsets into the returned text', () => {
    const result = search('메시지를 삭제하려면');
    expect(result.results.length).toBeGreaterThan(0);
    for (const hit of result.results) {
      expect(typeof hit.snippet.text).toBe('string');
      expect(hit.snippet.text).not.toMatch(/<[a-z]/i);
      // The query's words, or the synonyms they were searched with (지우다, 제거 for 삭제).
      const searched = ['메시지', '삭제', '지우', '제거', '문자'];
      for (const piece of marked(hit.snippet.text, hit.snippet.ranges)) expect(searched).toContain(piece);
      for (const piece of marked(hit.title, hit.titleRanges)) expect(searched).toContain(piece);
    }
    const top = result.results[0]!;
    expect(marked(top.title, top.titleRanges)).toEqual(['메시지', '삭제']);
    expect(top.snippet.ranges.length).toBeGreaterThan(0);
  });

  it('require every word of a short query, fewer of a long question', () => {
    // A topic matches when one of its variants has every word (the one shown is the
    // preferred platform's, which may word things differently).
    for (const hit of search('메시지 삭제', { limit: 50 }).results) {
      const variants = sampleArticles().filter((a) => hit.variants.some((v) => v.id === a.id));
      const texts = variants.map((a) => `${a.title} ${a.bodyText} ${a.tags.join(' ')} ${a.category}`);
      expect(texts.some((text) => text.includes('메시지') && text.includes('삭제'))).toBe(true);
    }
    const question = search('친구가 보낸 메시지를 신고하려면 어떻게 하나요?');
    expect(topic(question.results[0])).toBe('report-friend-message');
  });

  it('find nothing, without failing, for words no article has', () => {
    const result = search('존재하지않는단어입니다 qqqzzz');
    expect(result).toMatchObject({ total: 0, results: [], didYouMean: null });
  });
});

describe('suggestions as you type', () => {
  it('read their candidates best bound first, equal bounds in the scorer’s order, as a full sort would', () => {
    const random = prng(11);
    for (const count of [0, 1, 2, 7, 64, 1000]) {
      // Few distinct values, so most bounds tie.
      const bounds = Float64Array.from({ length: count }, () => Math.floor(random() * 5) / 2);
      const sorted = Array.from({ length: count }, (_, i) => i).sort((a, b) => bounds[b]! - bounds[a]! || a - b);
      const queue = new BestFirst(bounds, count);
      const taken: number[] = [];
      for (let i = queue.next(); i >= 0; i = queue.next()) taken.push(i);
      expect(taken).toEqual(sorted);
    }
  });

  it('complete titles from the start of their words, one per topic, the preferred platform’s variant', () => {
    const found = engine.suggest('메시ㅈ', { platform: 'windows' });
    expect(found.length).toBeGreaterThan(2);
    for (const s of found) expect(marked(s.title, s.titleRanges)[0]).toBe('메시지');
    const deletion = found.find((s) => s.title.includes('삭제'));
    expect(deletion?.id).toBe('delete-message-windows');
    expect(new Set(found.map((s) => s.title)).size).toBe(found.length);
  });

  it('understand 초성, compounds, the wrong layout and English', () => {
    expect(engine.suggest('ㅅㄱ', { platform: 'macos' })[0]!.title).toContain('신고');
    expect(engine.suggest('안녕패스', { platform: 'macos' }).every((s) => s.title.includes('톡안녕패스'))).toBe(true);
    expect(engine.suggest('tlsr', { platform: 'macos' })[0]!.title).toContain('신고');
    expect(engine.suggest('how do i del', { platform: 'macos' })[0]!.title).toBe('How do I delete messages in a chat?');
  });

  it('respect the locale and the limit, and give nothing for nothing', () => {
    expect(engine.suggest('how', { platform: 'macos', locale: 'ko' })).toEqual([]);
    expect(engine.suggest('톡', { platform: 'macos', limit: 3 })).toHaveLength(3);
    expect(engine.suggest('', { platform: 'macos' })).toEqual([]);
    expect(engine.suggest('   ', { platform: 'macos' })).toEqual([]);
  });
});
