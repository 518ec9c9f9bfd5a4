/** `doum sync`: bring the local store to the feed's (or Zendesk help center's) latest content. */
import { resolve } from 'node:path';
import type { SyncProgress, SyncReport } from '../../../shared/types';
import { SyncError } from '../../core/errors';
import type { HelpCenter } from '../../core/help-center';
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

/**
 * Syncs `--feed` when given, else what the app would (its Settings' feed, or the bundled one):
 * either way through the service's one sync path, as the app and the preview sync.
 */
async function run(center: HelpCenter, feed: string | undefined, onProgress: (p: SyncProgress) => void): Promise<SyncReport> {
  const stop = center.service.on('syncProgress', onProgress);
  try {
    return await (feed ? center.service.syncFrom(feed) : center.service.syncNow());
  } finally {
    stop();
  }
}

/**
 * A failure in words for someone at a terminal: where the address came from and how to give
 * another one (core's messages name no screen or flag).
 */
function withTerminalHint(error: unknown, feed: string | undefined): unknown {
  if (!(error instanceof SyncError) || !['network', 'not-found', 'timeout', 'http'].includes(error.kind)) return error;
  const where = feed ? 'the address given with --feed' : "the app's feed address (from its Settings; pass --feed <url|dir> to use another)";
  // One line, as every CLI error.
  return new Error(`${error.message} — the feed was ${where}`, { cause: error });
}

export async function syncCommand(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'sync');
  const feed = values.feed === undefined ? undefined : feedLocationArg(values.feed);
  const center = await openForCli({ db: values.db, skipBundledImport: feed !== undefined });
  // Ctrl-C cancels the download cleanly; the store is left as it was either way.
  const cancel = (): void => {
    void center.service.cancelSync().then((cancelling) => {
      if (cancelling) note('doum: cancelling the sync…');
    });
  };
  process.once('SIGINT', cancel);
  try {
    let last = '';
    const onProgress = (p: SyncProgress): void => {
      const line = describeProgress(p);
      if (process.stderr.isTTY && line && line !== last) note(`doum: ${(last = line)}`);
    };
    let report: SyncReport;
    try {
      report = await run(center, feed, onProgress);
    } catch (error) {
      throw withTerminalHint(error, feed);
    }
    // Records re-filed or skipped are said on stderr whatever the output, so scripts see them too.
    for (const n of report.notes ?? []) note(`doum: ${n.kind} ${n.record}: ${n.reason}`);
    for (const picture of report.missingPictures ?? []) {
      note(`doum: picture ${picture.url} of article ${picture.articleId} ${picture.reason}; the article shows its alt text until a later sync gets it`);
    }
    if (values.json) printJson(report);
    else if (report.notModified) note(`doum: already up to date (revision ${report.revision}, ${report.total} articles)`);
    else note(`doum: synced revision ${report.revision}: ${report.added} added, ${report.updated} updated, ${report.deleted} deleted, ${report.total} articles in all; ${report.assets.added} pictures added, ${report.assets.removed} removed, ${report.bytesDownloaded} bytes downloaded`);
    return 0;
  } finally {
    process.off('SIGINT', cancel);
    center.close();
  }
}
