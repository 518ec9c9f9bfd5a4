/**
 * Keeps the live search engine in step with the content store: loads the persisted index at
 * start-up when it matches the content (same engine version and content fingerprint), and
 * rebuilds it otherwise — a stale or missing index is rebuilt, never served.
 */
import type { ContentStore } from '../store/content-store';
import { ENGINE_VERSION, SearchEngine, type EngineOptions } from './engine';
import { buildIndexInThread, type IndexBuilder } from './index-builder';

export interface SearchIndexLoad {
  engine: SearchEngine;
  /** 'loaded': the persisted index was used; 'rebuilt': it was missing or stale. */
  how: 'loaded' | 'rebuilt';
}

export class SearchIndex {
  private current: SearchEngine | null = null;

  constructor(
    private readonly store: ContentStore,
    private readonly builder: IndexBuilder = buildIndexInThread,
  ) {}

  get engine(): SearchEngine {
    if (!this.current) throw new Error('the search index is not loaded yet');
    return this.current;
  }

  get ready(): boolean {
    return this.current !== null;
  }

  /** Loads the persisted index if it matches the content, else rebuilds and persists it. */
  async open(): Promise<SearchIndexLoad> {
    const articles = this.store.indexableArticles();
    const fingerprint = this.store.contentFingerprint();
    const persisted = this.store.loadSearchIndex();
    if (persisted && persisted.engineVersion === ENGINE_VERSION && persisted.contentHash === fingerprint) {
      try {
        this.current = SearchEngine.load(persisted.data, articles, this.engineOptions());
        this.warmUpSoon(this.current);
        return { engine: this.current, how: 'loaded' };
      } catch {
        // A damaged index is rebuilt below.
      }
    }
    return { engine: await this.rebuild(), how: 'rebuilt' };
  }

  /**
   * Builds the index from the store's current content, persists it and swaps it in.
   * Rebuilds run one after another, so the last one always reflects the latest content.
   */
  rebuild(): Promise<SearchEngine> {
    const next = this.queue.catch(() => undefined).then(() => this.rebuildNow());
    this.queue = next;
    return next;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** The help center's synonyms.yml, as its feed carries it: applied at query time. */
  private engineOptions(): EngineOptions {
    return { synonyms: this.store.helpCenter().synonyms };
  }

  private async rebuildNow(): Promise<SearchEngine> {
    const articles = this.store.indexableArticles();
    const fingerprint = this.store.contentFingerprint();
    const data = await this.builder(articles);
    const engine = SearchEngine.load(data, articles, this.engineOptions());
    // In a read-only data folder the index lives in memory only, rebuilt at each start.
    if (!this.store.readOnly) this.store.saveSearchIndex({ revision: this.store.syncState().revision, engineVersion: ENGINE_VERSION, contentHash: fingerprint, data });
    this.current = engine;
    this.warmUpSoon(engine);
    return engine;
  }

  /**
   * Warms the query path up once the caller is done with what it was doing (never keeps a
   * process alive for it: a one-shot CLI run simply exits).
   */
  private warmUpSoon(engine: SearchEngine): void {
    setTimeout(() => {
      if (this.current === engine) engine.warmUp();
    }, 200).unref();
  }
}
