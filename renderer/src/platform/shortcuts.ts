/**
 * The app's keyboard map, per host OS: what each shortcut is, how it is labelled, and how a
 * key press is matched. Keys are matched by their physical code, so they work whatever the
 * keyboard layout or input method (a Korean IME turns K into ㅏ).
 */
import type { HostOs } from '../../../shared/platform';
import { formatAccelerator } from '../../../shared/shortcuts';

export type Command = 'focusSearch' | 'find' | 'back' | 'forward' | 'textLarger' | 'textSmaller' | 'textReset' | 'settings' | 'bookmark' | 'print';

/** Accelerators (Electron syntax, for labels) per command and OS. */
const ACCELERATORS: Record<Command, Record<HostOs, string>> = {
  focusSearch: { macos: 'Command+K', windows: 'Ctrl+K', linux: 'Ctrl+K' },
  find: { macos: 'Command+F', windows: 'Ctrl+F', linux: 'Ctrl+F' },
  back: { macos: 'Command+[', windows: 'Alt+Left', linux: 'Alt+Left' },
  forward: { macos: 'Command+]', windows: 'Alt+Right', linux: 'Alt+Right' },
  textLarger: { macos: 'Command+Plus', windows: 'Ctrl+Plus', linux: 'Ctrl+Plus' },
  textSmaller: { macos: 'Command+-', windows: 'Ctrl+-', linux: 'Ctrl+-' },
  textReset: { macos: 'Command+0', windows: 'Ctrl+0', linux: 'Ctrl+0' },
  settings: { macos: 'Command+,', windows: 'Ctrl+,', linux: 'Ctrl+,' },
  bookmark: { macos: 'Command+D', windows: 'Ctrl+D', linux: 'Ctrl+D' },
  print: { macos: 'Command+P', windows: 'Ctrl+P', linux: 'Ctrl+P' },
};

export function shortcutLabel(command: Command, os: HostOs): string {
  return formatAccelerator(ACCELERATORS[command][os], os);
}

export interface KeyEventLike {
  code: string;
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** ⌘ on macOS, Ctrl elsewhere — and not the other one. */
export function hasPrimaryModifier(event: KeyEventLike, os: HostOs): boolean {
  return os === 'macos' ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** The command a key press stands for on this OS, or null. */
export function commandFor(event: KeyEventLike, os: HostOs): Command | null {
  const primary = hasPrimaryModifier(event, os) && !event.altKey;
  if (primary) {
    switch (event.code) {
      case 'KeyK':
        return event.shiftKey ? null : 'focusSearch';
      case 'KeyF':
        return event.shiftKey ? null : 'find';
      case 'Equal':
      case 'NumpadAdd':
        return 'textLarger';
      case 'Minus':
      case 'NumpadSubtract':
        return event.shiftKey ? null : 'textSmaller';
      case 'Digit0':
      case 'Numpad0':
        return event.shiftKey ? null : 'textReset';
      case 'Comma':
        return event.shiftKey ? null : 'settings';
      case 'KeyD':
        return event.shiftKey ? null : 'bookmark';
      case 'KeyP':
        return event.shiftKey ? null : 'print';
      case 'BracketLeft':
        return os === 'macos' && !event.shiftKey ? 'back' : null;
      case 'BracketRight':
        return os === 'macos' && !event.shiftKey ? 'forward' : null;
      default:
        return null;
    }
  }
  const onlyAlt = event.altKey && !event.metaKey && !event.ctrlKey && !event.shiftKey;
  if (onlyAlt && os !== 'macos') {
    if (event.code === 'ArrowLeft') return 'back';
    if (event.code === 'ArrowRight') return 'forward';
  }
  return null;
}
