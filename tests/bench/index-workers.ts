/**
 * The index build as the service process runs it: workerIndexBuilder with one worker per core,
 * the worker entry bundled first (as electron-vite bundles it for the app) so the figure is
 * not tsx compiling TypeScript in every worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { workerIndexBuilder, type IndexBuilder } from '../../electron/core/search/index-builder';
import { REPO_ROOT } from './search-corpus';

/** A builder with `workers` workers, and a function that removes the bundle. */
export async function bundledIndexBuilder(workers: number): Promise<{ builder: IndexBuilder; dispose: () => void }> {
  const outDir = mkdtempSync(join(tmpdir(), 'doum-bench-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: REPO_ROOT,
    build: {
      ssr: join(REPO_ROOT, 'electron', 'core', 'search', 'index-worker.ts'),
      outDir,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'index-worker.cjs' } },
    },
    ssr: { noExternal: true },
  });
  const entry = join(outDir, 'index-worker.cjs');
  return {
    // No execArgv from this process: the bench runs under tsx, and a worker that inherits its
    // loader takes 300–400 ms to start instead of 60–90 (measured here), where the app's
    // workers (in a utility process started without it) never load tsx.
    builder: workerIndexBuilder((options) => new Worker(entry, { ...options, execArgv: [] }), workers),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
