/** The home screen's data: categories and recently updated articles. */
import { create } from 'zustand';
import type { HomeData } from '../../../shared/types';
import { api } from '../api';

interface HomeState {
  home: HomeData | null;
  error: string | null;
  load(locale?: string): Promise<void>;
}

export const useHome = create<HomeState>((set) => ({
  home: null,
  error: null,
  async load(locale) {
    try {
      set({ home: await api.getHome(locale), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
