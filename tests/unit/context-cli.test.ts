/**
 * Context help on the command line, as real processes over the sample help center
 * (resources/content built into a feed of its own and synced into a temp database):
 * `doum search --context <id>` — one article, a list most specific first, an unknown context
 * falling back to a search and saying so — and `doum contexts`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContextInfo, ContextResolution, SearchResult } from '../../shared/types';
import { removeTempDirs, tempDir } from '../support/temp';
import { runDoum } from '../support/cli';

const REPO = join(__dirname, '..', '..');


let dir: string;
let db: string;

const doum = (args: string[]) => runDoum(args, { dataDir: dir });

async function context(id: string, ...flags: string[]): Promise<ContextResolution & { search?: SearchResult }> {
  const run = await doum(['search', '--context', id, '--db', db, '--json', ...flags]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ContextResolution & { search?: SearchResult };
}

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'content.db');
  const build = await doum(['feed', 'build', join(REPO, 'resources', 'content'), '--out', join(dir, 'feed')]);
  expect(build.code).toBe(0);
  const sync = await doum(['sync', '--feed', join(dir, 'feed'), '--db', db, '--json']);
  expect(sync.code).toBe(0);
}, 180_000);

afterAll(removeTempDirs);

describe('doum search --context', () => {
  it('opens the one article for a screen, as the variant for the platform', async () => {
    const theme = await context('settings.display.theme', '--platform', 'macos', '--locale', 'ko');
    expect(theme).toMatchObject({ kind: 'article', matched: 'settings.display.theme' });
    expect(theme.articles.map((a) => a.id)).toEqual(['dark-mode-macos']);
    const deleting = await context('chat.delete-message', '--platform', 'windows', '--locale', 'ko');
    expect(deleting.articles.map((a) => a.id)).toEqual(['delete-message-windows']);
    const error = await context('error.login.e1001', '--locale', 'ko');
    expect(error.articles.map((a) => a.id)).toEqual(['reset-password']);
  });

  it('lists a screen with several articles, the most specific first', async () => {
    const display = await context('settings.display', '--platform', 'windows', '--locale', 'ko');
    expect(display.kind).toBe('list');
    expect(display.articles.map((a) => [a.id, a.context])).toEqual([
      ['dark-mode-windows', 'settings.display.theme'],
      ['font-size-windows', 'settings.display.font-size'],
      ['display-settings', 'settings.display'],
    ]);
  });

  it('takes the nearest broader screen for an error code it does not know', async () => {
    const unknownCode = await context('error.login.e1099', '--locale', 'ko');
    expect(unknownCode).toMatchObject({ kind: 'list', matched: 'error.login' });
    expect(unknownCode.articles.at(-1)).toMatchObject({ id: 'cannot-login', context: 'error.login' });
  });

  it('falls back to a search for the words of an unknown context, and says so', async () => {
    const unknown = await context('billing.coupons');
    expect(unknown).toMatchObject({ kind: 'search', matched: null, articles: [], query: 'billing coupons' });
    expect(unknown.search?.query).toBe('billing coupons');
    const withWords = await context('billing.coupons', '톡페이', '환불');
    expect(withWords.query).toBe('톡페이 환불');
    expect(withWords.search?.results[0]?.id).toBe('talkpay-refund');

    const human = await doum(['search', '--context', 'billing.coupons', '--db', db]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/"billing\.coupons" 화면의 도움말이 없어 "billing coupons"\(으\)로 검색했습니다/);
  });

  it('refuses a malformed id with a readable line', async () => {
    const run = await doum(['search', '--context', 'Settings..Display', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--context: expected a context id \(dot-separated parts of lowercase a-z, 0-9 and "-"/);
  });
});

describe('doum contexts', () => {
  it('lists every context the help center defines with its article count', async () => {
    const run = await doum(['contexts', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const { contexts } = JSON.parse(run.stdout) as { contexts: ContextInfo[] };
    expect(contexts.find((c) => c.id === 'settings.display.theme')).toEqual({ id: 'settings.display.theme', articles: 4, topics: 1 });
    expect(contexts.find((c) => c.id === 'settings.display')).toEqual({ id: 'settings.display', articles: 1, topics: 1 });
    expect(contexts.map((c) => c.id)).toEqual([...contexts.map((c) => c.id)].sort());
    const human = await doum(['contexts', '--db', db]);
    expect(human.stdout).toMatch(/^chat\.delete-message +8 articles, 2 topics$/m);
  });
});
