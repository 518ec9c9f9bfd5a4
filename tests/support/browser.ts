/**
 * Finds a Chromium for the browser tests on any machine: an explicit path, the system
 * Chromium, Debian's package installed with apt when we are root, or Playwright's own
 * download — and says clearly what failed when none works.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Launch flags that work on locked-down CI machines (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function findSystemChromium(): string | null {
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path)) ?? null;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function tryAptInstall(log: (line: string) => void): boolean {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  log('installing Debian\'s chromium with apt-get (one time)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env });
  return install.status === 0;
}

function tryPlaywrightDownload(log: (line: string) => void): boolean {
  log('downloading Playwright\'s Chromium…');
  const result = spawnSync(process.execPath, [require.resolve('playwright/cli'), 'install', 'chromium'], { stdio: 'ignore' });
  return result.status === 0;
}

function playwrightChromium(): string | null {
  try {
    const path = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright').chromium.executablePath())"], { encoding: 'utf8' });
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Returns the Chromium executable to use, or null to let Playwright use its own download.
 * Throws with the reasons when no browser can be had.
 */
export function provideChromium(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string | null {
  const explicit = process.env.DOUM_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`DOUM_CHROMIUM=${explicit} does not exist`);
    return explicit;
  }
  const system = findSystemChromium();
  if (system) return system;
  if (tryAptInstall(log)) {
    const installed = findSystemChromium();
    if (installed) return installed;
  }
  if (playwrightChromium()) return null;
  if (tryPlaywrightDownload(log) && playwrightChromium()) return null;
  throw new Error(
    'no Chromium for the browser tests: none at ' + SYSTEM_CHROMIUMS.join(', ') +
      (isRoot() ? ", apt-get could not install Debian's chromium" : ' (not root, so apt was not tried)') +
      ", and Playwright's download failed. Install chromium, or set DOUM_CHROMIUM to a Chromium executable.",
  );
}
