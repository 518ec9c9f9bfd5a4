/**
 * Real picture files for tests, made in memory: valid PNGs of any size and colour (decodable
 * by a browser), a small fake app-window "screenshot", and the smallest headers of JPEG, GIF
 * and WebP files for the type checks.
 */
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of PNG chunks (also what a test decoding a PNG checks them against). */
export function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid-colour RGB PNG; a different `rgb` gives different bytes (and sha256). */
export function pngBytes(width: number, height: number, rgb: [number, number, number] = [40, 120, 200]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  return pngOfRows(width, height, Buffer.concat(Array.from({ length: height }, () => row)));
}

/**
 * An RGB PNG whose pixels come from `next()` (0–255 each): with a seeded random source it is
 * about as hard to compress as a photo-like screenshot, so its size is realistic.
 */
export function pngOfNoise(width: number, height: number, next: () => number): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let i = 1; i <= width * 3; i++) raw[y * (1 + width * 3) + i] = next() & 0xff;
  }
  return pngOfRows(width, height, raw);
}

/** Rows of filter byte 0 + RGB pixels → a PNG file. */
function pngOfRows(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An RGB PNG of the given size; `paint` gives each pixel's colour. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return pngOfRows(width, height, raw);
}

/** A 320×200 "screenshot": a window with a title bar, a sidebar and one accent button. */
export function windowPicture(accent: Rgb): Buffer {
  const inside = (x: number, y: number, [x0, y0, x1, y1]: readonly [number, number, number, number]): boolean => x >= x0 && x < x1 && y >= y0 && y < y1;
  return encodePng(320, 200, (x, y) => {
    if (inside(x, y, [0, 0, 320, 24])) return [222, 224, 228];
    if (inside(x, y, [0, 24, 80, 200])) return [240, 241, 244];
    if (inside(x, y, [200, 150, 300, 180])) return accent;
    if (inside(x, y, [100, 44, 300, 52]) || inside(x, y, [100, 64, 260, 72]) || inside(x, y, [100, 84, 280, 92])) return [200, 203, 210];
    return [255, 255, 255];
  });
}

/** A PNG header claiming a size (the pixels are not there: enough for the size check). */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const png = pngBytes(1, 1);
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

/** The start of a baseline JPEG: SOI, an APP0 segment, and SOF0 with the size. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

export function gifHeader(width: number, height: number): Buffer {
  const gif = Buffer.alloc(13);
  gif.write('GIF89a', 0, 'ascii');
  gif.writeUInt16LE(width, 6);
  gif.writeUInt16LE(height, 8);
  return gif;
}

/** A lossless WebP (VP8L) header with the size. */
export function webpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8L', 8, 'ascii');
  b.writeUInt32LE(10, 16);
  b[20] = 0x2f;
  const w = width - 1;
  const h = height - 1;
  b.writeUInt32LE((w & 0x3fff) | ((h & 0x3fff) << 14), 21);
  return b;
}
