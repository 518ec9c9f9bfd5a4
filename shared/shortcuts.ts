/**
 * Keyboard shortcuts as people read them on each host OS, and Electron accelerators built
 * from key presses. Pure data in, strings out: the renderer labels its shortcuts and records
 * the global shortcut with it; the shell may label menu items with it too.
 *
 * macOS writes modifiers as symbols in the fixed order ⌃⌥⇧⌘ with no separators ("⌘⇧H");
 * Windows and Linux spell them out joined by "+" ("Ctrl+Shift+H").
 */
import type { HostOs } from './platform';

type Modifier = 'ctrl' | 'alt' | 'shift' | 'meta';

const MODIFIER_ALIASES: Record<string, Modifier | 'mod'> = {
  commandorcontrol: 'mod',
  cmdorctrl: 'mod',
  command: 'meta',
  cmd: 'meta',
  control: 'ctrl',
  ctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
  super: 'meta',
  meta: 'meta',
};

const MAC_SYMBOLS: Record<Modifier, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' };
const PC_NAMES: Record<Modifier, string> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Win' };
const LINUX_NAMES: Record<Modifier, string> = { ...PC_NAMES, meta: 'Super' };
const MAC_ORDER: Modifier[] = ['ctrl', 'alt', 'shift', 'meta'];
const PC_ORDER: Modifier[] = ['ctrl', 'meta', 'alt', 'shift'];

const MAC_KEYS: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', return: '↩', enter: '↩', escape: '⎋', esc: '⎋',
  backspace: '⌫', delete: '⌦', tab: '⇥', space: 'Space', plus: '+', pageup: '⇞', pagedown: '⇟', home: '↖', end: '↘',
};
const PC_KEYS: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', return: 'Enter', enter: 'Enter', escape: 'Esc', esc: 'Esc',
  backspace: 'Backspace', delete: 'Del', tab: 'Tab', space: 'Space', plus: '+', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
};

export interface ParsedAccelerator {
  modifiers: Set<Modifier>;
  key: string;
}

/** Splits an Electron accelerator; "CommandOrControl" becomes ⌘ on macOS and Ctrl elsewhere. */
export function parseAccelerator(accelerator: string, os: HostOs): ParsedAccelerator | null {
  const parts = accelerator.split('+');
  // "CommandOrControl++" (the plus key) splits into an empty last part.
  if (accelerator.endsWith('++')) parts.splice(-2, 2, 'Plus');
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) return null;
    const alias = MODIFIER_ALIASES[part.toLowerCase()];
    if (alias) {
      if (key !== null) return null;
      modifiers.add(alias === 'mod' ? (os === 'macos' ? 'meta' : 'ctrl') : alias);
    } else {
      if (key !== null) return null;
      key = part;
    }
  }
  return key === null ? null : { modifiers, key };
}

/** "CommandOrControl+Shift+H" → "⌘⇧H" on macOS, "Ctrl+Shift+H" on Windows and Linux. */
export function formatAccelerator(accelerator: string, os: HostOs): string {
  const parsed = parseAccelerator(accelerator, os);
  if (!parsed) return accelerator;
  const lower = parsed.key.toLowerCase();
  if (os === 'macos') {
    const key = MAC_KEYS[lower] ?? parsed.key.toUpperCase();
    return MAC_ORDER.filter((m) => parsed.modifiers.has(m)).map((m) => MAC_SYMBOLS[m]).join('') + key;
  }
  const names = os === 'windows' ? PC_NAMES : LINUX_NAMES;
  const key = PC_KEYS[lower] ?? (parsed.key.length === 1 ? parsed.key.toUpperCase() : parsed.key);
  return [...PC_ORDER.filter((m) => parsed.modifiers.has(m)).map((m) => names[m]), key].join('+');
}

/** The physical key of a key press, as KeyboardEvent reports it (independent of the layout). */
export interface KeyPress {
  /** KeyboardEvent.code, e.g. "KeyH", "Digit1", "ArrowUp". */
  code: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const CODE_KEYS: Record<string, string> = {
  Space: 'Space', Enter: 'Enter', Tab: 'Tab', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert',
  Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown',
  ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';', Quote: "'",
  Comma: ',', Period: '.', Slash: '/', Backquote: '`',
};

/** The accelerator key for a KeyboardEvent.code, or null for modifiers and unknown keys. */
export function acceleratorKey(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return CODE_KEYS[code] ?? null;
}

/**
 * A global shortcut from a key press: at least one of Ctrl/⌘/Alt plus a non-modifier key.
 * ⌘ on macOS and Ctrl elsewhere are written as the portable "CommandOrControl".
 * Returns null when the press cannot be a global shortcut (no modifier, only modifiers).
 */
export function acceleratorFromKeyPress(press: KeyPress, os: HostOs): string | null {
  const key = acceleratorKey(press.code);
  if (!key) return null;
  const mod = os === 'macos' ? press.metaKey : press.ctrlKey;
  const other = os === 'macos' ? press.ctrlKey : press.metaKey;
  if (!mod && !other && !press.altKey) return null;
  const parts: string[] = [];
  if (mod) parts.push('CommandOrControl');
  if (other) parts.push(os === 'macos' ? 'Control' : 'Super');
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}
