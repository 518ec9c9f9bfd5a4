/**
 * `npm start`: build what is missing, then run the desktop app — or, where no Electron
 * binary can be had, say so in one line and open the browser preview instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { installedElectronBinary } from './electron-binary';
import { ensureBundledFeed, note, REPO_ROOT } from './context';
import { main } from './index';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** The app needs better-sqlite3 built for Electron's ABI (the tests rebuild it for Node). */
function rebuildNativeModulesForElectron(): void {
  const builder = resolve(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  if (existsSync(builder)) run(builder, ['install-app-deps']);
  else note('doum: electron-builder is missing, so better-sqlite3 was not rebuilt for Electron');
}

async function start(): Promise<void> {
  ensureBundledFeed();
  run('npx', ['electron-vite', 'build']);
  const electron = installedElectronBinary();
  if (!electron) {
    note('doum: no Electron binary is installed here (npx install-electron must download it), so the browser preview opens instead.');
    await main(['preview', ...process.argv.slice(2)]);
    return;
  }
  rebuildNativeModulesForElectron();
  const child = spawn(electron, [REPO_ROOT, ...process.argv.slice(2)], { cwd: REPO_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

start().catch((error: unknown) => {
  process.stderr.write(`doum: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
