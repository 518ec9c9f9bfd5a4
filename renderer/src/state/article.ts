/**
 * The article being read: loaded by id through the HelpApi with its variants shaped for the
 * host OS, the reader's feedback on it, and a small cache so back and forward are instant.
 * Opening an article records it in the reading history.
 */
import { create } from 'zustand';
import type { FeedbackDetails } from '../../../shared/feedback';
import type { Article, FeedbackEntry } from '../../../shared/types';
import { api } from '../api';
import { useApp } from './app';
import { useLibrary } from './library';

interface ArticleState {
  id: string | null;
  article: Article | null;
  status: 'idle' | 'loading' | 'ready' | 'not-found' | 'error';
  error: unknown;
  feedback: FeedbackEntry | null;
  feedbackError: unknown;
  open(id: string): Promise<void>;
  /** New content arrived: forget cached articles and load the open one again. */
  reload(): Promise<void>;
  /** Resolves true when the answer was stored. */
  setFeedback(helpful: boolean, details?: FeedbackDetails): Promise<boolean>;
}

const CACHE_SIZE = 30;
const cache = new Map<string, Article>();

function remember(article: Article): void {
  cache.delete(article.id);
  cache.set(article.id, article);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

async function recordView(id: string): Promise<void> {
  try {
    await api.recordView(id);
    await useLibrary.getState().loadHistory();
  } catch {
    // History is a convenience; reading goes on without it.
  }
}

export const useArticle = create<ArticleState>((set, get) => ({
  id: null,
  article: null,
  status: 'idle',
  error: null,
  feedback: null,
  feedbackError: null,
  async open(id) {
    if (get().id === id && get().status === 'ready') return;
    const cached = cache.get(id);
    set({ id, status: cached ? 'ready' : 'loading', article: cached ?? get().article, error: null, feedbackError: null });
    void api.getFeedback(id).then(
      (feedback) => get().id === id && set({ feedback }),
      () => get().id === id && set({ feedback: null }),
    );
    if (cached) {
      void recordView(id);
      return;
    }
    try {
      const article = await api.getArticle(id, { platform: useApp.getState().hostOs });
      if (get().id !== id) return;
      if (article) remember(article);
      set({ article: article ?? null, status: article ? 'ready' : 'not-found' });
      if (article) void recordView(id);
    } catch (error) {
      if (get().id === id) set({ status: 'error', error });
    }
  },
  async reload() {
    cache.clear();
    const { id } = get();
    if (!id) return;
    set({ status: 'idle' });
    await get().open(id);
  },
  async setFeedback(helpful, details) {
    const { id } = get();
    if (!id) return false;
    try {
      // No trailing undefined: over HTTP it would arrive as null, which the check refuses.
      const feedback = await (details ? api.setFeedback(id, helpful, details) : api.setFeedback(id, helpful));
      if (get().id === id) set({ feedback, feedbackError: null });
      return true;
    } catch (error) {
      if (get().id === id) set({ feedbackError: error });
      return false;
    }
  },
}));
