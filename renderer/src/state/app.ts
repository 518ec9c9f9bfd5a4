/**
 * The app's identity and environment: host OS, version, the system language and colour
 * scheme — loaded once from the HelpApi (and the browser's media queries).
 */
import { create } from 'zustand';
import type { HostOs } from '../../../shared/platform';
import type { AppInfo } from '../../../shared/types';
import { api } from '../api';

interface AppState {
  info: AppInfo | null;
  hostOs: HostOs;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** prefers-color-scheme: dark, followed live when the theme setting is 'system'. */
  systemDark: boolean;
  load(): Promise<AppInfo | null>;
}

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export const useApp = create<AppState>((set) => ({
  info: null,
  hostOs: 'linux',
  status: 'loading',
  error: null,
  systemDark: darkQuery.matches,
  async load() {
    try {
      const info = await api.getAppInfo();
      set({ info, hostOs: info.hostOs, status: 'ready', error: null });
      return info;
    } catch (error) {
      set({ status: 'error', error });
      return null;
    }
  },
}));

darkQuery.addEventListener('change', (event) => useApp.setState({ systemDark: event.matches }));
