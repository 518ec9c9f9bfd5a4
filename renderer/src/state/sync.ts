/**
 * Sync: the status of the local copy, the live progress of a running sync (from
 * `syncProgress` events), and the outcome of the last sync started here.
 */
import { create } from 'zustand';
import type { SyncProgress, SyncReport, SyncStatus } from '../../../shared/types';
import { api } from '../api';
import { errorReason } from '../lib/errors';
import { HelpApiError } from '../../../shared/errors';
import { isSyncFailure } from '../../../shared/sync-failures';

export interface SyncFailure {
  /** The thrown value (its reason is the failure kind); worded by ErrorNotice. */
  error: unknown;
  /** When it happened (ISO), to compare with the status's last success. */
  at: string;
}

interface SyncStoreState {
  status: SyncStatus | null;
  progress: SyncProgress | null;
  /** A sync asked for here is running (the status may lag behind by an event). */
  running: boolean;
  report: SyncReport | null;
  failure: SyncFailure | null;
  load(): Promise<void>;
  syncNow(): Promise<void>;
  cancel(): Promise<void>;
  receiveStatus(status: SyncStatus): void;
  receiveProgress(progress: SyncProgress): void;
}

export const useSync = create<SyncStoreState>((set, get) => ({
  status: null,
  progress: null,
  running: false,
  report: null,
  failure: null,
  async load() {
    try {
      set({ status: await api.getSyncStatus() });
    } catch {
      // The status line stays empty; the next event fills it.
    }
  },
  async syncNow() {
    if (get().running) return;
    set({ running: true, progress: { phase: 'manifest' }, report: null, failure: null });
    try {
      const report = await api.syncNow();
      set({ report, running: false, progress: null });
    } catch (error) {
      set({ failure: { error, at: new Date().toISOString() }, running: false, progress: null });
    }
    await get().load();
  },
  async cancel() {
    try {
      await api.cancelSync();
    } catch {
      // Nothing to stop.
    }
  },
  receiveStatus(status) {
    set({ status });
  },
  receiveProgress(progress) {
    // Progress of a sync started elsewhere (the scheduler, the tray) shows too.
    set({ progress: progress.phase === 'done' ? null : progress });
  },
}));

/** 0–1 when the current phase knows its size, else null (indeterminate). */
export function progressFraction(progress: SyncProgress | null): number | null {
  if (!progress) return null;
  if (progress.totalBytes && progress.bytes !== undefined) return Math.min(1, progress.bytes / progress.totalBytes);
  if (progress.totalRecords && progress.records !== undefined) return Math.min(1, progress.records / progress.totalRecords);
  return null;
}

export type SyncState = 'syncing' | 'error' | 'cancelled' | 'ok' | 'never';

/** How the last sync ended when it did not succeed: a failure, or a cancel (not a failure). */
export interface SyncOutcome {
  state: 'error' | 'cancelled';
  error: unknown;
  at: string;
}

const isCancel = (error: unknown): boolean => errorReason(error) === 'cancelled';

/**
 * The one reading of the sync's state that the sidebar, Home and Settings all show: syncing,
 * else the newest unsuccessful ending not yet followed by a success (a cancel is neutral), else
 * synced or never synced.
 */
export function syncState(s: Pick<SyncStoreState, 'status' | 'progress' | 'running' | 'failure'>): { state: SyncState; outcome: SyncOutcome | null } {
  const { status, progress, running, failure } = s;
  if (running || status?.syncing || progress) return { state: 'syncing', outcome: null };
  const success = status?.lastSuccessAt ?? '';
  const candidates: SyncOutcome[] = [];
  // The engine keeps lastError until a sync succeeds (the bundled import at start-up does not
  // clear it), so while it is there the last sync did not succeed, whatever ran in between.
  if (status?.lastError) {
    const { code, message, at } = status.lastError;
    // The stored code is the failure kind; as an error like the one a sync throws, it is worded the same way.
    const error = new HelpApiError(code === 'busy' ? 'sync-busy' : 'sync-failed', message, isSyncFailure(code) ? code : undefined);
    candidates.push({ state: isCancel(error) ? 'cancelled' : 'error', error, at });
  }
  if (failure && failure.at >= success) candidates.push({ state: isCancel(failure.error) ? 'cancelled' : 'error', ...failure });
  const outcome = candidates.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
  if (outcome) return { state: outcome.state, outcome };
  return { state: status?.lastSuccessAt ? 'ok' : 'never', outcome: null };
}
