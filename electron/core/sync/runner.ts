/**
 * Where a sync runs: the one seam between HelpService.syncNow and the work of a sync. The
 * service decides what to sync (the configured feed or the bundled one, under the pinned key)
 * and tells the renderer how it goes; a runner does it — downloads, verifies and commits
 * through the sync engine, then brings the search index up to the new content.
 *
 * Every host uses the in-process runner below: the CLI, the preview and, in the desktop app,
 * the service's own utility process (electron/main/service-process.ts), which is already off
 * the main process's thread. The index is built by the SearchIndex's builder (a worker thread
 * where the host gives one), so the process keeps answering with the old index meanwhile.
 */
import type { SyncReport } from '../../../shared/types';
import type { SearchIndex } from '../search/search-index';
import type { SyncEngine, SyncOptions } from './engine';
import type { SyncSource } from './sources';

export interface SyncRunner {
  /** True from the start of a sync until its search index has caught up. */
  readonly running: boolean;
  /**
   * Syncs `source` to the end: the engine's single-transaction commit, then (when anything
   * changed) the search index, announced as the 'index' phase of `options.onProgress`.
   */
  run(source: SyncSource, options: SyncOptions): Promise<SyncReport>;
  /** Asks a running sync to stop; true when there was one. */
  cancel(): boolean;
}

export class InProcessSyncRunner implements SyncRunner {
  private indexing = false;

  constructor(
    private readonly engine: SyncEngine,
    private readonly search: Pick<SearchIndex, 'rebuild'>,
  ) {}

  get running(): boolean {
    return this.engine.syncing || this.indexing;
  }

  async run(source: SyncSource, options: SyncOptions): Promise<SyncReport> {
    const report = await this.engine.sync(source, options);
    if (report.notModified) return report;
    options.onProgress?.({ phase: 'index' });
    this.indexing = true;
    try {
      await this.search.rebuild();
    } finally {
      this.indexing = false;
    }
    return report;
  }

  cancel(): boolean {
    return this.engine.cancel();
  }
}
