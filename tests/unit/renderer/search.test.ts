import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../../renderer/src/api';
import type { SearchParams } from '../../../renderer/src/state/router';
import { buildQuery, createSearchStore, PAGE_SIZE, type SearchStore } from '../../../renderer/src/state/search';
import { FakeHelpApi, flush, hit, searchResult } from './fake-api';

let fake: FakeHelpApi;
let search: SearchStore;
let shown: SearchParams[];

beforeEach(() => {
  fake = new FakeHelpApi();
  installApi(fake.api);
  search = createSearchStore();
  shown = [];
  search.getState().connect({ showInAddress: (params) => shown.push(params) });
  search.getState().setEnvironment({ hostOs: 'macos', uiLocale: 'en' });
});
afterEach(() => installApi(null));

const texts = (): string[] => fake.callsOf('search').map((call) => call.args[0].text);

describe('the search request loop', () => {
  it('asks the core with the host OS as a preference and the UI language', () => {
    search.getState().setQuery('dark mode');
    expect(fake.take('search').args[0]).toEqual({ text: 'dark mode', platform: 'macos', followNamedPlatform: true, uiLocale: 'en', sort: 'relevance', limit: PAGE_SIZE });
    expect(search.getState().pending).toBe(true);
  });

  it('keeps one search in flight while typing fast and asks only for the latest text next', async () => {
    const { setQuery } = search.getState();
    setQuery('ㄷ');
    setQuery('다');
    setQuery('다크');
    setQuery('다크모');
    expect(texts()).toEqual(['ㄷ']);
    expect(search.getState().query).toBe('다크모');
    await fake.take('search').resolve(searchResult('ㄷ', [hit('stale')]));
    // The answer to 'ㄷ' is not the latest request: dropped, and the latest goes out.
    expect(search.getState().result).toBeNull();
    expect(texts()).toEqual(['ㄷ', '다크모']);
    await fake.take('search').resolve(searchResult('다크모', [hit('dark-mode')]));
    expect(search.getState()).toMatchObject({ pending: false, error: null });
    expect(search.getState().result?.results.map((h) => h.id)).toEqual(['dark-mode']);
  });

  it('keeps the previous results on screen until the new ones arrive', async () => {
    search.getState().setQuery('다크');
    await fake.take('search').resolve(searchResult('다크', [hit('dark')]));
    search.getState().setQuery('다크 모드');
    expect(search.getState().result?.query).toBe('다크');
    expect(search.getState().pending).toBe(true);
  });

  it('shows an error for the latest request only, and a later success clears it', async () => {
    search.getState().setQuery('a');
    search.getState().setQuery('ab');
    await fake.take('search').reject(new Error('old failure'));
    expect(search.getState().error).toBeNull();
    const failure = new Error('index is being rebuilt');
    await fake.take('search').reject(failure);
    // The store keeps the thrown value; ErrorNotice words it (lib/errors.ts).
    expect(search.getState()).toMatchObject({ pending: false, error: failure });
    search.getState().refresh();
    await fake.take('search').resolve(searchResult('ab', [hit('ab')]));
    expect(search.getState()).toMatchObject({ pending: false, error: null });
  });

  it('drops an answer that arrives after the field was cleared', async () => {
    search.getState().setQuery('신고');
    search.getState().setQuery('');
    expect(search.getState()).toMatchObject({ result: null, pending: false });
    await fake.take('search').resolve(searchResult('신고', [hit('report')]));
    expect(search.getState().result).toBeNull();
    expect(texts()).toEqual(['신고']);
  });

  it('offers the first results as suggestions, one per title, only for the text still typed', async () => {
    search.getState().setQuery('신고');
    await fake.take('search').resolve(searchResult('신고', [hit('report-win', '신고하기'), hit('report-mac', '신고하기'), hit('block', '차단하기')]));
    await search.getState().settled();
    await flush();
    expect(search.getState().suggestionsFor).toBe('신고');
    expect(search.getState().suggestions.map((s) => s.id)).toEqual(['report-win', 'block']);
  });

  it('mirrors what the person changed into the address, not what came from it', () => {
    search.getState().setQuery('비번');
    search.getState().setSort('recent');
    search.getState().setPlatform('ios');
    search.getState().setCategory('계정');
    expect(shown.at(-1)).toEqual({ query: '비번', sort: 'recent', category: '계정', platform: 'ios' });
    const count = shown.length;
    search.getState().apply({ query: '와이파이', sort: 'relevance', category: null, platform: null });
    expect(shown).toHaveLength(count);
    expect(search.getState().query).toBe('와이파이');
  });

  it('does not ask again for what it already shows; refresh and show-more do', async () => {
    search.getState().setQuery('메시지');
    await fake.take('search').resolve(searchResult('메시지', [hit('m')]));
    search.getState().apply({ query: '메시지', sort: 'relevance', category: null, platform: null });
    expect(texts()).toHaveLength(1);
    search.getState().showMore();
    expect(fake.take('search').args[0].limit).toBe(PAGE_SIZE * 2);
    search.getState().refresh();
    expect(fake.waitingFor('search')).toBe(0); // joins the loop: one in flight at a time
  });

  it('keeps a settled query in the opt-in log, never an empty one, and ignores the log failing', async () => {
    fake.respond('noteSearch', () => {
      throw new Error('log is off');
    });
    search.getState().settle();
    search.getState().setQuery('프사');
    search.getState().settle();
    await flush();
    expect(fake.callsOf('noteSearch').map((c) => c.args[0])).toEqual(['프사']);
  });
});

describe('the query a search sends', () => {
  const environment = { hostOs: 'windows' as const, uiLocale: 'ko' };
  it('filters by the chip, prefers the host OS for "all" and "common", and caps the rows', () => {
    expect(buildQuery({ query: 'x', sort: 'recent', platform: 'android', category: '채팅', shown: 500, environment })).toEqual({
      text: 'x',
      platform: 'android',
      onlyPlatform: 'android',
      category: '채팅',
      uiLocale: 'ko',
      sort: 'recent',
      limit: 200,
    });
    expect(buildQuery({ query: 'x', sort: 'relevance', platform: 'common', category: null, shown: 30, environment })).toMatchObject({ platform: 'windows', onlyPlatform: 'common' });
    expect(buildQuery({ query: 'x', sort: 'relevance', platform: 'all', category: null, shown: 30, environment })).not.toHaveProperty('onlyPlatform');
  });
});
