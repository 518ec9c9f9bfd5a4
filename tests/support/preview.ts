/**
 * Starts the real preview for a test: a fresh data folder, the help center opened over it
 * (bundled sample content imported), and the preview server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HostOs } from '../../shared/platform';
import { openHelpCenter, type HelpCenter } from '../../electron/core/help-center';
import type { AdminPolicy } from '../../electron/core/policy';
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

export async function startPreview(options: { hostOs?: HostOs; bundledFeedDir?: string | null; policy?: AdminPolicy | null } = {}): Promise<RunningPreview> {
  const opened: string[] = [];
  // Never the machine's own policy file: none, or the one the test gives.
  const policyFile = join(tempDir('doum-policy-'), 'policy.json');
  if (options.policy) writeFileSync(policyFile, JSON.stringify(options.policy));
  const center = await openHelpCenter({
    policyFile,
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

export interface PreviewProcess {
  /** The URL with the token (and the OS to present, when given). */
  url(options?: { os?: HostOs; hash?: string }): string;
  stop(): Promise<void>;
}

/**
 * Starts `doum preview` as its own process, exactly as people run it (over a fresh data
 * folder): for measurements where the server must not share a process with the test runner.
 */
export async function startPreviewProcess(options: { hostOs?: HostOs } = {}): Promise<PreviewProcess> {
  const dataDir = tempDir('doum-e2e-cli-');
  const args = [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(REPO_ROOT, 'electron', 'cli', 'index.ts'), 'preview', '--port', '0', '--db', join(dataDir, 'content.db')];
  if (options.hostOs) args.push('--os', options.hostOs);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`doum preview did not start in 60 s: ${err}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Doum preview: (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`doum preview exited (${code}): ${err}`));
    });
  });
  return {
    url({ os, hash } = {}) {
      return `${base}${os ? `&os=${os}` : ''}${hash ?? ''}`;
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
