/**
 * The committed icons: well-formed PNG, ICO and ICNS files in the sizes each OS asks for,
 * and exactly what electron/cli/icons.ts draws (so they can be regenerated, not hand-edited).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { appIconFiles, ICONS_DIR, PNG_SIGNATURE, trayIconFiles } from '../../electron/cli/icons';

vi.mock('electron', () => ({}));

const read = (name: string) => readFileSync(join(ICONS_DIR, name));

function png(bytes: Buffer): { width: number; height: number; alpha: number[]; raw: Buffer } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(bytes[24]).toBe(8); // bit depth
  expect(bytes[25]).toBe(6); // RGBA
  const chunks: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const alpha: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) alpha.push(raw[y * (width * 4 + 1) + 1 + x * 4 + 3]!);
  return { width, height, alpha, raw };
}

/** The pixels of every image in a PNG, ICO or ICNS file (compression may differ between zlib versions; pixels may not). */
function pixels(name: string, bytes: Buffer): Buffer[] {
  const decode = (image: Buffer): Buffer => (image.subarray(0, 8).equals(PNG_SIGNATURE) ? Buffer.from(png(image).raw) : image);
  if (name.endsWith('.png')) return [decode(bytes)];
  if (name.endsWith('.ico')) {
    return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
      const size = bytes.readUInt32LE(6 + 16 * i + 8);
      const offset = bytes.readUInt32LE(6 + 16 * i + 12);
      return decode(bytes.subarray(offset, offset + size));
    });
  }
  const images: Buffer[] = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) images.push(decode(bytes.subarray(at + 8, at + bytes.readUInt32BE(at + 4))));
  return images;
}

function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes[6 + 16 * i] || 256);
}

describe('icons', () => {
  it('has macOS tray template images at 1x and 2x: black with transparency', () => {
    for (const [name, size] of [['trayTemplate.png', 16], ['trayTemplate@2x.png', 32]] as const) {
      const image = png(read(name));
      expect([image.width, image.height]).toEqual([size, size]);
      expect(image.alpha.some((a) => a === 0)).toBe(true);
      expect(image.alpha.some((a) => a === 255)).toBe(true);
    }
  });

  it('has Windows tray icons for light and dark taskbars at the sizes Windows asks for', () => {
    for (const name of ['tray-windows-light.ico', 'tray-windows-dark.ico']) expect(icoSizes(read(name))).toEqual([16, 20, 24, 32, 40, 48]);
  });

  it('has the app icon as .ico (up to 256 px), .icns (up to 1024 px) and PNG', () => {
    expect(icoSizes(read('icon.ico'))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const icns = read('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('ascii', at, at + 4));
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic08', 'ic09', 'ic10']));
    expect(png(read('icon.png')).width).toBe(512);
  });

  it('are exactly what the generator draws', () => {
    for (const [name, bytes] of Object.entries({ ...trayIconFiles(), ...appIconFiles() })) {
      const committed = pixels(name, read(name));
      const drawn = pixels(name, bytes);
      expect(committed.length, name).toBe(drawn.length);
      committed.forEach((image, i) => expect(image.equals(drawn[i]!), `${name} image ${i}`).toBe(true));
    }
  });
});
