/**
 * The person's settings, persisted through the HelpApi. Changes show at once (optimistic) and
 * roll back with a reason when the core refuses them; `settingsChanged` events (another
 * window, the tray) keep the copy here current.
 */
import { create } from 'zustand';
import type { Settings } from '../../../shared/types';
import { api } from '../api';
import { stepTextScale, TEXT_SCALE, type TextScaleStep } from '../../../shared/text-scale';

export { clampTextScale, TEXT_SCALE } from '../../../shared/text-scale';

type SettingKey = keyof Settings;

interface SettingsState {
  settings: Settings | null;
  /** Why the last change of a setting was refused (the thrown value, worded by ErrorNotice), by setting. */
  errors: Partial<Record<SettingKey, unknown>>;
  load(): Promise<Settings | null>;
  /** Resolves true when the core accepted the change. */
  update(patch: Partial<Settings>): Promise<boolean>;
  receive(settings: Settings): void;
  clearError(key: SettingKey): void;
  changeTextScale(direction: TextScaleStep): void;
}

let updateSequence = 0;

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  errors: {},
  async load() {
    try {
      const settings = await api.getSettings();
      set({ settings });
      return settings;
    } catch {
      return null;
    }
  },
  async update(patch) {
    const before = get().settings;
    const keys = Object.keys(patch) as SettingKey[];
    const ticket = ++updateSequence;
    const errors = Object.fromEntries(Object.entries(get().errors).filter(([key]) => !keys.includes(key as SettingKey)));
    set({ settings: before ? { ...before, ...patch } : before, errors });
    try {
      const settings = await api.setSettings(patch);
      if (ticket === updateSequence) set({ settings });
      return true;
    } catch (error) {
      const current = get().settings;
      const rolledBack = current && before ? { ...current } : current;
      if (rolledBack && before) for (const key of keys) (rolledBack as Record<SettingKey, unknown>)[key] = before[key];
      set({ settings: rolledBack, errors: { ...get().errors, ...Object.fromEntries(keys.map((k) => [k, error])) } });
      return false;
    }
  },
  receive(settings) {
    set({ settings });
  },
  clearError(key) {
    set({ errors: Object.fromEntries(Object.entries(get().errors).filter(([k]) => k !== key)) });
  },
  changeTextScale(direction) {
    const current = get().settings?.textScale ?? TEXT_SCALE.default;
    const next = stepTextScale(current, direction);
    if (next !== current) void get().update({ textScale: next });
  },
}));
