/**
 * Files attached to Zendesk articles travel with them: listed from a Zendesk-shaped server on
 * 127.0.0.1 (`/api/v2/help_center/{locale}/articles/{id}/attachments`), downloaded, stored by
 * sha256 next to the pictures and listed under the article; a file too large, gone, or on a host
 * Doum does not download from is linked to its source with a note naming the article and the
 * file, never failing the sync; a re-sync does not download a file again; a file no article
 * lists any more is removed. `doum show --json` and `doum stats --json` include them.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { RemoteAttachments } from '../../electron/core/sync/remote-attachments';
import { syncSourceFor } from '../../electron/core/sync/sources';
import { runDoum } from '../support/cli';
import { pngBytes } from '../support/pictures';
import { fastRetry, openTestStore, type TestStore } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { sampleZendeskData, startZendeskServer, zdAttachment, type ZendeskServer } from '../support/zendesk-server';

afterAll(removeTempDirs);

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = pngBytes(48, 32, [200, 40, 40]);
const PDF_PATH = '/hc/article_attachments/601/manual.pdf';
const PNG_PATH = '/hc/article_attachments/602/layout.png';
const GONE_PATH = '/hc/article_attachments/604/gone.zip';

describe('attachments of a Zendesk help center', () => {
  let server: ZendeskServer;
  let elsewhere: ZendeskServer;
  let local: TestStore;

  beforeEach(async () => {
    // Another host (plain http, not the help center's origin): Doum downloads from https hosts only.
    elsewhere = await startZendeskServer({ locales: [], categories: [], sections: [], articles: [], files: { '/files/other.pdf': PDF } });
    const data = sampleZendeskData();
    data.files = { [PDF_PATH]: PDF, [PNG_PATH]: PNG };
    data.attachments = [
      zdAttachment(601, 1003, '사용 설명서.pdf', PDF_PATH, 'application/pdf', PDF.length),
      zdAttachment(602, 1003, 'layout.png', PNG_PATH, 'image/png', PNG.length),
      zdAttachment(603, 1003, 'huge.zip', '/hc/article_attachments/603/huge.zip', 'application/zip', 25 * 1024 * 1024),
      zdAttachment(604, 1003, 'gone.zip', GONE_PATH, 'application/zip', 1234),
      zdAttachment(605, 1003, 'other.pdf', `${elsewhere.url}/files/other.pdf`, 'application/pdf', PDF.length),
      // Inline: a picture of the body, not a file listed under it.
      zdAttachment(606, 1003, 'inline.png', '/hc/article_attachments/606/inline.png', 'image/png', 100, true),
    ];
    server = await startZendeskServer(data, { pageSize: 50 });
    local = openTestStore();
  });
  afterEach(async () => {
    local.close();
    await server.close();
    await elsewhere.close();
  });

  const source = () => syncSourceFor(`zendesk:${server.url}`, { retry: fastRetry(), timeoutMs: 5_000 });
  const downloads = (path: string): number => server.requests.filter((r) => r === path).length;

  it('stores the files by sha256 and lists every attachment under its article, the ones it could not store linked to their source', async () => {
    const report = await local.engine.sync(source());
    expect(report).toMatchObject({ added: 12, assets: { added: 2, removed: 0 } });
    expect(local.store.articleAttachments('zd-ko-1003')).toEqual([
      { sha256: sha(PDF), fileName: '사용 설명서.pdf', type: 'application/pdf', bytes: PDF.length, sourceUrl: `${server.url}${PDF_PATH}` },
      { sha256: sha(PNG), fileName: 'layout.png', type: 'image/png', bytes: PNG.length, sourceUrl: `${server.url}${PNG_PATH}` },
      { sha256: null, fileName: 'huge.zip', type: 'application/zip', bytes: 25 * 1024 * 1024, sourceUrl: `${server.url}/hc/article_attachments/603/huge.zip` },
      { sha256: null, fileName: 'gone.zip', type: 'application/zip', bytes: 1234, sourceUrl: `${server.url}${GONE_PATH}` },
      { sha256: null, fileName: 'other.pdf', type: 'application/pdf', bytes: PDF.length, sourceUrl: `${elsewhere.url}/files/other.pdf` },
    ]);
    // Every locale of the article lists them; each file is downloaded once.
    expect(local.store.articleAttachments('zd-en-us-1003')).toHaveLength(5);
    expect(downloads(PDF_PATH)).toBe(1);
    expect(downloads('/hc/article_attachments/603/huge.zip')).toBe(0);
    expect(elsewhere.requests).toEqual([]);
    expect(local.store.articleAttachments('zd-ko-1001')).toEqual([]);

    expect(local.store.getAsset(sha(PDF))).toEqual({ type: 'application/pdf', data: PDF, fileName: '사용 설명서.pdf' });
    expect(local.store.getAsset(sha(PNG))).toMatchObject({ type: 'image/png', fileName: 'layout.png' });
    expect(local.store.attachmentStats()).toEqual({ attachments: 2, attachmentBytes: PDF.length + PNG.length });
    expect(local.store.assetStats()).toEqual({ assets: 0, assetBytes: 0 });
  });

  it('names the article and the file of each attachment it could not store, and the sync still succeeds', async () => {
    const report = await local.engine.sync(source());
    const ko = (report.notes ?? []).filter((n) => n.record === 'Zendesk article 1003 (ko)');
    expect(ko).toEqual([
      { kind: 'attachment', record: 'Zendesk article 1003 (ko)', reason: expect.stringMatching(/^the attached file "huge.zip" is 25.0 MB, more than the 20.0 MB Doum stores per file; the article links to http:/) },
      { kind: 'attachment', record: 'Zendesk article 1003 (ko)', reason: expect.stringMatching(/^the attached file "gone.zip" could not be downloaded \(.*HTTP 404.*\); the article links to/) },
      { kind: 'attachment', record: 'Zendesk article 1003 (ko)', reason: expect.stringMatching(/^the attached file "other.pdf" is a http: file; only https files \(or the help center's own\) are downloaded/) },
    ]);
    expect(report.notes!.filter((n) => n.kind === 'attachment')).toHaveLength(6);
    expect(local.store.syncState().lastError).toBeNull();
  });

  it('does not download an unchanged attachment again, and removes a file no article lists any more', async () => {
    await local.engine.sync(source());
    const again = await local.engine.sync(source());
    expect(again).toMatchObject({ notModified: true, updated: 0, assets: { added: 0, removed: 0 } });
    expect(downloads(PDF_PATH)).toBe(1);
    expect(downloads(PNG_PATH)).toBe(1);

    server.data.attachments = server.data.attachments!.filter((a) => a.id !== 601);
    const removed = await local.engine.sync(source());
    expect(removed).toMatchObject({ updated: 2, assets: { added: 0, removed: 1 } });
    expect(local.store.getAsset(sha(PDF))).toBeNull();
    expect(local.store.articleAttachments('zd-ko-1003').map((a) => a.fileName)).toEqual(['layout.png', 'huge.zip', 'gone.zip', 'other.pdf']);
    expect(local.store.attachmentStats()).toEqual({ attachments: 1, attachmentBytes: PNG.length });
  });

  it('gets a file it could not get before on the next sync', async () => {
    await local.engine.sync(source());
    server.data.files![GONE_PATH] = Buffer.from('PK\u0003\u0004 zip bytes');
    server.data.attachments!.find((a) => a.id === 604)!.size = server.data.files![GONE_PATH].length;
    const next = await local.engine.sync(source());
    expect(next).toMatchObject({ updated: 2, assets: { added: 1, removed: 0 } });
    expect(local.store.articleAttachments('zd-ko-1003')[3]).toMatchObject({ fileName: 'gone.zip', sha256: sha(server.data.files![GONE_PATH]) });
  });

  it('shows an article without its attachments when their list cannot be had, and says so', async () => {
    server.fail('/articles/1003/attachments', { status: 403 }, { status: 403 });
    const report = await local.engine.sync(source());
    expect(report.total).toBe(12);
    expect(report.notes).toContainEqual({ kind: 'attachment', record: 'Zendesk article 1003 (ko)', reason: expect.stringContaining('its attached files could not be listed') });
    expect(local.store.articleAttachments('zd-ko-1003')).toEqual([]);
  });

  it('stops downloading at the per-sync cap and links the rest to their source', async () => {
    const notes: Parameters<RemoteAttachments['attachmentsOf']>[2] = [];
    const files = new RemoteAttachments({ origin: server.url, retry: fastRetry(), maxSyncBytes: PDF.length + 10 });
    const listed = [
      { id: 601, file_name: 'a.pdf', content_url: `${server.url}${PDF_PATH}`, content_type: 'application/pdf', size: PDF.length },
      { id: 602, file_name: 'b.png', content_url: `${server.url}${PNG_PATH}`, content_type: 'image/png', size: PNG.length },
    ];
    const attachments = await files.attachmentsOf('Zendesk article 1 (ko)', listed, notes);
    expect(attachments.map((a) => a.sha256)).toEqual([sha(PDF), null]);
    expect(notes[0]!.reason).toMatch(/"b.png" was not downloaded: this sync already stored .* its limit is/);
    expect(files.result().map((a) => a.sha256)).toEqual([sha(PDF)]);
  });

  it('prints attachments in `doum show --json` and counts them in `doum stats --json`', async () => {
    const db = join(tempDir(), 'zd.db');
    const sync = await runDoum(['sync', '--feed', `zendesk:${server.url}/hc/ko`, '--db', db, '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toContain('doum: attachment Zendesk article 1003 (ko): the attached file "huge.zip"');
    const show = await runDoum(['show', 'zd-ko-1003', '--db', db, '--json']);
    expect(show.code, show.stderr).toBe(0);
    const article = JSON.parse(show.stdout) as { attachments: Array<{ fileName: string; sha256: string | null }>; assets: unknown[] };
    expect(article.attachments.map((a) => [a.fileName, a.sha256])).toEqual([
      ['사용 설명서.pdf', sha(PDF)], ['layout.png', sha(PNG)], ['huge.zip', null], ['gone.zip', null], ['other.pdf', null],
    ]);
    expect(article.assets).toEqual([]);
    const stats = await runDoum(['stats', '--db', db, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 6, assets: 0, assetBytes: 0, attachments: 2, attachmentBytes: PDF.length + PNG.length });
  });
});
