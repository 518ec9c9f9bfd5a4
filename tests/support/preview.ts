/**
 * Starts the real preview for a test: a fresh data folder, the help center opened over it
 * (bundled sample content imported), and the preview server on 127.0.0.1.
 */
import { join, resolve } from 'node:path';
import type { HostOs } from '../../shared/platform';
import { openHelpCenter, type HelpCenter } from '../../electron/core/help-center';
import { dataFiles } from '../../electron/core/paths';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { tempDir } from './temp';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const BUNDLED_FEED_DIR = join(REPO_ROOT, 'resources', 'feed');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');

export interface RunningPreview {
  center: HelpCenter;
  server: PreviewServer;
  /** The URL with the token (and the OS to present, when given). */
  url(options?: { os?: HostOs; hash?: string }): string;
  /** External URLs the app asked to open. */
  opened: string[];
  stop(): Promise<void>;
}

export async function startPreview(options: { hostOs?: HostOs; bundledFeedDir?: string | null } = {}): Promise<RunningPreview> {
  const opened: string[] = [];
  const center = await openHelpCenter({
    files: dataFiles(tempDir('doum-e2e-')),
    bundledFeedDir: options.bundledFeedDir === undefined ? BUNDLED_FEED_DIR : options.bundledFeedDir,
    hostOs: options.hostOs ?? 'windows',
    version: '0.0.0-e2e',
    systemLocale: 'ko-KR',
    transport: 'http',
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  const server = await startPreviewServer({ service: center.service, rendererDir: RENDERER_DIR });
  return {
    center,
    server,
    opened,
    url({ os, hash } = {}) {
      return `${server.url}${os ? `&os=${os}` : ''}${hash ?? ''}`;
    },
    async stop() {
      await server.close();
      center.close();
    },
  };
}
