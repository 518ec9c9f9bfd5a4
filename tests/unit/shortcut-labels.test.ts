/** Shortcut labels per host OS and global shortcuts recorded from key presses (shared/shortcuts.ts). */
import { describe, expect, it } from 'vitest';
import { acceleratorFromKeyPress, formatAccelerator, parseAccelerator } from '../../shared/shortcuts';

const press = (code: string, mods: Partial<Record<'metaKey' | 'ctrlKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('formatAccelerator', () => {
  it('writes macOS modifiers as symbols in Apple’s order ⌃⌥⇧⌘', () => {
    expect(formatAccelerator('CommandOrControl+Shift+H', 'macos')).toBe('⇧⌘H');
    expect(formatAccelerator('Shift+Alt+Control+Command+K', 'macos')).toBe('⌃⌥⇧⌘K');
    expect(formatAccelerator('Command+[', 'macos')).toBe('⌘[');
    expect(formatAccelerator('CommandOrControl+Plus', 'macos')).toBe('⌘+');
  });

  it('spells modifiers out joined by + on Windows and Linux', () => {
    expect(formatAccelerator('CommandOrControl+Shift+H', 'windows')).toBe('Ctrl+Shift+H');
    expect(formatAccelerator('Alt+Left', 'windows')).toBe('Alt+←');
    expect(formatAccelerator('Super+Space', 'linux')).toBe('Super+Space');
    expect(formatAccelerator('CmdOrCtrl++', 'windows')).toBe('Ctrl++');
  });

  it('leaves what it cannot read as it is', () => {
    expect(formatAccelerator('Shift+', 'windows')).toBe('Shift+');
    expect(parseAccelerator('A+B', 'windows')).toBeNull();
  });
});

describe('acceleratorFromKeyPress', () => {
  it('records ⌘ on macOS and Ctrl elsewhere as CommandOrControl, by physical key', () => {
    expect(acceleratorFromKeyPress(press('KeyJ', { metaKey: true, altKey: true }), 'macos')).toBe('CommandOrControl+Alt+J');
    expect(acceleratorFromKeyPress(press('KeyH', { ctrlKey: true, shiftKey: true }), 'windows')).toBe('CommandOrControl+Shift+H');
    expect(acceleratorFromKeyPress(press('Digit1', { ctrlKey: true }), 'linux')).toBe('CommandOrControl+1');
    expect(acceleratorFromKeyPress(press('F5', { altKey: true }), 'windows')).toBe('Alt+F5');
  });

  it('refuses a key without a modifier, or a modifier alone', () => {
    expect(acceleratorFromKeyPress(press('KeyJ'), 'windows')).toBeNull();
    expect(acceleratorFromKeyPress(press('KeyJ', { shiftKey: true }), 'windows')).toBeNull();
    expect(acceleratorFromKeyPress(press('ShiftLeft', { ctrlKey: true }), 'windows')).toBeNull();
  });
});
