/**
 * Context help: the help for a screen of another app (`doum://context/<id>`). Resolves a
 * context through the HelpApi — the core decides between one article, a list and a search —
 * and keeps the last answers, so the article opened from a screen can show the screen's other
 * articles without asking again. For the unknown-context fallback it also runs the search.
 */
import { create } from 'zustand';
import type { Platform } from '../../../shared/platform';
import type { ContextResolution, SearchHit } from '../../../shared/types';
import { api } from '../api';

export interface ContextRequest {
  id: string;
  platform: Platform | null;
  query: string | null;
  locale: string;
}

export interface ContextAnswer {
  resolution: ContextResolution;
  /** For a context no article names: the best hits of the search Doum ran instead. */
  hits: SearchHit[];
  total: number;
}

interface ContextState {
  key: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  answer: ContextAnswer | null;
  error: unknown;
  resolve(request: ContextRequest): Promise<ContextAnswer | null>;
  /** New content arrived: forget the answers. */
  forget(): void;
}

/** Hits shown on the fallback page; the full search is a link away. */
const FALLBACK_HITS = 8;
const CACHE_SIZE = 10;
const cache = new Map<string, ContextAnswer>();

const keyOf = (r: ContextRequest): string => [r.id, r.platform ?? '', r.query ?? '', r.locale].join('\u0000');

async function fetchAnswer(request: ContextRequest): Promise<ContextAnswer> {
  const resolution = await api.resolveContext(request.id, {
    ...(request.platform ? { platform: request.platform } : {}),
    ...(request.query ? { query: request.query } : {}),
    locale: request.locale,
  });
  if (resolution.kind !== 'search') return { resolution, hits: [], total: 0 };
  const result = await api.search({ text: resolution.query, uiLocale: request.locale, limit: FALLBACK_HITS, ...(request.platform ? { platform: request.platform } : {}) });
  return { resolution, hits: result.results, total: result.total };
}

export const useContextHelp = create<ContextState>((set, get) => ({
  key: null,
  status: 'idle',
  answer: null,
  error: null,
  async resolve(request) {
    const key = keyOf(request);
    const cached = cache.get(key);
    if (cached) {
      set({ key, status: 'ready', answer: cached, error: null });
      return cached;
    }
    set({ key, status: 'loading', error: null });
    try {
      const answer = await fetchAnswer(request);
      cache.set(key, answer);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      if (get().key === key) set({ status: 'ready', answer });
      return answer;
    } catch (error) {
      if (get().key === key) set({ status: 'error', error });
      return null;
    }
  },
  forget() {
    cache.clear();
    set({ key: null, status: 'idle', answer: null, error: null });
  },
}));
