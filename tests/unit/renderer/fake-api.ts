/**
 * A fake HelpApi for the renderer's unit tests: the renderer's one boundary (shared/api.ts),
 * so nothing of the renderer itself is mocked. Every call is recorded and answered by the test:
 * either by a standing responder (`respond`), or one by one through the call's own promise
 * (`take(method).resolve(...)`), so a test decides the order answers arrive in.
 */
import { HELP_METHODS, type HelpApi, type HelpArgs, type HelpEventName, type HelpEvents, type HelpMethod, type HelpRequests, type HelpResult } from '../../../shared/api';
import type { AppInfo, Article, ArticleSummary, HomeData, SearchHit, SearchResult, Settings, SyncStatus } from '../../../shared/types';

export interface FakeCall<M extends HelpMethod = HelpMethod> {
  method: M;
  args: HelpArgs<M>;
  resolve(value: HelpResult<M>): Promise<void>;
  reject(error: unknown): Promise<void>;
}

type Responder<M extends HelpMethod> = (...args: HelpArgs<M>) => HelpResult<M> | Promise<HelpResult<M>>;

/** Lets the promise callbacks queued so far run (answers, then what awaited them). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

export class FakeHelpApi {
  readonly api: HelpApi;
  /** Every call, answered or not, in order. */
  readonly calls: FakeCall[] = [];
  private readonly waiting: FakeCall[] = [];
  private readonly responders = new Map<HelpMethod, Responder<HelpMethod>>();
  private readonly listeners = new Map<HelpEventName, Set<(payload: never) => void>>();

  constructor() {
    const requests: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of HELP_METHODS) requests[method] = (...args: unknown[]) => this.call(method, args);
    this.api = {
      ...(requests as unknown as HelpRequests),
      on: (event, listener) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener as (payload: never) => void);
        this.listeners.set(event, set);
        return () => set.delete(listener as (payload: never) => void);
      },
    };
  }

  /** Answers every call of this method (from now on) with this function. */
  respond<M extends HelpMethod>(method: M, responder: Responder<M>): this {
    this.responders.set(method, responder as unknown as Responder<HelpMethod>);
    return this;
  }

  /** The oldest unanswered call of this method (throws when there is none). */
  take<M extends HelpMethod>(method: M): FakeCall<M> {
    const at = this.waiting.findIndex((call) => call.method === method);
    if (at < 0) throw new Error(`no unanswered ${method} call (calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'})`);
    return this.waiting.splice(at, 1)[0] as unknown as FakeCall<M>;
  }

  /** Unanswered calls of this method. */
  waitingFor(method: HelpMethod): number {
    return this.waiting.filter((call) => call.method === method).length;
  }

  callsOf<M extends HelpMethod>(method: M): Array<FakeCall<M>> {
    return this.calls.filter((call) => call.method === method) as unknown as Array<FakeCall<M>>;
  }

  /** Sends a HelpApi event to the renderer's listeners. */
  emit<E extends HelpEventName>(event: E, payload: HelpEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: HelpEvents[E]) => void)(payload);
  }

  listenerCount(event: HelpEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  private call(method: HelpMethod, args: unknown[]): Promise<unknown> {
    let settle!: { resolve: (value: unknown) => void; reject: (error: unknown) => void };
    const promise = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
    const call: FakeCall = {
      method,
      args: args as HelpArgs<HelpMethod>,
      async resolve(value) {
        settle.resolve(value);
        await flush();
      },
      async reject(error) {
        settle.reject(error);
        await flush();
      },
    };
    this.calls.push(call);
    const responder = this.responders.get(method);
    if (responder) {
      Promise.resolve()
        .then(() => (responder as (...a: unknown[]) => unknown)(...args))
        .then(settle.resolve, settle.reject);
    } else {
      this.waiting.push(call);
    }
    return promise;
  }
}

// -- fixtures -------------------------------------------------------------------------------

export function summary(id: string, patch: Partial<ArticleSummary> = {}): ArticleSummary {
  return { id, title: `제목 ${id}`, service: '톡플러스', category: '채팅', platform: 'common', locale: 'ko', group: null, tags: [], updatedAt: '2026-10-01', ...patch };
}

export function article(id: string, patch: Partial<Article> = {}): Article {
  return { ...summary(id), bodyHtml: `<p>${id}</p>`, links: [], variants: [{ id, platform: 'common', locale: 'ko' }], translations: [], related: [], attachments: [], ...patch };
}

export function hit(id: string, title = `제목 ${id}`): SearchHit {
  return { id, title, titleRanges: [], service: '톡플러스', category: '채팅', platform: 'common', locale: 'ko', updatedAt: '2026-10-01', snippet: { text: '', ranges: [] }, score: 1, variants: [{ id, platform: 'common', locale: 'ko' }] };
}

export function searchResult(query: string, hits: SearchHit[]): SearchResult {
  return {
    query,
    total: hits.length,
    results: hits,
    facets: { category: {}, service: {}, platform: {}, locale: {}, anyPlatform: hits.length },
    platform: 'windows',
    namedPlatform: null,
    didYouMean: null,
    partial: false,
    tookMs: 1,
  };
}

export const SETTINGS: Settings = {
  feedUrl: null,
  syncIntervalHours: 6,
  startAtLogin: false,
  globalShortcut: 'CommandOrControl+Shift+H',
  language: 'system',
  theme: 'system',
  textScale: 1,
  notifyOnSync: true,
  feedPublicKey: null,
  updateUrl: null,
  recordSearches: false,
};

export const APP_INFO: AppInfo = { hostOs: 'windows', version: '0.1.0', systemLocale: 'ko-KR', transport: 'ipc', lockedSettings: [], notices: [] };

export function syncStatus(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    syncing: false,
    source: 'bundled',
    revision: 1,
    articles: 3,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    failures: 0,
    storage: { totalBytes: 0, pictures: 0, pictureBytes: 0 },
    ...patch,
  };
}

export function home(popular: ArticleSummary[] = [summary('popular-one')]): HomeData {
  return {
    categories: [{ path: '채팅', name: '채팅', parent: null, locale: 'ko', articleCount: 1, topicCount: 1 }],
    popular,
    recent: [],
    counts: { articles: 1, topics: 1 },
    sync: syncStatus(),
  };
}
