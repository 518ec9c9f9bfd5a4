/** The person's own library: bookmarks and the articles they read recently. */
import { create } from 'zustand';
import type { Bookmark, HistoryEntry } from '../../../shared/types';
import { api } from '../api';

export const HISTORY_LIMIT = 100;

interface LibraryState {
  bookmarks: Bookmark[];
  history: HistoryEntry[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  loadHistory(): Promise<void>;
  setBookmarked(articleId: string, bookmarked: boolean): Promise<boolean>;
  clearHistory(): Promise<boolean>;
}

export const useLibrary = create<LibraryState>((set) => ({
  bookmarks: [],
  history: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const [bookmarks, history] = await Promise.all([api.listBookmarks(), api.listHistory(HISTORY_LIMIT)]);
      set({ bookmarks, history, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error });
    }
  },
  async loadHistory() {
    try {
      set({ history: await api.listHistory(HISTORY_LIMIT) });
    } catch {
      // Keep the list we have.
    }
  },
  async setBookmarked(articleId, bookmarked) {
    try {
      set({ bookmarks: await api.setBookmarked(articleId, bookmarked), error: null });
      return true;
    } catch (error) {
      set({ error });
      return false;
    }
  },
  async clearHistory() {
    try {
      await api.clearHistory();
      set({ history: [], error: null });
      return true;
    } catch (error) {
      set({ error });
      return false;
    }
  },
}));

export const isBookmarked =
  (articleId: string | undefined) =>
  (s: LibraryState): boolean =>
    articleId !== undefined && s.bookmarks.some((b) => b.articleId === articleId);
