/**
 * The layer rules (.dependency-cruiser.cjs) allow exactly the arrows of README "Layout" and
 * reject every other one. `npm test` runs them on the real tree; here they run on a small
 * tree written for the test, with one module per forbidden arrow, so each rule is shown to fire
 * (and to fire alone) and the allowed arrows are shown to pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';

const CONFIG = resolve(__dirname, '..', '..', '.dependency-cruiser.cjs');

afterAll(removeTempDirs);

/** A package in the tree's node_modules, declared in its package.json like Doum's own. */
const PACKAGES = { electron: 'devDependencies', react: 'devDependencies', 'better-sqlite3': 'dependencies' } as const;

/** Modules every tree has, importing only along allowed arrows. */
const ALLOWED: Record<string, string> = {
  'shared/contract.ts': 'export type Contract = { ok: true };\n',
  'electron/core/domain.ts': "import { readFileSync } from 'node:fs';\nimport Database from 'better-sqlite3';\nimport type { Contract } from '../../shared/contract';\nexport const domain = (): [Contract, typeof readFileSync, typeof Database] => [{ ok: true }, readFileSync, Database];\n",
  'electron/main/index.ts': "import { app } from 'electron';\nimport { domain } from '../core/domain';\nimport type { Contract } from '../../shared/contract';\nexport const main = (): [unknown, unknown, Contract | undefined] => [app, domain, undefined];\n",
  'electron/preload/index.ts': "import { contextBridge } from 'electron';\nimport type { Contract } from '../../shared/contract';\nexport const expose = (api: Contract): void => contextBridge.exposeInMainWorld('doum', api);\n",
  'electron/preview/server.ts': "import { createServer } from 'node:http';\nimport { domain } from '../core/domain';\nexport const serve = (): [unknown, unknown] => [createServer, domain];\n",
  'electron/cli/index.ts': "import { domain } from '../core/domain';\nimport { serve } from '../preview/server';\nexport const cli = (): [unknown, unknown] => [domain, serve];\n",
  'renderer/src/app.tsx': "import { useState } from 'react';\nimport type { Contract } from '../../shared/contract';\nexport const App = (): [unknown, Contract | undefined] => [useState, undefined];\n",
  'tests/unit/anything.test.ts': "import { main } from '../../electron/main/index';\nimport { App } from '../../renderer/src/app';\nimport { cli } from '../../electron/cli/index';\nexport const all = [main, App, cli];\n",
};

function writeTree(files: Record<string, string>): string {
  const root = tempDir('doum-layers-');
  const dependencies: Record<string, string> = {};
  const devDependencies: Record<string, string> = {};
  for (const [name, field] of Object.entries(PACKAGES)) {
    (field === 'dependencies' ? dependencies : devDependencies)[name] = '1.0.0';
    files[`node_modules/${name}/package.json`] = JSON.stringify({ name, version: '1.0.0', main: 'index.js' });
    files[`node_modules/${name}/index.js`] = 'module.exports = {};\n';
  }
  // A tree may add fields of its own to the package.json ("imports" aliases).
  files['package.json'] = JSON.stringify({ name: 'tree', dependencies, devDependencies, ...(files['package.json'] ? (JSON.parse(files['package.json']) as object) : {}) });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Cruises a tree with Doum's own rules and options, as `npm run layers` does. */
async function violationsIn(files: Record<string, string>): Promise<Violation[]> {
  const root = writeTree({ ...ALLOWED, ...files });
  const options: ICruiseOptions = { ...(await extractDepcruiseOptions(CONFIG)), baseDir: root };
  delete options.tsConfig; // the tree needs no path mapping
  const { output } = await cruise(['electron', 'shared', 'renderer', 'tests'], options);
  const result = output as ICruiseResult;
  return (result.summary.violations ?? []).map(({ rule, from, to }) => ({ rule: rule.name, from, to })).sort((a, b) => a.from.localeCompare(b.from));
}

describe('the layer rules', () => {
  it('pass every allowed arrow: renderer → shared, main → core → shared, preload → shared, preview → core, cli → core and preview, tests → anything', async () => {
    expect(await violationsIn({})).toEqual([]);
  });

  it('reject each arrow the layout does not have, naming the rule it breaks', async () => {
    const violations = await violationsIn({
      'renderer/src/reaches-core.ts': "export * from '../../electron/core/domain';\n",
      'renderer/src/uses-electron.ts': "export { ipcRenderer } from 'electron';\n",
      'renderer/src/uses-node.ts': "export { readFileSync } from 'node:fs';\n",
      'shared/reaches-core.ts': "export * from '../electron/core/domain';\n",
      'shared/uses-node.ts': "export { join } from 'node:path';\n",
      'electron/core/reaches-main.ts': "export * from '../main/index';\n",
      'electron/core/reaches-tests.ts': "export * from '../../tests/unit/anything.test';\n",
      'electron/core/types-from-main.ts': "import type { main } from '../main/index';\nexport type Main = typeof main;\n",
      'electron/core/uses-electron.ts': "export { app } from 'electron';\n",
      'electron/core/uses-react.ts': "export { useState } from 'react';\n",
      'electron/main/reaches-preview.ts': "export * from '../preview/server';\n",
      'electron/main/reaches-renderer.ts': "export * from '../../renderer/src/app';\n",
      'electron/preload/reaches-core.ts': "export * from '../core/domain';\n",
      'electron/preload/uses-node.ts': "export { readFileSync } from 'node:fs';\n",
      'electron/preview/reaches-cli.ts': "export * from '../cli/index';\n",
      'electron/cli/reaches-main.ts': "export * from '../main/index';\n",
    });
    expect(violations).toEqual([
      { rule: 'cli-imports-core-preview-and-shared', from: 'electron/cli/reaches-main.ts', to: 'electron/main/index.ts' },
      { rule: 'core-imports-only-shared', from: 'electron/core/reaches-main.ts', to: 'electron/main/index.ts' },
      { rule: 'core-imports-only-shared', from: 'electron/core/reaches-tests.ts', to: 'tests/unit/anything.test.ts' },
      { rule: 'core-imports-only-shared', from: 'electron/core/types-from-main.ts', to: 'electron/main/index.ts' },
      { rule: 'core-and-shared-no-electron-react-dom', from: 'electron/core/uses-electron.ts', to: 'node_modules/electron/index.js' },
      { rule: 'core-and-shared-no-electron-react-dom', from: 'electron/core/uses-react.ts', to: 'node_modules/react/index.js' },
      { rule: 'main-imports-core-and-shared', from: 'electron/main/reaches-preview.ts', to: 'electron/preview/server.ts' },
      { rule: 'main-imports-core-and-shared', from: 'electron/main/reaches-renderer.ts', to: 'renderer/src/app.tsx' },
      { rule: 'preload-imports-only-shared', from: 'electron/preload/reaches-core.ts', to: 'electron/core/domain.ts' },
      { rule: 'preload-only-electron', from: 'electron/preload/uses-node.ts', to: 'fs' },
      { rule: 'preview-imports-core-and-shared', from: 'electron/preview/reaches-cli.ts', to: 'electron/cli/index.ts' },
      { rule: 'renderer-imports-only-shared', from: 'renderer/src/reaches-core.ts', to: 'electron/core/domain.ts' },
      { rule: 'renderer-no-electron', from: 'renderer/src/uses-electron.ts', to: 'node_modules/electron/index.js' },
      { rule: 'renderer-no-node-builtins', from: 'renderer/src/uses-node.ts', to: 'fs' },
      { rule: 'shared-imports-nothing-local', from: 'shared/reaches-core.ts', to: 'electron/core/domain.ts' },
      { rule: 'shared-no-node-builtins', from: 'shared/uses-node.ts', to: 'path' },
    ]);
  });

  it('reject an import cycle made only of type imports', async () => {
    const violations = await violationsIn({
      'electron/core/a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'electron/core/b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
    });
    expect(violations).toEqual([{ rule: 'no-circular', from: 'electron/core/a.ts', to: 'electron/core/b.ts' }]);
  });

  it('reject a module in no layer, with imports or without: a new folder must come with its arrows', async () => {
    const violations = await violationsIn({
      'electron/worker/index.ts': "export * from '../main/index';\n",
      'electron/stray.ts': 'export const stray = 1;\n',
    });
    expect(violations).toEqual([
      { rule: 'every-module-in-a-layer-even-alone', from: 'electron/stray.ts', to: 'electron/stray.ts' },
      { rule: 'every-module-in-a-layer', from: 'electron/worker/index.ts', to: 'electron/main/index.ts' },
    ]);
  });

  it('follow an import through an alias (package.json "imports") as through a relative path: dependency-cruiser counts it as local too', async () => {
    const violations = await violationsIn({
      'package.json': JSON.stringify({ imports: { '#main/*': './electron/main/*.ts' } }),
      'electron/core/aliased.ts': "export * from '#main/index';\n",
    });
    expect(violations).toEqual([{ rule: 'core-imports-only-shared', from: 'electron/core/aliased.ts', to: 'electron/main/index.ts' }]);
  });

  it('reject an import it cannot resolve, so no arrow escapes the check', async () => {
    const violations = await violationsIn({ 'electron/main/typo.ts': "export * from '../core/domian';\n" });
    expect(violations).toEqual([{ rule: 'not-to-unresolvable', from: 'electron/main/typo.ts', to: '../core/domian' }]);
  });
});
