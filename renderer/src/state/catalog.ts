/**
 * Browsing the help center: the home screen's data (categories with counts, popular and
 * recently updated articles) and the articles of a category, in the UI language. Reloaded
 * when a sync brings new content.
 */
import { create } from 'zustand';
import type { ArticleSummary, HomeData } from '../../../shared/types';
import { api } from '../api';

interface CategoryList {
  key: string;
  articles: ArticleSummary[] | null;
  error: unknown;
}

interface CatalogState {
  locale: string | null;
  home: HomeData | null;
  error: unknown;
  category: CategoryList | null;
  loadHome(locale: string): Promise<void>;
  loadCategory(path: string, locale: string): Promise<void>;
  /** New content arrived: load again what is shown. */
  refresh(): Promise<void>;
}

const categoryKey = (path: string, locale: string): string => `${locale}\u0000${path}`;

export const useCatalog = create<CatalogState>((set, get) => ({
  locale: null,
  home: null,
  error: null,
  category: null,
  async loadHome(locale) {
    try {
      const home = await api.getHome(locale);
      set({ home, locale, error: null });
    } catch (error) {
      set({ error });
    }
  },
  async loadCategory(path, locale) {
    const key = categoryKey(path, locale);
    if (get().category?.key !== key) set({ category: { key, articles: null, error: null } });
    try {
      const articles = await api.listArticles({ category: path, locale });
      if (get().category?.key === key) set({ category: { key, articles, error: null } });
    } catch (error) {
      if (get().category?.key === key) set({ category: { key, articles: [], error } });
    }
  },
  async refresh() {
    const { locale, category } = get();
    if (!locale) return;
    await get().loadHome(locale);
    if (category) {
      const [catLocale, path] = category.key.split('\u0000') as [string, string];
      await get().loadCategory(path, catLocale);
    }
  },
}));

export const categoryArticles =
  (path: string, locale: string) =>
  (s: CatalogState): CategoryList | null =>
    s.category?.key === categoryKey(path, locale) ? s.category : null;
