/** `doum preview`: the built renderer and the HelpApi over HTTP on 127.0.0.1. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkContextId } from '../../../shared/contexts';
import { isHostOs, type HostOs } from '../../../shared/platform';
import { ValidationError } from '../../../shared/validate';
import { startPreviewServer } from '../../preview/server';
import type { CliOptions } from '../usage';
import { note, openForCli, RENDERER_DIR, REPO_ROOT } from '../context';
import { noMorePositionals, UsageError } from '../usage';
import { feedLocationArg } from './sync';

/** Builds the app with electron-vite when the renderer has not been built yet. */
export function ensureRendererBuilt(): void {
  if (existsSync(resolve(RENDERER_DIR, 'index.html'))) return;
  note('doum: building the app (first run)…');
  const bin = resolve(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('the app could not be built; run "npm run build" to see why');
}

/** `--context <id>`: the preview opens on that screen's help, as `doum --context <id>` opens the app. */
function contextHash(context: string | undefined): string {
  if (context === undefined) return '';
  try {
    return `#/context/${checkContextId(context, '--context')}`;
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(error.message);
    throw error;
  }
}

export async function previewCommand(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'preview');
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number (0 picks a free one)');
  }
  let hostOs: HostOs | undefined;
  if (values.os !== undefined) {
    if (!isHostOs(values.os)) throw new UsageError('--os must be macos, windows or linux');
    hostOs = values.os;
  }
  const opening = contextHash(values.context);
  ensureRendererBuilt();
  const center = await openForCli({ db: values.db, hostOs });
  if (values.feed) {
    const feed = feedLocationArg(values.feed);
    await center.service.setSettings({ feedUrl: feed });
    try {
      const report = await center.service.syncNow();
      note(`doum: synced ${feed} (revision ${report.revision}, ${report.total} articles)`);
    } catch (error) {
      note(`doum: could not sync ${feed}: ${error instanceof Error ? error.message : String(error)} — showing the last good copy`);
    }
  }
  const server = await startPreviewServer({ service: center.service, rendererDir: RENDERER_DIR, port });
  process.stdout.write(`Doum preview: ${server.url}${opening}\n`);
  const stop = (): void => {
    void server.close().then(() => {
      center.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
