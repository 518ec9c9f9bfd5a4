/** Edits a built feed the way a broken server or an attacker would, for the failure tests. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedManifest } from '../../electron/core/feed/format';

export function readManifest(feedDir: string): FeedManifest {
  return JSON.parse(readFileSync(join(feedDir, 'manifest.json'), 'utf8')) as FeedManifest;
}

export function writeManifest(feedDir: string, manifest: FeedManifest): void {
  writeFileSync(join(feedDir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
}

/**
 * Rewrites a JSON file of the feed and, unless `keepManifest`, updates its sha256 and size in
 * the manifest so that only the content is wrong, not its checksum.
 */
export function rewriteFeedFile(feedDir: string, file: string, edit: (doc: Record<string, unknown>) => void, options: { keepManifest?: boolean } = {}): void {
  const doc = JSON.parse(readFileSync(join(feedDir, file), 'utf8')) as Record<string, unknown>;
  edit(doc);
  const bytes = Buffer.from(`${JSON.stringify(doc)}\n`);
  writeFileSync(join(feedDir, file), bytes);
  if (options.keepManifest) return;
  const manifest = readManifest(feedDir);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  for (const ref of [manifest.snapshot, ...manifest.deltas]) {
    if (ref.url === file) Object.assign(ref, { sha256, bytes: bytes.length });
  }
  writeManifest(feedDir, manifest);
}
