/**
 * `npm run bench`: every benchmark, one after another, each in its own process so one's
 * memory and JIT state do not colour the next. Figures, not pass/fail: see the README's
 * performance section for how to read them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCHES = ['sync.ts', 'search.ts', 'api.ts'];
const tsx = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
let failed = false;
for (const bench of BENCHES) {
  const file = join(__dirname, bench);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n=== ${bench} ===\n`);
  const result = spawnSync(process.execPath, [tsx, file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
