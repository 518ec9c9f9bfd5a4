/**
 * The app's identity and environment: host OS, version, the system language and colour
 * scheme — loaded once from the HelpApi (and the browser's media query, followed from startApp).
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
  setSystemDark(dark: boolean): void;
}

export const useApp = create<AppState>((set) => ({
  info: null,
  hostOs: 'linux',
  status: 'loading',
  error: null,
  systemDark: false,
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
  setSystemDark(dark) {
    set({ systemDark: dark });
  },
}));

/** Follows the system's colour scheme (started by startApp); returns the disposer. */
export function followSystemColorScheme(win: Window = window): () => void {
  const query = win.matchMedia('(prefers-color-scheme: dark)');
  const onChange = (event: MediaQueryListEvent): void => useApp.getState().setSystemDark(event.matches);
  useApp.getState().setSystemDark(query.matches);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
