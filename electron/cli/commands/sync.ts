/** `doum sync`: bring the local store to the feed's (or Zendesk help center's) latest content. */
import { resolve } from 'node:path';
import type { SyncProgress } from '../../../shared/types';
import { syncSourceFor } from '../../core/sync/sources';
import type { CliOptions } from '../usage';
import { note, openForCli } from '../context';
import { noMorePositionals, printJson } from '../usage';

const percent = (done: number | undefined, total: number | undefined): string =>
  total ? ` ${Math.round(((done ?? 0) / total) * 100)}%` : '';

function describeProgress(p: SyncProgress): string | null {
  switch (p.phase) {
    case 'manifest':
      return 'checking the feed…';
    case 'download':
      return p.totalBytes ? `downloading${percent(p.bytes, p.totalBytes)}` : p.records ? `downloading (${p.records} articles so far)` : 'downloading…';
    case 'verify':
      return 'checking what was downloaded…';
    case 'apply':
      return `saving${percent(p.records, p.totalRecords)} of ${p.totalRecords ?? '?'} records`;
    case 'index':
      return 'updating the search index…';
    default:
      return null;
  }
}

/**
 * A location as typed: URLs and `zendesk:` locations as they are, anything else a folder
 * relative to the working directory. (A one-letter "scheme" is a Windows drive, C:\feed.)
 */
export function feedLocationArg(value: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(value) ? value : resolve(value);
}

export async function syncCommand(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'sync');
  const feed = values.feed === undefined ? undefined : feedLocationArg(values.feed);
  const center = await openForCli({ db: values.db, skipBundledImport: feed !== undefined });
  // Ctrl-C cancels the download cleanly; the store is left as it was either way.
  const cancel = (): void => {
    if (center.sync.cancel()) note('doum: cancelling the sync…');
  };
  process.once('SIGINT', cancel);
  try {
    let last = '';
    const onProgress = (p: SyncProgress): void => {
      const line = describeProgress(p);
      if (process.stderr.isTTY && line && line !== last) note(`doum: ${(last = line)}`);
    };
    let report;
    if (feed) {
      const settings = center.user.getSettings();
      report = await center.sync.sync(syncSourceFor(feed), { publicKey: settings.feedPublicKey, onProgress });
      if (!report.notModified) await center.search.rebuild();
    } else {
      center.service.on('syncProgress', onProgress);
      report = await center.service.syncNow();
    }
    if (values.json) printJson(report);
    else if (report.notModified) note(`doum: already up to date (revision ${report.revision}, ${report.total} articles)`);
    else note(`doum: synced revision ${report.revision}: ${report.added} added, ${report.updated} updated, ${report.deleted} deleted, ${report.total} articles in all`);
    return 0;
  } finally {
    process.off('SIGINT', cancel);
    center.close();
  }
}
