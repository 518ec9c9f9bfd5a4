/**
 * The shell's own small memory, in `shell-state.json` beside the user's data: where the
 * window was, whether the "still running in the tray" hint was shown, and which global
 * shortcut problem was last reported (so a login does not repeat it every day). Not settings (a
 * person never edits these), so not in the user store. A missing or damaged file means
 * defaults; writes go through a temporary file and a rename, so a crash never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SavedBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface ShellState {
  window: SavedBounds | null;
  trayHintShown: boolean;
  shortcutNotice: string | null;
}

const DEFAULT_STATE: ShellState = { window: null, trayHintShown: false, shortcutNotice: null };

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function checkBounds(value: unknown): SavedBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (![v.x, v.y, v.width, v.height].every(isFiniteNumber)) return null;
  if ((v.width as number) < 1 || (v.height as number) < 1) return null;
  return { x: v.x as number, y: v.y as number, width: v.width as number, height: v.height as number, maximized: v.maximized === true };
}

export class ShellStateFile {
  private state: ShellState;

  constructor(private readonly file: string) {
    this.state = ShellStateFile.read(file);
  }

  private static read(file: string): ShellState {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return {
        window: checkBounds(raw.window),
        trayHintShown: raw.trayHintShown === true,
        shortcutNotice: typeof raw.shortcutNotice === 'string' ? raw.shortcutNotice : null,
      };
    } catch {
      return { ...DEFAULT_STATE };
    }
  }

  get(): ShellState {
    return this.state;
  }

  update(patch: Partial<ShellState>): void {
    this.state = { ...this.state, ...patch };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(this.state, null, 2)}\n`);
      renameSync(temporary, this.file);
    } catch {
      // Losing the window position is not worth bothering anyone about.
    }
  }
}
