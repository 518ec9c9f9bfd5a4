/**
 * Search as you type: every keystroke updates the query at once; results follow without
 * flicker — a newer query's results replace older ones, a late answer to an old query is
 * dropped, and the previous results stay on screen until the new ones arrive.
 */
import { create } from 'zustand';
import type { SearchResult } from '../../../shared/types';
import { api } from '../api';
import { useApp } from './app';

interface SearchState {
  query: string;
  result: SearchResult | null;
  pending: boolean;
  error: string | null;
  setQuery(text: string): void;
}

let sequence = 0;

export const useSearch = create<SearchState>((set) => ({
  query: '',
  result: null,
  pending: false,
  error: null,
  setQuery(text) {
    const ticket = ++sequence;
    set({ query: text });
    if (text.trim() === '') {
      set({ result: null, pending: false, error: null });
      return;
    }
    set({ pending: true });
    const { hostOs, language } = useApp.getState();
    api.search({ text, platform: hostOs, uiLocale: language, limit: 50 }).then(
      (result) => {
        if (ticket === sequence) set({ result, pending: false, error: null });
      },
      (error: unknown) => {
        if (ticket === sequence) set({ pending: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
  },
}));
