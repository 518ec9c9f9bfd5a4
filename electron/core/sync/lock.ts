/**
 * One sync at a time, also across processes (the app and `doum sync` on the same files).
 *
 * The lock is an exclusive transaction on a small SQLite file rather than a pid file: SQLite
 * takes an OS-level lock (fcntl on POSIX, LockFileEx on Windows) that the kernel releases the
 * moment its process dies — kill -9 and power loss included — so a lock file left behind
 * never blocks the next sync, and there is no stale-pid guessing (pids are reused) and no
 * take-over race between two processes that both think the owner is gone. SQLite also keeps
 * two connections of one process apart, so two engines in one process exclude each other too.
 * The file stays empty (nothing is ever written in the transaction).
 */
import Database from 'better-sqlite3';
import { mkdirSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LockHandle {
  release(): void;
}

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function tryLockOnce(file: string): LockHandle | null {
  // timeout 0: a held lock is an immediate "busy", never a wait.
  const db = new Database(file, { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}

/** Takes the lock, or returns null when another sync (in this process or another) holds it. */
export function tryAcquireLock(file: string): LockHandle | null {
  mkdirSync(dirname(file), { recursive: true });
  try {
    return tryLockOnce(file);
  } catch (error) {
    // A lock file from an older Doum held a pid, which SQLite reads as "not a database".
    // Emptying it in place (same inode, so no race with anyone opening it) makes it usable.
    if (sqliteCode(error) !== 'SQLITE_NOTADB') throw error;
    truncateSync(file, 0);
    return tryLockOnce(file);
  }
}
