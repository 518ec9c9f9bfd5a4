/**
 * A help center's synonyms.yml and help-center.yml (issue 10): validated by `feed build` with
 * the line named, carried in snapshots and deltas, and applied by the search index after a
 * sync — no new app; and the opt-in log of searches that found nothing or only partly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../electron/core/feed/builder';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import { writeContent, type TestArticle } from '../support/content';
import { BASE_ARTICLES } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { runDoum } from '../support/cli';
import { fastSourceFor, openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

const PASS: TestArticle = { id: 'hello-pass', title: '톡안녕패스를 등록하려면', category: '계정/로그인', body: '톡안녕패스로 비밀번호 없이 로그인합니다.' };

function contentWith(files: Record<string, string>, articles: TestArticle[] = [...BASE_ARTICLES, PASS]): string {
  const dir = join(tempDir(), 'content');
  writeContent(dir, articles);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function buildError(contentDir: string): string {
  try {
    buildFeed({ contentDir, outDir: join(tempDir(), 'feed') });
  } catch (error) {
    return String(error);
  }
  throw new Error('the build was expected to fail');
}

describe('feed build checks synonyms.yml and help-center.yml', () => {
  it('names the file and line of a bad entry, and writes nothing', () => {
    const dir = contentWith({ 'synonyms.yml': 'ko:\n  - [비밀번호, 비번]\n  - [혼자]\n  - 42\n' });
    const message = buildError(dir);
    expect(message).toContain('synonyms.yml: line 3:');
    expect(message).toContain('at least two words');
    expect(message).toContain('synonyms.yml: line 4:');
  });

  it('refuses a language tag that is not one, and YAML that does not parse', () => {
    expect(buildError(contentWith({ 'synonyms.yml': 'Korean:\n  - [a, b]\n' }))).toContain('synonyms.yml: line 1: "Korean" is not a language tag');
    expect(buildError(contentWith({ 'synonyms.yml': 'ko:\n  - [a, b\n' }))).toMatch(/synonyms\.yml: line \d+: not valid YAML/);
  });

  it('refuses a support link that is not http(s), and unknown fields', () => {
    expect(buildError(contentWith({ 'help-center.yml': 'supportUrl: javascript:alert(1)\n' }))).toContain('help-center.yml: field "supportUrl": line 1:');
    expect(buildError(contentWith({ 'help-center.yml': 'supportUrl: https://help.example.com/\nphone: 1588\n' }))).toContain('help-center.yml: line 2: unknown field "phone"');
  });

  it('carries synonyms and the support link in the snapshot, and a synonyms-only change in a delta', () => {
    const content = contentWith({ 'synonyms.yml': 'ko:\n  - 뽀로롱 → 톡안녕패스\n', 'help-center.yml': 'supportUrl: https://help.example.com/contact\n' });
    const feed = join(tempDir(), 'feed');
    expect(buildFeed({ contentDir: content, outDir: feed }).revision).toBe(1);
    const snapshot = JSON.parse(readFileSync(join(feed, 'snapshots', 'snapshot-1.json'), 'utf8')) as { synonyms: unknown; supportUrl: unknown };
    expect(snapshot.synonyms).toEqual([{ locale: 'ko', words: ['뽀로롱', '톡안녕패스'], oneWay: true }]);
    expect(snapshot.supportUrl).toBe('https://help.example.com/contact');

    writeFileSync(join(content, 'synonyms.yml'), 'ko:\n  - [뽀로롱, 톡안녕패스]\n');
    const report = buildFeed({ contentDir: content, outDir: feed });
    expect(report).toMatchObject({ revision: 2, unchanged: false, added: 0, updated: 0, deleted: 0 });
    const delta = JSON.parse(readFileSync(join(feed, 'deltas', 'delta-1-2.json'), 'utf8')) as { synonyms: unknown; upserts: unknown[] };
    expect(delta.upserts).toEqual([]);
    expect(delta.synonyms).toEqual([{ locale: 'ko', words: ['뽀로롱', '톡안녕패스'], oneWay: false }]);
  });
});

function open(contentDb: string): Promise<HelpCenter> {
  return openTestHelpCenter({
    files: dataFilesForContentDb(contentDb),
    bundledFeedDir: null,
    sourceFor: fastSourceFor,
  });
}

describe('the search index applies a feed’s synonyms after a sync', () => {
  it('finds an article by a help center’s own word, and follows a changed synonyms.yml without a new app', async () => {
    const content = contentWith({ 'synonyms.yml': 'ko:\n  - 뽀로롱 → 톡안녕패스\n', 'help-center.yml': 'supportUrl: https://help.example.com/contact\n' });
    const feed = join(tempDir(), 'feed');
    buildFeed({ contentDir: content, outDir: feed });
    const center = await open(join(tempDir(), 'content.db'));
    try {
      await center.service.setSettings({ feedUrl: feed });
      await center.service.syncNow();
      expect((await center.service.search({ text: '뽀로롱' })).results[0]?.id).toBe('hello-pass');
      expect((await center.service.search({ text: '빠라람' })).total).toBe(0);
      // The zero-result page's help: the feed's contact link.
      expect((await center.service.search({ text: '빠라람' })).help?.supportUrl).toBe('https://help.example.com/contact');

      writeFileSync(join(content, 'synonyms.yml'), 'ko:\n  - 빠라람 → 톡안녕패스\n');
      buildFeed({ contentDir: content, outDir: feed });
      await center.service.syncNow();
      expect((await center.service.search({ text: '빠라람' })).results[0]?.id).toBe('hello-pass');
      expect((await center.service.search({ text: '뽀로롱' })).total).toBe(0);
    } finally {
      center.close();
    }
  });
});

describe('the opt-in search log', () => {
  it('keeps nothing until turned on, then counts searches that found nothing or only partly, and clears', async () => {
    const db = join(tempDir(), 'content.db');
    const feed = join(tempDir(), 'feed');
    buildFeed({ contentDir: contentWith({}), outDir: feed });
    const center = await open(db);
    try {
      await center.service.setSettings({ feedUrl: feed });
      await center.service.syncNow();
      expect((await center.service.getSettings()).recordSearches).toBe(false);
      await center.service.noteSearch('없는말');
      expect(await center.service.listSearchLog()).toEqual([]);

      await center.service.setSettings({ recordSearches: true });
      await center.service.noteSearch('없는말');
      await center.service.noteSearch('없는말');
      await center.service.noteSearch('대출 차단');
      await center.service.noteSearch('차단');
      const log = await center.service.listSearchLog();
      expect(log.map(({ query, outcome, count }) => ({ query, outcome, count }))).toEqual([
        { query: '없는말', outcome: 'none', count: 2 },
        { query: '대출 차단', outcome: 'partial', count: 1 },
      ]);
      expect(log[0]!.lastAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    } finally {
      center.close();
    }

    // `doum report searches --json` lists the same, from the same files.
    const report = (await runDoum(['report', 'searches', '--db', db, '--json'])).stdout;
    expect(JSON.parse(report)).toMatchObject({ recording: true, searches: [{ query: '없는말', count: 2 }, { query: '대출 차단', count: 1 }] });

    const again = await open(db);
    try {
      await again.service.clearSearchLog();
      expect(await again.service.listSearchLog()).toEqual([]);
    } finally {
      again.close();
    }
  });
});
