/** The app's identity: host OS, version and UI language, loaded once from the HelpApi. */
import { create } from 'zustand';
import type { HostOs } from '../../../shared/platform';
import type { AppInfo, Settings } from '../../../shared/types';
import { api } from '../api';
import { resolveLanguage, type UiLanguage } from '../i18n';

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  hostOs: HostOs;
  language: UiLanguage;
  error: string | null;
  load(): Promise<void>;
}

export const useApp = create<AppState>((set) => ({
  info: null,
  settings: null,
  hostOs: 'linux',
  language: 'ko',
  error: null,
  async load() {
    try {
      const [info, settings] = await Promise.all([api.getAppInfo(), api.getSettings()]);
      set({ info, settings, hostOs: info.hostOs, language: resolveLanguage(settings.language, info.systemLocale), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
