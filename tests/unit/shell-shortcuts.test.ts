/**
 * The global shortcut: the configured one, else the default, else a fallback — and a
 * shortcut that cannot be registered is reported, never silently lost.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SHORTCUT,
  FALLBACK_SHORTCUTS,
  isValidAccelerator,
  needsReport,
  registerShortcut,
  shortcutCandidates,
} from '../../electron/main/shortcuts';

vi.mock('electron', () => ({}));

/** A globalShortcut stand-in where some accelerators are held by other apps. */
function fakeGlobalShortcut(taken: string[] = [], throwing: string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    unregistered: [] as string[],
    register(accelerator: string, callback: () => void): boolean {
      if (throwing.includes(accelerator)) throw new TypeError(`conversion failure: ${accelerator}`);
      if (taken.includes(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    },
    unregister(accelerator: string): void {
      this.unregistered.push(accelerator);
      registered.delete(accelerator);
    },
  };
}

describe('accelerators', () => {
  it.each(['CommandOrControl+Shift+H', 'Ctrl+Alt+Space', 'Alt+F4', 'Super+K', 'CmdOrCtrl+Shift+/', 'F8', 'Option+Shift+Plus'])('accepts %s', (accelerator) => {
    expect(isValidAccelerator(accelerator)).toBe(true);
  });

  it.each(['', 'H', 'Shift+H', 'Ctrl+', 'Ctrl+Shift', 'Ctrl+Ctrl+H', 'Hyper+H', 'Ctrl+HH', 'Ctrl+F25', 'Ctrl++'])('refuses %s', (accelerator) => {
    expect(isValidAccelerator(accelerator)).toBe(false);
  });
});

describe('registering the shortcut', () => {
  it('tries the setting, then the default, then the fallbacks; an empty setting means none', () => {
    expect(shortcutCandidates('Alt+Space')).toEqual(['Alt+Space', DEFAULT_SHORTCUT, ...FALLBACK_SHORTCUTS]);
    expect(shortcutCandidates(DEFAULT_SHORTCUT)).toEqual([DEFAULT_SHORTCUT, ...FALLBACK_SHORTCUTS]);
    expect(shortcutCandidates('  ')).toEqual([]);
  });

  it('registers the configured shortcut, which then shows Doum', () => {
    const api = fakeGlobalShortcut();
    let pressed = 0;
    const result = registerShortcut(api, 'Alt+Space', null, () => void (pressed += 1));
    expect(result).toEqual({ wanted: 'Alt+Space', registered: 'Alt+Space', failed: [] });
    api.registered.get('Alt+Space')!();
    expect(pressed).toBe(1);
    expect(needsReport(result)).toBe(false);
  });

  it('falls back to the default when another app holds the configured one, and reports it', () => {
    const result = registerShortcut(fakeGlobalShortcut(['Alt+Space']), 'Alt+Space', null, () => undefined);
    expect(result).toEqual({ wanted: 'Alt+Space', registered: DEFAULT_SHORTCUT, failed: [{ accelerator: 'Alt+Space', reason: 'already used by another application' }] });
    expect(needsReport(result)).toBe(true);
  });

  it('falls back past a taken default', () => {
    const result = registerShortcut(fakeGlobalShortcut([DEFAULT_SHORTCUT]), DEFAULT_SHORTCUT, null, () => undefined);
    expect(result.registered).toBe(FALLBACK_SHORTCUTS[0]);
    expect(needsReport(result)).toBe(true);
  });

  it('reports when nothing could be registered', () => {
    const result = registerShortcut(fakeGlobalShortcut([DEFAULT_SHORTCUT, ...FALLBACK_SHORTCUTS]), DEFAULT_SHORTCUT, null, () => undefined);
    expect(result.registered).toBeNull();
    expect(result.failed).toHaveLength(1 + FALLBACK_SHORTCUTS.length);
    expect(needsReport(result)).toBe(true);
  });

  it('skips a setting that is not a shortcut, and one Electron throws on', () => {
    const invalid = registerShortcut(fakeGlobalShortcut(), 'Shift+H', null, () => undefined);
    expect(invalid.failed).toEqual([{ accelerator: 'Shift+H', reason: 'not a valid shortcut' }]);
    expect(invalid.registered).toBe(DEFAULT_SHORTCUT);
    const throwing = registerShortcut(fakeGlobalShortcut([], ['Ctrl+Alt+K']), 'Ctrl+Alt+K', null, () => undefined);
    expect(throwing.failed[0]?.reason).toContain('conversion failure');
  });

  it('releases the previous shortcut before registering the new one', () => {
    const api = fakeGlobalShortcut();
    registerShortcut(api, 'Alt+Space', null, () => undefined);
    registerShortcut(api, 'Ctrl+Alt+K', 'Alt+Space', () => undefined);
    expect(api.unregistered).toEqual(['Alt+Space']);
    expect([...api.registered.keys()]).toEqual(['Ctrl+Alt+K']);
  });

  it('registers nothing and reports nothing when shortcuts are off', () => {
    const api = fakeGlobalShortcut();
    const result = registerShortcut(api, '', DEFAULT_SHORTCUT, () => undefined);
    expect(result).toEqual({ wanted: null, registered: null, failed: [] });
    expect(api.unregistered).toEqual([DEFAULT_SHORTCUT]);
    expect(needsReport(result)).toBe(false);
  });
});
