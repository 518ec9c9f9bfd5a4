/**
 * The one way the renderer loads data from the HelpApi: a keyed resource.
 *
 * A resource is a fetch function (arguments → promise) with a small cache of answers by key.
 * It gives every view the same guarantees:
 *
 * - **status**: `loading` until the first answer, then `ready` or `error` (with the thrown
 *   value); a reload keeps the answer on screen (`refreshing`) instead of flashing empty;
 * - **no stale answers**: each key's requests are numbered; an answer that is not the key's
 *   latest request (overtaken by a reload, an invalidation or a mutation's `set`) is dropped.
 *   Answers for other keys never reach a view, which reads by its own key;
 * - **dedupe**: asking again while a request for the key is in flight joins it;
 * - **invalidation**: `invalidate()` (wired to `contentUpdated` and friends by `startApp`)
 *   marks every answer stale; what a mounted view shows is fetched again at once, the rest on
 *   its next use.
 *
 * Why not @tanstack/react-query: it would do all of this, but it brings a client, a provider,
 * query keys as arrays, retries, window-focus refetching and garbage-collection timers that
 * each need turning off or testing around for an offline app whose data source is a local
 * SQLite file that answers in milliseconds and tells us (by event) when it changes. What Doum
 * needs is the hundred lines below, built on React's useSyncExternalStore, and easy to drive
 * from a test with controllable promises.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ResourceState<T> {
  status: ResourceStatus;
  /** The last answer (kept while reloading, and after a failed reload). */
  data: T | undefined;
  /** What the last request threw, or null. */
  error: unknown;
  /** A request is in flight while `data` is shown. */
  refreshing: boolean;
}

export interface Resource<A, T> {
  /** The state for these arguments (idle when never asked for). */
  read(args: A): ResourceState<T>;
  /** The answer: cached when fresh, else fetched (joining a request in flight). */
  load(args: A): Promise<T>;
  /** Fetches again even when fresh, keeping the current answer on screen meanwhile. */
  reload(args: A): Promise<T>;
  /** Stores an answer obtained otherwise (a mutation's result); drops older requests. */
  set(args: A, data: T): void;
  /** Every answer is stale: observed ones are fetched again now, the rest on next use. */
  invalidate(): void;
  /** Forgets everything (tests, sign-out-like resets). */
  clear(): void;
  subscribe(listener: () => void): () => void;
  /** Counts a view that shows these arguments (invalidation reloads what is watched). */
  watch(args: A): () => void;
}

export interface ResourceOptions<A, T> {
  fetch: (args: A) => Promise<T>;
  /** A string naming the arguments; defaults to their JSON. */
  key?: (args: A) => string;
  /** Answers kept for keys no view shows any more (least recently used go first). */
  cacheSize?: number;
}

interface Entry<A, T> {
  args: A;
  state: ResourceState<T>;
  /** Number of the latest request; answers to other numbers are stale. */
  request: number;
  inFlight: Promise<T> | null;
  stale: boolean;
  observers: number;
}

const IDLE: ResourceState<never> = Object.freeze({ status: 'idle', data: undefined, error: null, refreshing: false });

export function createResource<A, T>(options: ResourceOptions<A, T>): Resource<A, T> {
  const keyOf = options.key ?? ((args: A) => JSON.stringify(args));
  const cacheSize = options.cacheSize ?? 20;
  const entries = new Map<string, Entry<A, T>>();
  const listeners = new Set<() => void>();
  let requests = 0;

  const notify = (): void => listeners.forEach((listener) => listener());

  function update(entry: Entry<A, T>, patch: Partial<ResourceState<T>>): void {
    entry.state = { ...entry.state, ...patch };
    notify();
  }

  function entryFor(args: A): Entry<A, T> {
    const key = keyOf(args);
    let entry = entries.get(key);
    if (entry) {
      entries.delete(key); // most recently used last
    } else {
      entry = { args, state: IDLE, request: 0, inFlight: null, stale: true, observers: 0 };
    }
    entries.set(key, entry);
    evict(key);
    return entry;
  }

  /** Drops the least recently used answers nobody waits for or shows (never the one in hand). */
  function evict(keep: string): void {
    for (const [key, entry] of entries) {
      if (entries.size <= cacheSize) return;
      if (key !== keep && entry.observers === 0 && !entry.inFlight) entries.delete(key);
    }
  }

  function fetchFor(entry: Entry<A, T>): Promise<T> {
    const request = ++requests;
    entry.request = request;
    entry.stale = false;
    const hasData = entry.state.data !== undefined;
    update(entry, hasData ? { refreshing: true } : { status: 'loading', refreshing: false, error: null });
    const promise = options.fetch(entry.args).then(
      (data) => {
        if (entry.request === request) {
          entry.inFlight = null;
          update(entry, { status: 'ready', data, error: null, refreshing: false });
        }
        return data;
      },
      (error: unknown) => {
        if (entry.request === request) {
          entry.inFlight = null;
          update(entry, { status: 'error', error, refreshing: false });
        }
        throw error;
      },
    );
    entry.inFlight = promise;
    return promise;
  }

  const resource: Resource<A, T> = {
    read(args) {
      return entries.get(keyOf(args))?.state ?? IDLE;
    },
    load(args) {
      const entry = entryFor(args);
      if (entry.inFlight) return entry.inFlight;
      if (!entry.stale && entry.state.status === 'ready') return Promise.resolve(entry.state.data as T);
      return fetchFor(entry);
    },
    reload(args) {
      return fetchFor(entryFor(args));
    },
    set(args, data) {
      const entry = entryFor(args);
      entry.request = ++requests;
      entry.inFlight = null;
      entry.stale = false;
      update(entry, { status: 'ready', data, error: null, refreshing: false });
    },
    invalidate() {
      for (const entry of entries.values()) {
        entry.stale = true;
        if (entry.observers > 0 || entry.inFlight) void fetchFor(entry).catch(() => undefined);
      }
    },
    clear() {
      entries.clear();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch(args) {
      const entry = entryFor(args);
      entry.observers += 1;
      return () => {
        entry.observers -= 1;
      };
    },
  };
  return resource;
}

/** React: a resource's state for these arguments (null: none), loaded while the component is mounted. */
export function useResource<A, T>(resource: Resource<A, T>, args: A | null): ResourceState<T> {
  const key = args === null ? null : JSON.stringify(args);
  const argsRef = useRef(args);
  useEffect(() => {
    argsRef.current = args;
  });
  const state = useSyncExternalStore(resource.subscribe, () => (args === null ? (IDLE as ResourceState<T>) : resource.read(args)));
  useEffect(() => {
    const current = argsRef.current;
    if (key === null || current === null) return;
    const unwatch = resource.watch(current);
    resource.load(current).catch(() => undefined); // the state carries the error
    return unwatch;
  }, [resource, key]);
  return state;
}
