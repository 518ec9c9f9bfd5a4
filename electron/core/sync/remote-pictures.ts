/**
 * Pictures of a help center that is not a doum feed (Zendesk): every `<img>` of an article's
 * HTML is downloaded (the help center's own attachments, other https pictures, `//host/x`
 * meaning https), checked like a feed picture (type by its bytes, size, pixel size), hashed
 * into an asset, and the tag rewritten to the one form articles use (shared/assets.ts). A
 * picture that cannot be had is reported by its URL and replaced by its alt text, so the
 * article still reads; the next sync tries it again. `data:image/…` pictures become assets too,
 * so the renderer never needs anything but its own pictures.
 */
import { createHash } from 'node:crypto';
import { assetImgHtml, MAX_ASSET_BYTES, pictureProblem, sniffImage } from '../../../shared/assets';
import type { MissingPicture } from '../../../shared/types';
import { errorMessage } from '../errors';
import type { AssetInput } from '../store/content-store';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, httpGet, type RetryPolicy } from './http';

export interface RemotePictureOptions {
  /** The help center's origin: relative picture URLs are resolved against it. */
  origin: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Called with the bytes of every picture downloaded. */
  onBytes?: (bytes: number) => void;
}

interface Picture {
  sha256: string;
  width: number;
  height: number;
}

const IMG_TAG = /<img\b[^>]*>/gi;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

const decodeEntities = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&#0*39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The URL to download a picture from, or why it cannot be downloaded. */
export function pictureUrl(src: string, origin: string): URL | string {
  return downloadableUrl(src, origin, { one: 'picture', many: 'pictures' });
}

/**
 * The URL to download a help center's file from (a picture, an attachment), or why it cannot
 * be downloaded: https anywhere, or the help center's own origin (plain http only there).
 */
export function downloadableUrl(src: string, origin: string, noun: { one: string; many: string }): URL | string {
  const url = resolveAddress(decodeEntities(src.trim()), origin);
  if (!url) return 'is not a URL';
  if (url.protocol === 'https:' || url.origin === new URL(origin).origin) return url;
  return `is a ${url.protocol} ${noun.one}; only https ${noun.many} (or the help center's own) are downloaded`;
}

/**
 * An address as a help center writes it (trimmed already), resolved against its origin, or
 * null when it is no URL. `//host/x` is protocol-relative: Doum reads help centers over https,
 * so https.
 */
export function resolveAddress(address: string, origin: string): URL | null {
  try {
    return new URL(address.startsWith('//') ? `https:${address}` : address, origin);
  } catch {
    return null;
  }
}

export interface PictureResult {
  assets: AssetInput[];
  missing: MissingPicture[];
}

/**
 * Downloads the pictures of these articles (each URL once) and rewrites their HTML. The
 * returned HTML map holds each article's rewritten body.
 */
export class RemotePictures {
  private readonly byUrl = new Map<string, Picture | string>();
  private readonly assets = new Map<string, AssetInput>();
  readonly missing: MissingPicture[] = [];

  constructor(private readonly options: RemotePictureOptions) {}

  /** The article's HTML with every picture an asset, or its alt text where that failed. */
  async rewrite(articleId: string, html: string): Promise<string> {
    const tags = [...html.matchAll(IMG_TAG)].map((m) => m[0]);
    if (tags.length === 0) return html;
    const replacements = new Map<string, string>();
    for (const tag of new Set(tags)) {
      const src = attribute(tag, 'src') ?? '';
      const alt = decodeEntities(attribute(tag, 'alt') ?? '').trim();
      const picture = await this.picture(src);
      if (typeof picture === 'string') {
        this.missing.push({ articleId, url: src.slice(0, 500), reason: picture });
        replacements.set(tag, alt ? `<span>${escapeText(alt)}</span>` : '');
      } else {
        replacements.set(tag, assetImgHtml({ ...picture, alt }));
      }
    }
    return html.replace(IMG_TAG, (tag) => replacements.get(tag) ?? tag);
  }

  result(): PictureResult {
    return { assets: [...this.assets.values()], missing: this.missing };
  }

  private async picture(src: string): Promise<Picture | string> {
    const known = this.byUrl.get(src);
    if (known !== undefined) return known;
    const picture = await this.fetchPicture(src);
    this.byUrl.set(src, picture);
    return picture;
  }

  private async fetchPicture(src: string): Promise<Picture | string> {
    const inline = /^data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/=\s]+)$/i.exec(src.trim());
    let bytes: Buffer;
    if (inline) {
      bytes = Buffer.from(inline[1]!, 'base64');
    } else {
      const url = pictureUrl(src, this.options.origin);
      if (typeof url === 'string') return url;
      try {
        const response = await httpGet(
          url.href,
          { signal: this.options.signal, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: MAX_ASSET_BYTES },
          this.options.retry ?? DEFAULT_RETRY,
        );
        bytes = response.body;
      } catch (error) {
        // A cancelled sync is not a missing picture: it stops the whole sync.
        if (this.options.signal?.aborted) throw error;
        return `could not be downloaded (${errorMessage(error)})`;
      }
      this.options.onBytes?.(bytes.length);
    }
    const info = sniffImage(bytes);
    const problem = pictureProblem(bytes, info);
    if (problem || !info) return problem ?? 'is not a picture';
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!this.assets.has(sha256)) this.assets.set(sha256, { sha256, type: info.type, data: bytes });
    return { sha256, width: info.width, height: info.height };
  }
}
