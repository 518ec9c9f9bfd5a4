/**
 * `doum search` as a real process over the bundled help center: one query, --json, and the
 * --stdin batch mode (JSON Lines, one answer per input line, each with its tookMs).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { runDoum } from '../support/cli';



let db: string;

const doum = (args: string[], input = '') => runDoum(args, { dataDir: join(db, '..'), input });

beforeAll(async () => {
  db = join(tempDir(), 'content.db');
  // The first run imports the bundled help center and builds the index.
  const first = await doum(['search', '준비', '--db', db, '--json']);
  expect(first.code).toBe(0);
}, 120_000);

afterAll(removeTempDirs);

describe('doum search', () => {
  it('prints one JSON document with the total and one result per topic', async () => {
    const run = await doum(['search', '맥', '로그아웃', '--db', db, '--json', '--platform', 'windows']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { total: number; platform: string; results: Array<{ id: string; snippet: { text: string; ranges: number[][] }; variants: Array<{ id: string; platform: string }> }> };
    expect(result.platform).toBe('macos');
    expect(result.results[0]!.id).toBe('logout-macos');
    expect(result.results[0]!.variants[0]).toMatchObject({ id: 'logout-macos', platform: 'macos' });
    expect(result.total).toBeGreaterThanOrEqual(result.results.length);
    expect(Array.isArray(result.results[0]!.snippet.ranges)).toBe(true);
  });

  it('answers every line of standard input with one JSON line, tookMs included', async () => {
    const lines = ['메시지 삭제', '', 'tlsrh', ':~^*+-', 'ㅅㄱ'];
    const run = await doum(['search', '--stdin', '--json', '--db', db], `${lines.join('\n')}\n`);
    expect(run.code).toBe(0);
    const out = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { query: string; tookMs: number; total: number; didYouMean: string | null });
    expect(out.map((r) => r.query)).toEqual(lines);
    for (const r of out) expect(typeof r.tookMs).toBe('number');
    expect(out[0]!.total).toBeGreaterThan(0);
    expect(out[1]!.total).toBe(0);
    expect(out[2]!.didYouMean).toBe('신고');
  });

  it('refuses --stdin without --json, and a query with --stdin, with a readable line', async () => {
    const plain = await doum(['search', '--stdin', '--db', db]);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/--json/);
    const both = await doum(['search', '메시지', '--stdin', '--json', '--db', db]);
    expect(both.code).not.toBe(0);
  });
});
