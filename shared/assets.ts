/**
 * Pictures that travel with the feed ("assets"): one rule for how an article refers to a
 * picture, what a picture may be, and where the app serves it. Pure helpers, used by the feed
 * builder, the sync engine, the Zendesk adapter, the preview server, the Electron protocol
 * handler and the renderer alike.
 *
 * An article refers to a picture only by the sha256 of its bytes, in exactly this form:
 *   <img src="doum-asset:<64 lowercase hex>" alt="…" width="W" height="H" loading="lazy">
 * The renderer turns `doum-asset:<sha>` into the same-origin URL `/assets/<sha>`, which the
 * preview serves token-checked and Electron serves through its privileged `doum-app:` scheme.
 */

export const ASSET_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const isAssetType = (value: unknown): value is AssetType => (ASSET_TYPES as readonly unknown[]).includes(value);

/** The largest picture a feed may carry (bytes). Screenshots are far smaller. */
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;
/** The longest side (pixels) a picture may have; larger ones are photos, not help pictures. */
export const MAX_ASSET_SIDE = 8192;

export const ASSET_SCHEME = 'doum-asset:';
export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The src of an article picture, and nothing else. */
export const ASSET_SRC = /^doum-asset:([0-9a-f]{64})$/;
/** Where the app serves a picture, relative to the renderer's own origin. */
export const ASSET_URL_PREFIX = '/assets/';
/** The path of a picture under the renderer's origin, e.g. /assets/<sha256>. */
export const ASSET_PATH = /^\/assets\/([0-9a-f]{64})$/;

export const assetUrl = (sha256: string): string => `${ASSET_URL_PREFIX}${sha256}`;

/** The feed file of a picture, relative to the manifest. */
export const assetFeedPath = (sha256: string): string => `assets/${sha256}`;

export interface ImageInfo {
  type: AssetType;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number): number => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const ascii = (b: Uint8Array, at: number, length: number): string => String.fromCharCode(...b.subarray(at, at + length));

function pngInfo(b: Uint8Array): ImageInfo | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v) || ascii(b, 12, 4) !== 'IHDR') return null;
  return { type: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function gifInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 10 || !/^GIF8[79]a$/.test(ascii(b, 0, 6))) return null;
  return { type: 'image/gif', width: u16le(b, 6), height: u16le(b, 8) };
}

/** JPEG: the size is in the first start-of-frame segment (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = u16be(b, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'image/jpeg', height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webpInfo(b: Uint8Array): ImageInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') return { type: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const [b0, b1, b2, b3] = [b[21]!, b[22]!, b[23]!, b[24]!];
    return { type: 'image/webp', width: 1 + (b0 | ((b1 & 0x3f) << 8)), height: 1 + ((b1 >> 6) | (b2 << 2) | ((b3 & 0x0f) << 10)) };
  }
  if (chunk === 'VP8X') return { type: 'image/webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) };
  return null;
}

/**
 * What a picture really is, by its bytes (never its name): PNG, JPEG, WebP or GIF and its
 * pixel size from the header; null for anything else.
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  return pngInfo(bytes) ?? jpegInfo(bytes) ?? webpInfo(bytes) ?? gifInfo(bytes);
}

/** Why a picture cannot be used, in words an author can act on; null when it is fine. */
export function pictureProblem(bytes: Uint8Array, info: ImageInfo | null): string | null {
  if (!info) return 'is not a PNG, JPEG, WebP or GIF picture (judged by its bytes, not its name)';
  if (bytes.length > MAX_ASSET_BYTES) {
    return `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; pictures may be at most ${MAX_ASSET_BYTES / 1024 / 1024} MB — save it smaller`;
  }
  if (info.width < 1 || info.height < 1 || info.width > MAX_ASSET_SIDE || info.height > MAX_ASSET_SIDE) {
    return `is ${info.width}×${info.height} pixels; each side must be 1–${MAX_ASSET_SIDE} pixels`;
  }
  return null;
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The one form in which article HTML refers to a picture. */
export function assetImgHtml(picture: { sha256: string; alt: string; width: number; height: number }): string {
  return `<img src="${ASSET_SCHEME}${picture.sha256}" alt="${escapeAttribute(picture.alt)}" width="${picture.width}" height="${picture.height}" loading="lazy">`;
}

const decodeAttribute = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#0*39;/g, "'").replace(/&amp;/g, '&');

/** The pictures an article's HTML refers to, in order of first appearance, with their alt text. */
export function assetRefsIn(html: string): Array<{ sha256: string; alt: string }> {
  const refs = new Map<string, string>();
  for (const [tag] of html.matchAll(/<img\s[^>]*>/g)) {
    const src = /\ssrc="doum-asset:([0-9a-f]{64})"/.exec(tag);
    if (!src || refs.has(src[1]!)) continue;
    refs.set(src[1]!, decodeAttribute(/\salt="([^"]*)"/.exec(tag)?.[1] ?? ''));
  }
  return [...refs].map(([sha256, alt]) => ({ sha256, alt }));
}
