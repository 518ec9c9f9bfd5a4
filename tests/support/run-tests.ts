/**
 * `npm test`: every check, in the order a failure is cheapest to find — types, lint and layers,
 * the build, unit and integration tests (vitest), the security scan of the Electron code,
 * then the browser and Electron tests (Playwright), whose summary line ends the output.
 * It prepares what a fresh machine lacks: better-sqlite3 built for Node, and a Chromium.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { provideChromium } from './browser';

const ROOT = resolve(__dirname, '..', '..');

function step(title: string): void {
  process.stdout.write(`\n▶ ${title}\n`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

/**
 * `npm start` rebuilds better-sqlite3 for Electron; the tests need it built for Node. Rebuild
 * only when loading it fails with an ABI mismatch.
 */
function ensureNodeSqlite(): void {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: ROOT, encoding: 'utf8' });
  if (probe.status === 0) return;
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(probe.stderr)) {
    process.stderr.write(probe.stderr);
    process.exit(1);
  }
  step('rebuilding better-sqlite3 for Node (it was built for Electron)');
  run('npm', ['rebuild', 'better-sqlite3']);
}

const only = process.argv[2];

ensureNodeSqlite();
if (!only || only === 'static') {
  step('type-check');
  run('npm', ['run', '-s', 'typecheck']);
  step('lint');
  run('npm', ['run', '-s', 'lint']);
  step('layers: who may import whom, and no import cycles (dependency-cruiser, .dependency-cruiser.cjs)');
  run('npm', ['run', '-s', 'layers']);
}
step('build (bundled help center + app)');
run('npm', ['run', '-s', 'build']);
if (!only || only === 'unit') {
  step('unit and integration tests (vitest)');
  run('npx', ['vitest', 'run']);
}
if (!only || only === 'security') {
  step('security scan of the Electron code (electronegativity; accepted findings and reasons in tests/support/electronegativity-accepted.json)');
  run('npx', ['tsx', 'tests/support/electronegativity.ts']);
}
if (!only || only === 'e2e') {
  step('browser and Electron tests (Playwright)');
  const chromium = provideChromium();
  run('npx', ['playwright', 'test'], { ...process.env, ...(chromium ? { DOUM_CHROMIUM: chromium } : {}) });
}
