/**
 * Background sync: every sync — the scheduler's, the tray's, the renderer's syncNow — runs
 * in a utility process (sync-process.ts), never on the main process's thread.
 *
 * Design:
 * - One sync at a time. A syncNow while one runs joins it (same promise, same report).
 * - The utility process opens the same SQLite files (WAL; the sync lock also keeps the CLI
 *   and a second process out), runs core's HelpService.syncNow — fetch, verify, validate,
 *   one-transaction commit, search index rebuilt and persisted — and posts progress and the
 *   outcome. Then it is ended.
 * - The main process forwards progress as `syncProgress`, and after a change loads the index
 *   the child persisted (SearchIndex.open: a load, not a rebuild; should the content have
 *   moved on meanwhile it rebuilds in a worker thread) before `contentUpdated`; `syncStatus`
 *   goes out when a sync starts and ends, with `syncing` true in between.
 * - If no utility process can be started, the sync runs in-process through the service
 *   (network I/O is async; the CPU-heavy index build still runs in a worker thread).
 * - Errors come back as HelpApi error payloads, so the renderer sees the same codes as before.
 */
import { HelpApiError } from '../../shared/errors';
import type { SyncReport, SyncStatus } from '../../shared/types';
import type { HelpService } from '../core/service';
import type { Log } from './logging';
import type { FromSyncProcess, SyncJob, ToSyncProcess } from './sync-process';

/** The part of Electron's UtilityProcess used here. */
export interface SyncChild {
  postMessage(message: ToSyncProcess): void;
  kill(): boolean;
  onMessage(listener: (message: FromSyncProcess) => void): void;
  onExit(listener: (code: number) => void): void;
}

export interface BackgroundSyncOptions {
  /** Starts the utility process; null runs syncs in-process. */
  fork: (() => SyncChild) | null;
  job: SyncJob;
  service: HelpService;
  /** Brings the main process's search index up to the content (SearchIndex.open). */
  reloadIndex(): Promise<unknown>;
  log: Log;
  /** After every sync, with its report or its error. */
  onFinished?(outcome: { report: SyncReport } | { error: unknown }): void;
  /** How long a cancelled child may take to stop before it is killed. */
  cancelGraceMs?: number;
}

export class BackgroundSync {
  private current: Promise<SyncReport> | null = null;
  private child: SyncChild | null = null;
  /** Ends the wait for the running child's answer (a child that does not stop when asked). */
  private abandon: (() => void) | null = null;

  constructor(private readonly options: BackgroundSyncOptions) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** The stored status, with `syncing` true while a background sync runs. */
  async status(): Promise<SyncStatus> {
    const status = await this.options.service.getSyncStatus();
    return this.running ? { ...status, syncing: true } : status;
  }

  syncNow(): Promise<SyncReport> {
    if (this.current) return this.current;
    const { log, onFinished } = this.options;
    const started = Date.now();
    const running = this.run().then(
      (report) => {
        log.info(`sync finished in ${Date.now() - started} ms: ${report.notModified ? 'no change' : `revision ${report.revision}, +${report.added} ~${report.updated} -${report.deleted}`}`);
        for (const note of report.notes ?? []) log.warn(`sync: ${note.kind} ${note.record}: ${note.reason}`);
        onFinished?.({ report });
        return report;
      },
      (error: unknown) => {
        log.warn(`sync failed: ${error instanceof Error ? error.message : String(error)}`);
        onFinished?.({ error });
        throw error;
      },
    );
    this.current = running;
    const settle = (): void => {
      this.current = null;
      this.child = null;
      void this.emitStatus();
    };
    running.then(settle, settle);
    void this.emitStatus();
    return running;
  }

  /** Asks a running sync to stop; true when there was one. */
  cancel(): boolean {
    if (!this.current) return false;
    const child = this.child;
    if (!child) {
      void this.options.service.cancelSync();
      return true;
    }
    child.postMessage({ type: 'cancel' });
    setTimeout(() => {
      if (this.child !== child) return;
      // Ended, and no longer waited for: a stuck child never blocks the next sync. (Its commit
      // is one SQLite transaction and its lock is SQLite's, so ending it loses nothing.)
      if (this.abandon) this.abandon();
      else child.kill();
    }, this.options.cancelGraceMs ?? 10_000).unref?.();
    return true;
  }

  private async emitStatus(): Promise<void> {
    try {
      this.options.service.emit('syncStatus', await this.status());
    } catch (error) {
      this.options.log.warn(`the sync status could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async run(): Promise<SyncReport> {
    const { fork, service, log } = this.options;
    let child: SyncChild | null = null;
    if (fork) {
      try {
        child = fork();
      } catch (error) {
        log.warn(`the background sync process could not start (${error instanceof Error ? error.message : String(error)}); syncing in the main process`);
      }
    }
    if (!child) return service.syncNow();
    this.child = child;
    const report = await this.inChild(child);
    if (!report.notModified) {
      service.emit('syncProgress', { phase: 'index' });
      await this.options.reloadIndex();
      service.emit('contentUpdated', { revision: report.revision });
    }
    service.emit('syncProgress', { phase: 'done' });
    return report;
  }

  private inChild(child: SyncChild): Promise<SyncReport> {
    const { service, job } = this.options;
    return new Promise<SyncReport>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        this.abandon = null;
        child.kill();
        outcome();
      };
      this.abandon = () => finish(() => reject(new HelpApiError('sync-failed', 'the sync was cancelled; the help center was not changed', 'cancelled')));
      child.onMessage((message) => {
        if (message.type === 'progress') {
          // 'done' is announced once this process has the new index too.
          if (message.progress.phase !== 'done') service.emit('syncProgress', message.progress);
        } else if (message.type === 'done') {
          finish(() => resolve(message.report));
        } else if (message.type === 'failed') {
          finish(() => reject(HelpApiError.fromPayload(message.error)));
        }
      });
      child.onExit((code) => {
        finish(() => reject(new HelpApiError('sync-failed', `the background sync stopped unexpectedly (exit code ${code}); the last good copy is kept. Try again, and see the log if it keeps happening.`)));
      });
      child.postMessage({ type: 'start', job });
    });
  }
}
