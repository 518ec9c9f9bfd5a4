/**
 * What the packaged app carries in its asar, computed the way electron-builder computes it —
 * its own file matcher over electron-builder.yml's `files`, and its own collector of production
 * node_modules — without building an installer (which downloads Electron). The app ships only
 * what it runs: build-time and CLI-only packages (the feed builder's Markdown and YAML parsers,
 * lunr-languages for the benchmarks) stay out, and every package the shipped code loads is in.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Used only to build the feed, by the CLI, or by the benchmarks and tests. */
const CLI_AND_BUILD_ONLY = ['marked', 'yaml', 'lunr-languages'];
/** Loaded by the main process or the utility processes at run time. */
const RUNTIME = ['better-sqlite3', 'lunr', 'sanitize-html', 'electron-log', 'electron-updater'];
/** Where electron-vite starts the shipped bundles (electron.vite.config.ts); the utility
 * process and the index worker are reached from main through `?modulePath` / `?nodeWorker`. */
const ENTRIES = ['electron/main/index.ts', 'electron/main/service-process.ts', 'electron/preload/index.ts'];

type Filter = (file: string, stat: Pick<Stats, 'isDirectory'>) => boolean;

interface BuilderInternals {
  getConfig(projectDir: string, configPath: string, options: null): Promise<Record<string, unknown>>;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): Array<{ createFilter(): Filter }>;
  NpmNodeModulesCollector: new (
    rootDir: string,
    tempDirManager: unknown,
  ) => {
    getNodeModules(options: { packageName: string }): Promise<{ nodeModules: NodeModule[] }>;
  };
  TmpDir: new (label: string) => { cleanup(): Promise<void> };
}

interface NodeModule {
  name: string;
  dependencies?: NodeModule[];
}

/** electron-builder's engine (app-builder-lib), the functions its packager calls. */
async function builderInternals(): Promise<BuilderInternals> {
  const [config, matcher, collector, util] = (await Promise.all([
    import('app-builder-lib/out/util/config/config' as string),
    import('app-builder-lib/out/fileMatcher' as string),
    import('app-builder-lib/out/node-module-collector/npmNodeModulesCollector' as string),
    import('builder-util' as string),
  ])) as [Pick<BuilderInternals, 'getConfig'>, Pick<BuilderInternals, 'getMainFileMatchers'>, Pick<BuilderInternals, 'NpmNodeModulesCollector'>, Pick<BuilderInternals, 'TmpDir'>];
  return { ...config, ...matcher, ...collector, ...util };
}

/** The filter electron-builder applies to the project folder for the asar's app files. */
async function appFileFilter(builder: BuilderInternals): Promise<Filter> {
  const config = await builder.getConfig(ROOT, CONFIG_FILE, null);
  const directories = config.directories as { buildResources: string; output: string };
  const info = { projectDir: ROOT, buildResourcesDir: resolve(ROOT, directories.buildResources), isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } };
  const [matcher] = builder.getMainFileMatchers(ROOT, '/asar', (pattern) => pattern, {}, { info }, resolve(ROOT, directories.output), false);
  return matcher!.createFilter();
}

/** Walks the project as electron-builder's copier does: only into folders the filter accepts. */
function matchingFiles(filter: Filter, dir = ROOT): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (!filter(path, stat)) continue;
    if (stat.isDirectory()) files.push(...matchingFiles(filter, path));
    else files.push(relative(ROOT, path).split('\\').join('/'));
  }
  return files;
}

const aFile = { isDirectory: () => false };

function names(modules: NodeModule[]): Set<string> {
  const found = new Set<string>();
  const visit = (list: NodeModule[]): void => {
    for (const module of list) {
      found.add(module.name);
      visit(module.dependencies ?? []);
    }
  };
  visit(modules);
  return found;
}

/** The npm packages the shipped code loads at run time (type-only imports leave no trace). */
async function packagesReachedFromEntries(): Promise<Set<string>> {
  const options: ICruiseOptions = { ...(await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'))), baseDir: ROOT, tsPreCompilationDeps: false, ruleSet: {} };
  const { output } = await cruise(ENTRIES, options);
  const reached = new Set<string>();
  for (const module of (output as ICruiseResult).modules) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module.source);
    if (match) reached.add(match[1]!);
  }
  return reached;
}

let filter: Filter;
let packedModules: Set<string>;
let appFiles: string[];

beforeAll(async () => {
  const builder = await builderInternals();
  filter = await appFileFilter(builder);
  appFiles = matchingFiles(filter);
  const tmp = new builder.TmpDir('doum-package-contents');
  try {
    const collector = new builder.NpmNodeModulesCollector(ROOT, tmp);
    packedModules = names((await collector.getNodeModules({ packageName: packageJson.name })).nodeModules);
  } finally {
    await tmp.cleanup();
  }
}, 120_000);

describe('the asar of the packaged app', () => {
  it('holds the built app, the runtime icons and package.json, and no source, test or build input', () => {
    expect(appFiles).toContain('package.json');
    expect(appFiles).toEqual(expect.arrayContaining(['resources/icons/icon.png', 'resources/icons/trayTemplate.png', 'resources/icons/tray-windows-light.ico']));
    for (const file of appFiles) expect(file, file).toMatch(/^(package\.json|out\/.+|resources\/icons\/[^/]+\.(png|ico|icns))$/);
    expect(appFiles.some((file) => file.endsWith('.map'))).toBe(false);
  });

  it('takes the whole electron-vite output (package.json "main", preload, renderer, utility process) but no source maps', () => {
    // Checked on the paths themselves, so the test holds whether or not out/ was built.
    for (const file of [packageJson.main, 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/assets/index-x.js', 'out/main/service-process.js', 'out/main/chunks/service-port-x.js']) {
      expect(filter(join(ROOT, file), aFile), file).toBe(true);
    }
    for (const file of ['out/main/index.js.map', 'electron/main/index.ts', 'resources/content/article.md', 'resources/feed/manifest.json', 'resources/icons/icon.svg', 'tests/unit/x.test.ts']) {
      expect(filter(join(ROOT, file), aFile), file).toBe(false);
    }
  });

  it('packs every runtime package and none of the CLI-only or build-time ones', () => {
    for (const name of RUNTIME) expect(packedModules.has(name), name).toBe(true);
    for (const name of [...CLI_AND_BUILD_ONLY, 'electron', 'react', 'typescript', 'dependency-cruiser', '@resvg/resvg-js']) {
      expect(packedModules.has(name), name).toBe(false);
    }
  });

  it('lists as production dependencies exactly the packages the shipped code loads', async () => {
    const reached = await packagesReachedFromEntries();
    reached.delete('electron'); // provided by the Electron runtime, never packed
    expect([...reached].sort()).toEqual(Object.keys(packageJson.dependencies).sort());
    expect(Object.keys(packageJson.devDependencies)).toEqual(expect.arrayContaining(CLI_AND_BUILD_ONLY));
  });
});
