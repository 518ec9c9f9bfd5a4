/**
 * One sync at a time, also across processes (the app and `doum sync` on the same files):
 * an exclusive lock file holding the owner's pid. A lock left by a process that no longer
 * runs (killed mid-sync) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LockHandle {
  release(): void;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 2000;
  } catch {
    return false;
  }
}

/** Takes the lock, or returns null when another live process holds it. */
export function tryAcquireLock(file: string): LockHandle | null {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readOwner(file) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner === process.pid) return null;
      if (owner !== null && processIsAlive(owner)) return null;
      // An empty file this fresh belongs to a process that has not written its pid yet.
      if (owner === null && isFresh(file)) return null;
      // Stale: the owner is gone (or the file is unreadable garbage). Remove and retry once.
      rmSync(file, { force: true });
    }
  }
  return null;
}
