/**
 * Small PNG pictures drawn in code for tests: a fake app window (title bar, sidebar, a
 * highlighted button) in chosen colours, so each picture is distinct and recognisable.
 */
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of the given size; `paint` gives each pixel's colour. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // no filter
    for (let x = 0; x < width; x++) rows.set(paint(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
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

