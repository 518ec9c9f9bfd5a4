/**
 * The opt-in log of searches that found nothing or only partly (kept by the core, on this
 * computer only): what Settings shows, exports and clears.
 */
import { create } from 'zustand';
import type { SearchLogEntry } from '../../../shared/types';
import { api } from '../api';

interface SearchLogState {
  entries: SearchLogEntry[] | null;
  load(): Promise<void>;
  clear(): Promise<void>;
}

export const useSearchLog = create<SearchLogState>((set) => ({
  entries: null,
  async load() {
    set({ entries: await api.listSearchLog() });
  },
  async clear() {
    await api.clearSearchLog();
    set({ entries: [] });
  },
}));

/** The log as CSV (query, outcome, count, last), for the help center's team; quotes doubled. */
export function searchLogCsv(entries: readonly SearchLogEntry[]): string {
  const cell = (value: string | number): string => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const rows = entries.map((e) => [e.query, e.outcome, e.count, e.lastAt].map(cell).join(','));
  return ['query,outcome,count,last', ...rows].join('\n') + '\n';
}
