/** `doum feed build` and `doum feed keygen`. */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFeed } from '../../core/feed/builder';
import { generateFeedKeyPair } from '../../core/feed/signing';
import type { CliOptions } from '../usage';
import { note } from '../context';
import { noMorePositionals, printJson, requireOption, UsageError } from '../usage';

export const PRIVATE_KEY_FILE = 'feed-signing.key';
export const PUBLIC_KEY_FILE = 'feed-signing.pub';

function build(rest: string[], values: CliOptions): number {
  const [contentDir, ...extra] = rest;
  if (!contentDir) throw new UsageError('feed build needs a content folder');
  noMorePositionals(extra, 'feed build');
  const outDir = resolve(requireOption(values.out, '--out <feed-dir>', 'feed build'));
  const validDays = values['valid-days'] === undefined ? undefined : Number(values['valid-days']);
  if (validDays !== undefined && !(Number.isInteger(validDays) && validDays >= 1)) throw new UsageError(`--valid-days needs a whole number of days, not "${values['valid-days']}"`);
  const report = buildFeed({ contentDir: resolve(contentDir), outDir, signKeyFile: values['sign-key'] && resolve(values['sign-key']), validDays, precompress: values.precompress ?? false });
  if (report.precompressed.removed > 0) note(`doum: removed ${report.precompressed.removed} stale precompressed file${report.precompressed.removed === 1 ? '' : 's'} (.gz/.br) that no longer matched the feed`);
  if (values.json) printJson({ ...report, outDir });
  else if (report.unchanged) note(`doum: the content is unchanged; ${outDir} stays at revision ${report.revision}${report.signed ? ' (signature renewed)' : ''}`);
  else {
    note(
      `doum: wrote revision ${report.revision} to ${outDir}: ${report.articles} articles` +
        (report.revision > 1 ? ` (${report.added} added, ${report.updated} updated, ${report.deleted} deleted; ${report.deltas} deltas kept)` : '') +
        (report.signed ? ', signed' : ''),
    );
  }
  return 0;
}

function keygen(rest: string[], values: CliOptions): number {
  noMorePositionals(rest, 'feed keygen');
  const outDir = resolve(requireOption(values.out, '--out <dir>', 'feed keygen'));
  const privateFile = join(outDir, PRIVATE_KEY_FILE);
  if (existsSync(privateFile)) throw new UsageError(`${privateFile} already exists; choose another folder rather than overwrite a key`);
  mkdirSync(outDir, { recursive: true });
  const pair = generateFeedKeyPair();
  writeFileSync(privateFile, pair.privateKeyPem, { mode: 0o600 });
  chmodSync(privateFile, 0o600);
  writeFileSync(join(outDir, PUBLIC_KEY_FILE), `${pair.publicKey}\n`);
  if (values.json) printJson({ privateKeyFile: privateFile, publicKeyFile: join(outDir, PUBLIC_KEY_FILE), publicKey: pair.publicKey });
  else {
    note(`doum: wrote ${privateFile} (keep it secret) and ${join(outDir, PUBLIC_KEY_FILE)}`);
    note(`doum: pin this public key in Doum's settings: ${pair.publicKey}`);
  }
  return 0;
}

export function feedCommand(rest: string[], values: CliOptions): number {
  const [sub, ...args] = rest;
  if (sub === 'build') return build(args, values);
  if (sub === 'keygen') return keygen(args, values);
  throw new UsageError(sub ? `unknown feed command "${sub}"` : 'feed needs "build" or "keygen"');
}
