/**
 * A separate process that syncs a content file, for the crash and concurrency tests:
 *   tsx tests/support/sync-child.ts <content.db> <lock-file> <feed-location> [--hold-at-apply]
 * It reports on stdout, one line each, written synchronously so the parent sees a line before
 * anything that follows it happens: "progress <phase> <bytes> <records>", "busy",
 * "done <report json>", "error <kind> <message>". With --hold-at-apply it stops inside the
 * apply transaction (after the first records are written, before the commit) and waits there
 * to be killed.
 */
import { writeSync } from 'node:fs';
import { SyncError } from '../../electron/core/errors';
import { ContentStore } from '../../electron/core/store/content-store';
import { SyncEngine } from '../../electron/core/sync/engine';
import { syncSourceFor } from '../../electron/core/sync/sources';

const [contentDb, lockFile, location, flag] = process.argv.slice(2);
const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

async function main(): Promise<void> {
  const { store } = ContentStore.open(contentDb!);
  const engine = new SyncEngine({ store, lockFile: lockFile! });
  const hold = flag === '--hold-at-apply';
  try {
    const report = await engine.sync(syncSourceFor(location!, { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {
      onProgress: (p) => {
        say(`progress ${p.phase} ${p.bytes ?? 0} ${p.records ?? 0}`);
        if (hold && p.phase === 'apply' && (p.records ?? 0) > 0) {
          say('holding');
          // Block this thread inside the open transaction until the parent kills the process.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
        }
      },
    });
    say(`done ${JSON.stringify(report)}`);
  } catch (error) {
    if (error instanceof SyncError && error.kind === 'busy') say('busy');
    else say(`error ${error instanceof SyncError ? error.kind : 'unknown'} ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    store.close();
  }
}

void main();
