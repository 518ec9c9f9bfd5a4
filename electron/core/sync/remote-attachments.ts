/**
 * Files attached to a Zendesk article (`GET /api/v2/help_center/{locale}/articles/{id}/attachments`):
 * each one that is not inline (inline ones are the body's pictures) is downloaded (https, or the help
 * center's own origin, like pictures: ./remote-pictures), hashed into the store next to the
 * pictures, and listed under the article. A file over the per-file cap, past the per-sync cap,
 * or that cannot be had is listed as a link to its source instead, with a note in the sync
 * report naming the article and the file; the sync itself never fails for it. A file the store
 * already holds from the same address with the same size is not downloaded again.
 */
import { createHash } from 'node:crypto';
import { sniffImage } from '../../../shared/assets';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_SYNC_BYTES, normalizeContentType, safeFileName } from '../../../shared/attachments';
import type { ArticleAttachment, SyncNote } from '../../../shared/types';
import { boolean, nullable, number, object, optional, string, type Check } from '../../../shared/validate';
import { errorMessage } from '../errors';
import type { AssetInput } from '../store/content-store';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, httpGet, type RetryPolicy } from './http';
import { downloadableUrl, resolveAddress } from './remote-pictures';

/** One record of Zendesk's `article_attachments` list (only the fields Doum reads). */
export interface ZendeskAttachment {
  id: number;
  file_name: string;
  content_url: string;
  content_type?: string | null;
  size?: number | null;
  inline?: boolean;
}

export const checkAttachmentRecord: Check<ZendeskAttachment> = object(
  {
    id: number({ min: 1, integer: true }),
    file_name: string({ min: 1, max: 1000 }),
    content_url: string({ min: 1, max: 2048 }),
    content_type: optional(nullable(string({ max: 200 }))),
    size: optional(nullable(number({ min: 0, integer: true }))),
    inline: optional(boolean),
  },
  { allowUnknown: true },
);

export interface RemoteAttachmentOptions {
  /** The help center's origin: relative addresses are resolved against it. */
  origin: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Called with the bytes of every file downloaded. */
  onBytes?: (bytes: number) => void;
  /** The sha256 of a file the store already holds from this address with this size. */
  known?: (sourceUrl: string, bytes: number) => string | null;
  /** Caps (bytes), for tests; default shared/attachments.ts's. */
  maxFileBytes?: number;
  maxSyncBytes?: number;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Where an attachment may be had: a stored file's sha256, or why it is only linked. */
type Outcome = { sha256: string; bytes: number } | { problem: string };

export class RemoteAttachments {
  /** Each address once, even when several articles (or requests at once) name it. */
  private readonly byUrl = new Map<string, Promise<Outcome>>();
  private readonly assets = new Map<string, AssetInput>();
  private downloaded = 0;
  /** Bytes announced by downloads under way, so that downloads at once stay within the per-sync cap together. */
  private reserved = 0;

  constructor(private readonly options: RemoteAttachmentOptions) {}

  /**
   * The attachments of one article, in Zendesk's order: stored ones by sha256, the others
   * linked to their source (each named in `notes`). Inline attachments are left out: Zendesk
   * documents them as the pictures embedded in the body (which ./remote-pictures stores), and
   * lists only the others under an article.
   */
  async attachmentsOf(record: string, listed: readonly ZendeskAttachment[], notes: SyncNote[]): Promise<ArticleAttachment[]> {
    const attachments: ArticleAttachment[] = [];
    for (const item of listed) {
      if (item.inline) continue;
      const fileName = safeFileName(item.file_name);
      const source = this.sourceUrl(item.content_url);
      if (!source) {
        notes.push({ kind: 'attachment', record, reason: `the attached file "${fileName}" has no usable address (${item.content_url.slice(0, 200)}); it is left out` });
        continue;
      }
      const declared = item.size ?? 0;
      const outcome = await this.outcome(item, source, declared);
      const type = normalizeContentType(item.content_type);
      if ('problem' in outcome) {
        notes.push({ kind: 'attachment', record, reason: `the attached file "${fileName}" ${outcome.problem}; the article links to ${source} instead` });
        attachments.push({ sha256: null, fileName, type, bytes: declared, sourceUrl: source });
      } else {
        attachments.push({ sha256: outcome.sha256, fileName, type, bytes: outcome.bytes, sourceUrl: source });
      }
    }
    return attachments;
  }

  /** The files downloaded, to store with the articles. */
  result(): AssetInput[] {
    return [...this.assets.values()];
  }

  /** The attachment's absolute http(s) address (`//host/x` as https), or null. */
  private sourceUrl(contentUrl: string): string | null {
    const url = resolveAddress(contentUrl.trim(), this.options.origin);
    return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
  }

  private outcome(item: ZendeskAttachment, source: string, declared: number): Promise<Outcome> {
    const cached = this.byUrl.get(source);
    if (cached) return cached;
    const outcome = this.fetchFile(item, source, declared);
    this.byUrl.set(source, outcome);
    return outcome;
  }

  private async fetchFile(item: ZendeskAttachment, source: string, declared: number): Promise<Outcome> {
    const maxFile = this.options.maxFileBytes ?? MAX_ATTACHMENT_BYTES;
    const maxSync = this.options.maxSyncBytes ?? MAX_ATTACHMENT_SYNC_BYTES;
    if (declared > maxFile) return { problem: `is ${megabytes(declared)}, more than the ${megabytes(maxFile)} Doum stores per file` };
    const known = declared > 0 ? this.options.known?.(source, declared) : null;
    if (known) return { sha256: known, bytes: declared };
    const url = downloadableUrl(source, this.options.origin, { one: 'file', many: 'files' });
    if (typeof url === 'string') return { problem: url };
    const room = maxSync - this.downloaded - this.reserved;
    if (declared > room || room <= 0) {
      return { problem: `was not downloaded: this sync already stored ${megabytes(this.downloaded + this.reserved)} of attached files, its limit is ${megabytes(maxSync)} (the next sync takes it)` };
    }
    let data: Buffer;
    this.reserved += declared;
    try {
      const response = await httpGet(
        url.href,
        { signal: this.options.signal, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: Math.min(maxFile, room) },
        this.options.retry ?? DEFAULT_RETRY,
      );
      data = response.body;
    } catch (error) {
      // A cancelled sync is not a missing file: it stops the whole sync.
      if (this.options.signal?.aborted) throw error;
      return { problem: `could not be downloaded (${errorMessage(error)})` };
    } finally {
      this.reserved -= declared;
    }
    this.downloaded += data.length;
    this.options.onBytes?.(data.length);
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (!this.assets.has(sha256)) this.assets.set(sha256, { sha256, type: storedType(item.content_type, data), data });
    return { sha256, bytes: data.length };
  }
}

/**
 * The type the file is stored (and later answered) under: a picture's by its bytes, else the
 * declared one — but never a picture type the bytes do not bear out.
 */
function storedType(declared: string | null | undefined, data: Buffer): string {
  const picture = sniffImage(data)?.type;
  if (picture) return picture;
  const type = normalizeContentType(declared);
  return type.startsWith('image/') ? 'application/octet-stream' : type;
}
