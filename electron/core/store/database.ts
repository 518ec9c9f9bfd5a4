/**
 * Opening a SQLite file: pragmas, forward-only migrations tracked in `user_version`, and
 * recovery from a corrupt file (moved aside with a timestamp, never deleted). A file in a
 * folder that cannot be written is opened as a read-only copy (`db.readonly`), so reading
 * still works and every write fails with a reason.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../errors';

export type Db = Database.Database;

/** One schema step. Migrations run in order inside one transaction each. */
export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
}

export function applyMigrations(db: Db, migrations: readonly Migration[], file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreError('newer-schema', file, `${file} was written by a newer version of Doum (schema ${current}, this version knows ${latest}); update Doum`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function openRaw(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Errors that mean "this file or its folder cannot be written", not "it is damaged". */
const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY', 'EROFS', 'EACCES', 'EPERM']);

export function isReadOnlyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY'));
}

/**
 * A read-only database from a folder SQLite cannot write to: a WAL-mode file cannot even be
 * opened read-only there (its -shm file cannot be made), so its bytes are read into memory,
 * marked as a rollback-journal file (header bytes 18–19) and opened from there, read-only.
 */
function openReadOnlyCopy(file: string): Db {
  const bytes = readFileSync(file);
  if (bytes.length >= 20) bytes.fill(1, 18, 20);
  return new Database(bytes, { readonly: true });
}

/** Opens and migrates a database; any failure is a StoreError naming the file. */
export function openDatabase(file: string, migrations: readonly Migration[], options: { readOnly?: boolean } = {}): Db {
  let db: Db | undefined;
  try {
    try {
      db = options.readOnly ? openReadOnlyCopy(file) : openRaw(file);
    } catch (error) {
      if (!isReadOnlyError(error) || !existsSync(file)) throw error;
      db = openReadOnlyCopy(file);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError('corrupt', file, `${file} failed its integrity check: ${String(check)}`);
    if (db.readonly) {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current !== (migrations.at(-1)?.version ?? 0)) {
        throw new StoreError('read-only', file, `${file} is in a folder Doum cannot write to, and it needs an update it cannot get there (schema ${current}); make the folder writable`);
      }
    } else {
      applyMigrations(db, migrations, file);
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: unknown }).code;
    const kind = code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' ? 'corrupt' : 'failed';
    throw new StoreError(kind, file, `${file} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export interface RecoveredOpen {
  db: Db;
  /** Where the unreadable file was moved, when it was. */
  movedAsideTo: string | null;
  reason: string | null;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Moves a database file and its -wal/-shm companions aside; returns the new name. */
export function moveAside(file: string, label: string, now = new Date()): string {
  const aside = `${file}.${label}-${timestamp(now)}`;
  // The -wal file holds committed pages that belong to the main file: keep them together.
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

export interface RecoveryOptions {
  now?: Date;
  /**
   * Also move aside a file written by a newer Doum. Right for the content file (a cache of
   * the feed, rebuilt from the bundled snapshot and the next sync); never for the user's own
   * data, which an older version must not throw away.
   */
  replaceNewerSchema?: boolean;
  readOnly?: boolean;
}

/**
 * Opens a database; if the file is corrupt (or, when asked, from a newer schema) it is moved
 * aside as `<file>.corrupt-<timestamp>` (or `.newer-…`), never deleted, and a fresh database
 * is created in its place.
 */
export function openDatabaseWithRecovery(file: string, migrations: readonly Migration[], options: RecoveryOptions = {}): RecoveredOpen {
  try {
    return { db: openDatabase(file, migrations, { readOnly: options.readOnly }), movedAsideTo: null, reason: null };
  } catch (error) {
    if (!(error instanceof StoreError) || !existsSync(file) || options.readOnly) throw error;
    if (isReadOnlyError(error.cause)) throw error;
    const replaceable = error.kind === 'corrupt' || (error.kind === 'newer-schema' && options.replaceNewerSchema === true);
    if (!replaceable) throw error;
    const aside = moveAside(file, error.kind === 'corrupt' ? 'corrupt' : 'newer', options.now);
    return { db: openDatabase(file, migrations), movedAsideTo: aside, reason: error.message };
  }
}
