/** Runs tests/support/sync-child.ts in its own process and reads its report lines as they come. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const CHILD = join(REPO, 'tests', 'support', 'sync-child.ts');

export interface SyncChild {
  process: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already seen or still to come) that matches. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves when the process has exited and been reaped. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill9(): Promise<void>;
}

export function startSyncChild(contentDb: string, lockFile: string, location: string, flags: string[] = []): SyncChild {
  // `--import tsx` (not the tsx CLI, which runs the script in a grandchild): the pid we kill
  // must be the process that syncs.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, contentDb, lockFile, location, ...flags], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    process: child,
    lines,
    waitFor(pattern) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`the sync child exited (${code ?? signal}) before printing ${pattern}; it said:\n${lines.join('\n')}\n${stderr}`)));
      });
    },
    exited,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
