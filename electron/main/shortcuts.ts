/**
 * The global shortcut that brings Doum up with the search box focused: Ctrl+Shift+H
 * (⌘⇧H on macOS) unless Settings says otherwise; an empty setting turns it off.
 *
 * A shortcut can fail to register (another app holds it, or the text is not a shortcut).
 * That is never silent: Doum tries the default and then a fallback, and the result says
 * what was wanted and what is in effect, so the shell can tell the person and log it.
 * (How a shortcut is written for people, ⇧⌘H or Ctrl+Shift+H, is shared/shortcuts.ts.)
 */
import type { GlobalShortcut } from 'electron';

export const DEFAULT_SHORTCUT = 'CommandOrControl+Shift+H';
export const FALLBACK_SHORTCUTS = ['CommandOrControl+Alt+H'];

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
/** Modifiers that keep a global shortcut from swallowing ordinary typing (Shift alone would). */
const STRONG_MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'super', 'meta']);
const NAMED_KEYS = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'printscreen',
  'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]);

function isKey(part: string): boolean {
  const key = part.toLowerCase();
  return /^[a-z0-9]$/.test(key) || /^f([1-9]|1[0-9]|2[0-4])$/.test(key) || /^num[0-9]$/.test(key) || NAMED_KEYS.has(key) || /^[)!@#$%^&*(:;<_>?~{|}",=\-./`[\\\]']$/.test(part);
}

/** An Electron accelerator with one key and at least one modifier that is not only Shift (F-keys may stand alone). */
export function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  // "Plus" is the key "+": a trailing empty part means "…++".
  if (parts.some((p) => p === '') || parts.length > 5) return false;
  const key = parts[parts.length - 1]!;
  const modifiers = parts.slice(0, -1).map((p) => p.toLowerCase());
  if (!isKey(key) || modifiers.some((m) => !MODIFIERS.has(m)) || new Set(modifiers).size !== modifiers.length) return false;
  return modifiers.some((m) => STRONG_MODIFIERS.has(m)) || /^f([1-9]|1[0-9]|2[0-4])$/i.test(key);
}

/** What to try, in order: the setting, then the default, then the fallbacks. Empty: none. */
export function shortcutCandidates(setting: string): string[] {
  const wanted = setting.trim();
  if (!wanted) return [];
  return [...new Set([wanted, DEFAULT_SHORTCUT, ...FALLBACK_SHORTCUTS])];
}

export interface ShortcutResult {
  /** The shortcut Settings asks for; null when shortcuts are off. */
  wanted: string | null;
  /** The shortcut now in effect, or null. */
  registered: string | null;
  /** Those tried and refused, with the reason. */
  failed: Array<{ accelerator: string; reason: string }>;
}

type ShortcutApi = Pick<GlobalShortcut, 'register' | 'unregister'>;

/**
 * Registers the first candidate that works, after releasing `previous`. `onPress` runs when
 * the shortcut is pressed anywhere.
 */
export function registerShortcut(api: ShortcutApi, setting: string, previous: string | null, onPress: () => void): ShortcutResult {
  if (previous) api.unregister(previous);
  const candidates = shortcutCandidates(setting);
  const result: ShortcutResult = { wanted: candidates[0] ?? null, registered: null, failed: [] };
  for (const accelerator of candidates) {
    if (!isValidAccelerator(accelerator)) {
      result.failed.push({ accelerator, reason: 'not a valid shortcut' });
      continue;
    }
    let ok = false;
    try {
      ok = api.register(accelerator, onPress);
    } catch (error) {
      result.failed.push({ accelerator, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (ok) {
      result.registered = accelerator;
      return result;
    }
    result.failed.push({ accelerator, reason: 'already used by another application' });
  }
  return result;
}

/** Whether the person should hear about the result: whenever what they asked for is not in effect. */
export function needsReport(result: ShortcutResult): boolean {
  return result.wanted !== null && result.registered !== result.wanted;
}
