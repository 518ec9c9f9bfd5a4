/**
 * The committed icons (drawn from resources/icons/*.svg by tests/support/icons.ts) decode as
 * the formats electron-builder and each OS read — PNG, Windows .ico (BMP entries, PNG at
 * 256 px), macOS .icns — at the sizes each asks for, with the colours a tray needs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../support/pictures';

const ICONS_DIR = resolve(__dirname, '..', '..', 'resources', 'icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const read = (name: string): Buffer => readFileSync(join(ICONS_DIR, name));

interface Image {
  width: number;
  height: number;
  /** Straight RGBA, rows top to bottom. */
  rgba: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA PNG (what resvg writes), checking every chunk's CRC and every row filter. */
function decodePng(bytes: Buffer): Image {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  let at = 8;
  for (let type = ''; type !== 'IEND'; at += 12 + bytes.readUInt32BE(at)) {
    const length = bytes.readUInt32BE(at);
    type = bytes.toString('ascii', at + 4, at + 8);
    expect(bytes.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') header = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
  }
  expect(at).toBe(bytes.length);
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  expect([header![8], header![9], header![12]], 'bit depth, colour type RGBA, no interlace').toEqual([8, 6, 0]);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    expect(filter, 'row filter').toBeLessThanOrEqual(4);
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      rgba[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** Decodes a 32-bit BMP icon entry: header, bottom-up BGRA rows, then the 1-bit mask. */
function decodeIcoBitmap(bytes: Buffer): Image {
  expect(bytes.readUInt32LE(0), 'BITMAPINFOHEADER').toBe(40);
  const width = bytes.readInt32LE(4);
  expect(bytes.readInt32LE(8), 'colour rows and mask rows').toBe(width * 2);
  expect(bytes.readUInt16LE(14), 'bits per pixel').toBe(32);
  expect(bytes.length).toBe(40 + width * width * 4 + Math.ceil(width / 32) * 4 * width);
  const rgba = new Uint8Array(width * width * 4);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const from = 40 + ((width - 1 - y) * width + x) * 4;
      rgba.set([bytes[from + 2]!, bytes[from + 1]!, bytes[from]!, bytes[from + 3]!], (y * width + x) * 4);
    }
  }
  return { width, height: width, rgba };
}

/** Every image of an .ico, with the size its directory entry declares. */
function decodeIco(bytes: Buffer): Array<{ declared: number; image: Image }> {
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)], 'ICO header').toEqual([0, 1]);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const declared = bytes[entry] || 256;
    expect(bytes[entry + 1] || 256).toBe(declared);
    const data = bytes.subarray(bytes.readUInt32LE(entry + 12), bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8));
    // Windows reads BMP entries everywhere; PNG entries only for the 256 px image.
    const image = declared === 256 ? decodePng(data) : decodeIcoBitmap(data);
    return { declared, image };
  });
}

const ICNS_SIZES: Record<string, number> = { icp4: 16, icp5: 32, ic11: 32, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 };

function decodeIcns(bytes: Buffer): Array<{ type: string; image: Image }> {
  expect(bytes.toString('ascii', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const elements: Array<{ type: string; image: Image }> = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) {
    elements.push({ type: bytes.toString('ascii', at, at + 4), image: decodePng(bytes.subarray(at + 8, at + bytes.readUInt32BE(at + 4))) });
  }
  return elements;
}

const pixels = ({ rgba }: Image) => Array.from({ length: rgba.length / 4 }, (_, i) => ({ r: rgba[i * 4]!, g: rgba[i * 4 + 1]!, b: rgba[i * 4 + 2]!, a: rgba[i * 4 + 3]! }));

/** The mean brightness (0–255) of the pixels that are mostly opaque. */
function glyphBrightness(image: Image): number {
  const solid = pixels(image).filter((p) => p.a >= 200);
  expect(solid.length, 'the glyph has solid pixels').toBeGreaterThan(0);
  return solid.reduce((sum, p) => sum + (p.r + p.g + p.b) / 3, 0) / solid.length;
}

function alphaAt(image: Image, x: number, y: number): number {
  return image.rgba[(y * image.width + x) * 4 + 3]!;
}

describe('icons', () => {
  it('has macOS tray template images at 1x and 2x: black, shaped by transparency alone', () => {
    for (const [name, size] of [['trayTemplate.png', 16], ['trayTemplate@2x.png', 32]] as const) {
      const image = decodePng(read(name));
      expect([image.width, image.height], name).toEqual([size, size]);
      const all = pixels(image);
      expect(all.some((p) => p.a === 0), name).toBe(true);
      expect(all.some((p) => p.a === 255), name).toBe(true);
      expect(all.filter((p) => p.a > 0).every((p) => p.r === 0 && p.g === 0 && p.b === 0), `${name} is black`).toBe(true);
    }
  });

  it('has Windows tray icons at the sizes Windows asks for: a light glyph for dark taskbars, a dark one for light taskbars', () => {
    for (const [name, light] of [['tray-windows-dark.ico', true], ['tray-windows-light.ico', false]] as const) {
      const images = decodeIco(read(name));
      expect(images.map(({ declared }) => declared), name).toEqual([16, 20, 24, 32, 40, 48]);
      for (const { declared, image } of images) {
        expect([image.width, image.height]).toEqual([declared, declared]);
        expect(alphaAt(image, 0, 0), `${name} ${declared} px corner`).toBe(0);
        if (light) expect(glyphBrightness(image)).toBeGreaterThan(200);
        else expect(glyphBrightness(image)).toBeLessThan(64);
      }
    }
  });

  it('has Linux tray icons at 1x and 2x', () => {
    for (const [name, size] of [['tray-linux.png', 32], ['tray-linux@2x.png', 64]] as const) {
      const image = decodePng(read(name));
      expect([image.width, image.height], name).toEqual([size, size]);
      expect(alphaAt(image, size / 2, size / 2), `${name} centre`).toBe(255);
    }
  });

  it('has the app icon as .ico with every Windows size up to 256 px, each image decoding at its size', () => {
    const images = decodeIco(read('icon.ico'));
    expect(images.map(({ declared }) => declared)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { declared, image } of images) {
      expect([image.width, image.height]).toEqual([declared, declared]);
      expect(alphaAt(image, declared / 2, declared / 2)).toBe(255);
    }
  });

  it('has the app icon as .icns with 1x and retina PNGs from 16 to 1024 px, on the macOS grid', () => {
    const elements = decodeIcns(read('icon.icns'));
    expect(elements.map(({ type }) => type)).toEqual(Object.keys(ICNS_SIZES));
    for (const { type, image } of elements) expect([image.width, image.height], type).toEqual([ICNS_SIZES[type], ICNS_SIZES[type]]);
    // Apple's grid leaves about a tenth of the canvas transparent around the tile.
    const largest = elements.at(-1)!.image;
    expect(alphaAt(largest, 60, 512)).toBe(0);
    expect(alphaAt(largest, 140, 512)).toBe(255);
  });

  it('has the app icon as a 512 px PNG for Linux and electron-builder', () => {
    const image = decodePng(read('icon.png'));
    expect([image.width, image.height]).toEqual([512, 512]);
    expect(alphaAt(image, 0, 0)).toBe(0); // the tile's rounded corner
    expect(alphaAt(image, 256, 256)).toBe(255);
  });
});
