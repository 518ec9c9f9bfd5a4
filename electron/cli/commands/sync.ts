/** `doum sync`: bring the local store to the feed's latest revision. */
import { resolve } from 'node:path';
import type { SyncProgress } from '../../../shared/types';
import { feedSourceFor } from '../../core/sync/feed-source';
import type { CliOptions } from '../index';
import { note, openForCli } from '../context';
import { noMorePositionals, printJson } from '../usage';

function describeProgress(p: SyncProgress): string | null {
  switch (p.phase) {
    case 'manifest':
      return 'checking the feed…';
    case 'download':
      return p.totalBytes ? `downloading ${Math.round(((p.bytes ?? 0) / p.totalBytes) * 100)}%` : null;
    case 'apply':
      return `saving ${p.totalRecords ?? ''} records…`;
    case 'index':
      return 'updating the search index…';
    default:
      return null;
  }
}

export async function syncCommand(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'sync');
  const feed = values.feed && (/^[a-z][a-z0-9+.-]*:\/\//i.test(values.feed) ? values.feed : resolve(values.feed));
  const center = await openForCli({ db: values.db, skipBundledImport: feed !== undefined });
  try {
    const showProgress = process.stderr.isTTY;
    let last = '';
    const onProgress = (p: SyncProgress): void => {
      const line = describeProgress(p);
      if (showProgress && line && line !== last) note(`doum: ${(last = line)}`);
    };
    let report;
    if (feed) {
      const settings = center.user.getSettings();
      report = await center.sync.sync(feedSourceFor(feed), { publicKey: settings.feedPublicKey, onProgress });
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
    center.close();
  }
}
