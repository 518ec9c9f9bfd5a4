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

/** What the transports need to know of a stored file to answer `/assets/<sha>`. */
export interface StoredFileInfo {
  type: string;
  /** The attachment's name when the file is an attachment that no article shows as a picture. */
  fileName: string | null;
}

/**
 * How `/assets/<sha>` answers a stored file (besides caching): a picture inline as its checked
 * image type; anything else as a download that no browser renders.
 */
export function storedFileResponse(file: StoredFileInfo): { type: string; headers: Record<string, string> } {
  if (file.fileName === null && isAssetType(file.type)) return { type: file.type, headers: { 'x-content-type-options': 'nosniff' } };
  return {
    type: downloadContentType(file.type),
    headers: {
      'content-disposition': attachmentDisposition(file.fileName ?? 'attachment'),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  };
}

/** A file size for people: 512 B, 3.4 KB, 12 MB (the same units in every language Doum speaks). */
export function formatFileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? String(Math.round(value)) : value < 10 ? value.toFixed(1) : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

const KIND_BY_TYPE: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/x-zip-compressed': 'ZIP',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.hancom.hwp': 'HWP',
  'application/x-hwp': 'HWP',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/** A short name for the kind of file ("PDF", "Word", "PNG"), by its type, else its name's extension; '' when neither says. */
export function fileKindLabel(type: string, fileName: string): string {
  const known = KIND_BY_TYPE[type];
  if (known) return known;
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  return extension ? extension.toUpperCase() : '';
}
