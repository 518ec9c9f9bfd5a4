/** The article being read: loaded by id through the HelpApi, for the host OS. */
import { create } from 'zustand';
import type { Article } from '../../../shared/types';
import { api } from '../api';
import { useApp } from './app';

interface ArticleState {
  id: string | null;
  article: Article | null;
  status: 'idle' | 'loading' | 'ready' | 'not-found' | 'error';
  error: string | null;
  open(id: string): Promise<void>;
}

export const useArticle = create<ArticleState>((set, get) => ({
  id: null,
  article: null,
  status: 'idle',
  error: null,
  async open(id) {
    if (get().id === id && get().status === 'ready') return;
    set({ id, status: 'loading', error: null });
    try {
      const article = await api.getArticle(id, { platform: useApp.getState().hostOs });
      if (get().id !== id) return;
      set({ article, status: article ? 'ready' : 'not-found' });
      if (article) void api.recordView(id).catch(() => undefined);
    } catch (error) {
      if (get().id === id) set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
