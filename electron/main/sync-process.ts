/**
 * The background sync's process: an Electron utility process (a plain Node process started
 * by sync-runner.ts) that runs one sync and exits. It opens the same content and user files
 * as the app, runs core's HelpService.syncNow — the same source choice, signature check and
 * single-transaction commit as everywhere else — which also rebuilds the search index and
 * persists it in the content file. Progress and the outcome go back over the parent port.
 * Nothing of it touches the main process's thread, so the window never stutters while a
 * large feed downloads, validates, commits and indexes.
 *
 * It never imports 'electron': the job is plain Node, tested as such (startSyncJob).
 */
import type { ApiErrorPayload } from '../../shared/errors';
import type { HostOs } from '../../shared/platform';
import type { SyncProgress, SyncReport } from '../../shared/types';
import { toApiError } from '../core/dispatch';
import type { DataFiles } from '../core/paths';
import { SearchIndex } from '../core/search/search-index';
import { defaultPolicyFile, readPolicy } from '../core/policy';
import { checkTrustSettings, HelpService } from '../core/service';
import { ContentStore } from '../core/store/content-store';
import { UserStore } from '../core/store/user-store';
import { SyncEngine } from '../core/sync/engine';

export interface SyncJob {
  files: DataFiles;
  bundledFeedDir: string | null;
  hostOs: HostOs;
  version: string;
  systemLocale: string;
}

export type ToSyncProcess = { type: 'start'; job: SyncJob } | { type: 'cancel' };
export type FromSyncProcess =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'done'; report: SyncReport }
  | { type: 'failed'; error: ApiErrorPayload };

export interface RunningSyncJob {
  cancel(): void;
  /** Settles after the outcome was posted. */
  finished: Promise<void>;
}

export function startSyncJob(job: SyncJob, post: (message: FromSyncProcess) => void): RunningSyncJob {
  let content: ContentStore | null = null;
  let user: UserStore | null = null;
  let service: HelpService | null = null;
  const run = async (): Promise<SyncReport> => {
    content = ContentStore.open(job.files.content).store;
    user = UserStore.open(job.files.user).store;
    // The index is built in this process's own thread: there is nothing else for it to do.
    const search = new SearchIndex(content);
    service = new HelpService({
      content,
      user,
      search,
      sync: new SyncEngine({ store: content, lockFile: job.files.syncLock }),
      hostOs: job.hostOs,
      version: job.version,
      systemLocale: job.systemLocale,
      transport: 'ipc',
      bundledFeedDir: job.bundledFeedDir,
      openExternal: async () => undefined,
      // The administrator's policy binds this process too (the feed URL and key it syncs with).
      policy: readPolicy(defaultPolicyFile(), checkTrustSettings),
    });
    service.on('syncProgress', (progress) => post({ type: 'progress', progress }));
    return service.syncNow();
  };
  const finished = run()
    .then(
      (report): FromSyncProcess => ({ type: 'done', report }),
      (error: unknown): FromSyncProcess => ({ type: 'failed', error: toApiError(error) }),
    )
    .then((outcome) => {
      // Close the databases before answering: the parent ends this process on the answer.
      content?.close();
      user?.close();
      post(outcome);
    });
  return {
    cancel: () => void service?.cancelSync(),
    finished,
  };
}

/** Wiring when this file runs as a utility process (process.parentPort exists only there). */
const port: Electron.ParentPort | undefined = process.parentPort;
if (port) {
  let running: RunningSyncJob | null = null;
  port.on('message', ({ data }) => {
    const message = data as ToSyncProcess;
    if (message.type === 'start' && !running) {
      running = startSyncJob(message.job, (reply) => port.postMessage(reply));
      // The parent ends this process when it has the outcome; this is the safety net.
      void running.finished.then(() => setTimeout(() => process.exit(0), 10_000));
    } else if (message.type === 'cancel') {
      running?.cancel();
    }
  });
}
