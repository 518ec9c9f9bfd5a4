/**
 * Loaded before the built app (`node --require tests/support/fake-electron/register.cjs
 * out/main/index.js`): makes `require('electron')` — from the app and from its libraries
 * (electron-log, electron-updater) — return the fake, and gives the process what Electron's
 * main process has (process.type, versions.electron, defaultApp, resourcesPath) for a run
 * from sources (`electron .`). Only the id 'electron' is redirected; everything else loads
 * as usual, so the real package (which would try to download a binary) is never loaded.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { report } from './channel';
import { app, APP_DIR, fakeElectron, startFakeElectron } from './electron';

interface ModuleLoader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const ELECTRON_IDS = new Set(['electron', 'electron/main']);
const loader = Module as unknown as ModuleLoader;
const load = loader._load;
loader._load = function loadWithFakeElectron(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
  if (ELECTRON_IDS.has(request)) return fakeElectron;
  return load.call(this, request, parent, isMain);
};

// The version of Electron the app is built against (its package.json only; nothing of it runs).
const electronPackage = join(APP_DIR, 'node_modules', 'electron');
const { version } = JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')) as { version: string };
Object.defineProperty(process.versions, 'electron', { value: version, enumerable: true });
Object.defineProperty(process, 'type', { value: 'browser', enumerable: true });
if (app.isPackaged) {
  // An installed build: the executable is the app, so argv has no script (Node resolved the
  // main module before this ran), and the extra resources sit in process.resourcesPath.
  process.argv.splice(1, 1);
  Object.defineProperty(process, 'resourcesPath', { value: join(APP_DIR, 'resources'), enumerable: true });
} else {
  // `electron .` runs the app from sources: defaultApp, and Electron's own resources folder.
  Object.defineProperty(process, 'defaultApp', { value: true, enumerable: true });
  Object.defineProperty(process, 'resourcesPath', { value: join(electronPackage, 'dist', 'resources'), enumerable: true });
}

startFakeElectron();
report({ kind: 'installed', pid: process.pid });
