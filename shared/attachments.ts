/**
 * Files attached to articles (a Zendesk article's PDF, ZIP, DOCX…): the one rule for how big
 * they may be, what their names and types may be, and how the app answers them. Pure helpers,
 * used by the Zendesk adapter, the content store, the preview's `/assets/<sha>` route, the
 * Electron `doum-app:` scheme and the renderer alike.
 *
 * An attachment's bytes live in the same store as pictures (by sha256), but it is never shown
 * in the page: whatever its bytes say, it is answered as a download (`Content-Disposition:
 * attachment`, an inert content type, `nosniff`, a sandboxing CSP), so a hostile HTML or SVG
 * file cannot run script in the app's origin.
 */
import { isAssetType } from './assets';

/** The largest file a sync stores (bytes): Zendesk's own limit per attachment. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** The most attachment bytes one sync downloads; the rest are linked to their source until the next sync. */
export const MAX_ATTACHMENT_SYNC_BYTES = 200 * 1024 * 1024;
/** The longest file name kept (characters). */
export const MAX_FILE_NAME_LENGTH = 200;

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * Types a download may be answered with as they are: documents, archives and pictures that no
 * browser runs. Anything else (HTML, SVG, XML, scripts, unknown) goes out as bytes.
 */
const INERT_DOWNLOAD_TYPES = new Set([
  'application/pdf',
  'application/zip',
  'application/x-zip-compressed',
  'application/gzip',
  'application/x-7z-compressed',
  'application/vnd.rar',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.hancom.hwp',
  'application/x-hwp',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'video/mp4',
]);

/** The declared content type reduced to a plain lowercase `type/subtype`, or bytes when it is not one. */
export function normalizeContentType(declared: string | null | undefined): string {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return MIME_TYPE.test(type) ? type : 'application/octet-stream';
}

/** The content type a download is answered with: the stored one when inert, else bytes. */
export function downloadContentType(type: string): string {
  return INERT_DOWNLOAD_TYPES.has(type) ? type : 'application/octet-stream';
}

/**
 * A file name fit to save under: the last path segment, without control characters or the
 * characters Windows refuses, trimmed of dots and spaces at the ends, never empty.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  const short = [...cleaned].slice(0, MAX_FILE_NAME_LENGTH).join('');
  return short || 'attachment';
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** What the store holds under a sha256, as the transports need it to answer `/assets/<sha>`. */
export interface StoredFile {
  type: string;
  data: Buffer;
  /** The attachment's name when the file is an attachment that no article shows as a picture. */
  fileName: string | null;
}

/**
 * The headers `/assets/<sha>` answers a stored file with (besides caching): a picture inline
 * as its checked image type; anything else as a download that no browser renders.
 */
export function storedFileHeaders(file: Pick<StoredFile, 'type' | 'fileName'>): Record<string, string> {
  if (file.fileName === null && isAssetType(file.type)) return { 'content-type': file.type, 'x-content-type-options': 'nosniff' };
  return {
    'content-type': downloadContentType(file.type),
    'content-disposition': attachmentDisposition(file.fileName ?? 'attachment'),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  };
}

/** A size for people: 12 B, 3.4 KB, 5.6 MB (decimal point; the UI localises the unit words itself). */
export function fileSizeParts(bytes: number): { value: string; unit: 'B' | 'KB' | 'MB' | 'GB' } {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return { value: unit === 0 ? String(Math.round(value)) : value.toFixed(value < 10 ? 1 : 0), unit: units[unit]! };
}
