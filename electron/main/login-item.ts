/**
 * Start at login (Settings → startAtLogin). macOS and Windows have Electron's login items;
 * Linux follows the XDG autostart spec (~/.config/autostart/doum.desktop). A login launch
 * starts hidden, in the tray: Windows and Linux pass `--hidden`, macOS says so itself
 * (wasOpenedAtLogin). Only installed builds register; a run from sources leaves the login
 * items alone.
 */
import type { App } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HostOs } from '../../shared/platform';

export const HIDDEN_ARG = '--hidden';

export interface LoginItemContext {
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  /** The program to start: the AppImage on Linux when there is one, else the executable. */
  executable: string;
  /** XDG autostart folder (Linux). */
  autostartDir: string;
}

/** The XDG autostart entry; the path is quoted per the Desktop Entry spec. */
export function linuxAutostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Doum', 'Comment=Offline help center', `Exec=${quoted} ${HIDDEN_ARG}`, 'Icon=doum', 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

const AUTOSTART_FILE = 'doum.desktop';

export const LOGIN_ITEM: Record<HostOs, { apply(enabled: boolean, context: LoginItemContext): void; openedAtLogin(argv: readonly string[], context: Pick<LoginItemContext, 'app'>): boolean }> = {
  macos: {
    apply: (enabled, { app }) => app.setLoginItemSettings({ openAtLogin: enabled }),
    openedAtLogin: (argv, { app }) => argv.includes(HIDDEN_ARG) || app.getLoginItemSettings().wasOpenedAtLogin,
  },
  windows: {
    apply: (enabled, { app, executable }) => app.setLoginItemSettings({ openAtLogin: enabled, path: executable, args: [HIDDEN_ARG] }),
    openedAtLogin: (argv) => argv.includes(HIDDEN_ARG),
  },
  linux: {
    apply: (enabled, { executable, autostartDir }) => {
      const file = join(autostartDir, AUTOSTART_FILE);
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(autostartDir, { recursive: true });
      writeFileSync(file, linuxAutostartEntry(executable));
    },
    openedAtLogin: (argv) => argv.includes(HIDDEN_ARG),
  },
};

export function defaultAutostartDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
}
