/**
 * Update checks through electron-updater's generic provider, off unless Settings has an
 * update URL (and only in installed builds; electron-updater is not even loaded otherwise).
 * The URL is the folder holding the latest*.yml files electron-builder writes when a build
 * is made with a generic publish URL (README "Installers"). It must be https, even to this
 * machine: what it serves is installed and run. Updates download in the
 * background and install when Doum quits; the person is told once a version is ready.
 */
import type { Log } from './logging';

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_EVERY_MS = 6 * 3_600_000;

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

export type UpdateFeedDecision = { feed: GenericFeed } | { off: string };

export function updateFeed(updateUrl: string | null, isPackaged: boolean): UpdateFeedDecision {
  if (!updateUrl) return { off: 'no update URL is set' };
  if (!isPackaged) return { off: 'update checks run in installed builds only' };
  let url: URL;
  try {
    url = new URL(updateUrl);
  } catch {
    return { off: `the update URL "${updateUrl.slice(0, 100)}" is not a URL` };
  }
  if (url.username || url.password) return { off: 'the update URL must not contain a user name or password' };
  // Checks run in installed builds only, and there an update is code that will run: https only.
  if (url.protocol !== 'https:') return { off: 'the update URL must be an https:// URL' };
  return { feed: { provider: 'generic', url: url.href } };
}

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdatesOptions {
  isPackaged: boolean;
  log: Log;
  /** A downloaded version is ready to install on quit. */
  onReady(version: string): void;
  timers?: Timers;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Updates {
  private updater: Updater | null = null;
  private timer: unknown = null;
  private feed: GenericFeed | null = null;
  private readonly announced = new Set<string>();

  constructor(
    private readonly load: () => Promise<Updater>,
    private readonly options: UpdatesOptions,
  ) {}

  private get timers(): Timers {
    return this.options.timers ?? realTimers;
  }

  /** Applies Settings' updateUrl: starts, retargets or stops the checks. */
  async configure(updateUrl: string | null): Promise<void> {
    const decision = updateFeed(updateUrl, this.options.isPackaged);
    this.stop();
    if ('off' in decision) {
      if (updateUrl) this.options.log.warn(`update checks are off: ${decision.off}`);
      return;
    }
    this.feed = decision.feed;
    const updater = await this.loadOnce();
    updater.setFeedURL(decision.feed);
    this.options.log.info(`checking for updates at ${decision.feed.url}`);
    this.schedule(FIRST_CHECK_DELAY_MS);
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.feed = null;
  }

  private async loadOnce(): Promise<Updater> {
    if (this.updater) return this.updater;
    const updater = await this.load();
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.logger = this.options.log;
    updater.on('update-downloaded', ({ version }) => {
      if (this.announced.has(version)) return;
      this.announced.add(version);
      this.options.onReady(version);
    });
    updater.on('error', (error) => this.options.log.warn(`the update check failed: ${error.message}`));
    this.updater = updater;
    return updater;
  }

  private schedule(delay: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.feed || !this.updater) return;
      this.updater.checkForUpdates().catch((error: unknown) => this.options.log.warn(`the update check failed: ${error instanceof Error ? error.message : String(error)}`));
      this.schedule(CHECK_EVERY_MS);
    }, delay);
  }
}
