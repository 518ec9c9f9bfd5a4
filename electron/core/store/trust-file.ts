/**
 * The trust state's second home: a small JSON file beside the user database holding the
 * settings that decide what Doum trusts — the pinned feed key, the highest signed revision
 * applied under it, the feed URL and the update URL. Written (through a temporary file and a
 * rename) every time they change, read at start-up, so losing the user database — or its
 * backup — never silently turns signature checking off.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { nullable, number, object, string } from '../../../shared/validate';

export interface TrustState {
  feedUrl: string | null;
  feedPublicKey: string | null;
  updateUrl: string | null;
  /** The highest revision applied from a manifest signed with `feedPublicKey`. */
  highestSignedRevision: number | null;
}

export const NO_TRUST: TrustState = { feedUrl: null, feedPublicKey: null, updateUrl: null, highestSignedRevision: null };

const checkTrust = object({
  feedUrl: nullable(string({ min: 1, max: 2048 })),
  feedPublicKey: nullable(string({ min: 1, max: 200 })),
  updateUrl: nullable(string({ min: 1, max: 2048 })),
  highestSignedRevision: nullable(number({ min: 1, integer: true })),
});

/** The trust file of a user database. */
export const trustFileFor = (userDb: string): string => `${userDb}.trust.json`;

/** The stored state, or null when the file is missing or damaged. */
export function readTrustFile(file: string): TrustState | null {
  try {
    return checkTrust(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function writeTrustFile(file: string, state: TrustState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}

/**
 * Two copies into one, failing closed: a pinned key in either is kept, the higher signed
 * revision wins, and for the URLs the file (written at every change, so never older than a
 * restored backup) wins where it has a value.
 */
export function mergeTrust(db: TrustState, file: TrustState | null): TrustState {
  if (!file) return db;
  const feedPublicKey = file.feedPublicKey ?? db.feedPublicKey;
  const revisions = [db, file].filter((t) => t.feedPublicKey === feedPublicKey).map((t) => t.highestSignedRevision ?? 0);
  const highest = Math.max(0, ...revisions);
  return {
    feedUrl: file.feedUrl ?? db.feedUrl,
    feedPublicKey,
    updateUrl: file.updateUrl ?? db.updateUrl,
    highestSignedRevision: highest > 0 ? highest : null,
  };
}
