/**
 * One full sync in a process of its own, for `npm run bench:sync`'s memory figures: imports
 * the feed at --url into a fresh store in --dir and prints, as JSON, the resident memory
 * before the sync and the process's peak (getrusage maxRSS), so nothing else the benchmark
 * did (generating the feed, other runs) counts.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import { syncSourceFor } from '../../electron/core/sync/sources';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, dir: { type: 'string' } } });
  if (!values.url || !values.dir) throw new Error('sync-memory needs --url and --dir');
  const file = join(values.dir, 'content.db');
  const { store } = ContentStore.open(file);
  const engine = new SyncEngine({ store, lockFile: join(values.dir, 'sync.lock') });
  const rssBefore = process.memoryUsage().rss;
  const report = await engine.sync(syncSourceFor(values.url));
  store.close();
  process.stdout.write(`${JSON.stringify({ articles: report.total, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024, dbBytes: statSync(file).size })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
