/**
 * Draws Doum's icons and writes them to resources/icons: the app icon (PNG, Windows .ico,
 * macOS .icns) and the tray icons (macOS template PNGs, Windows .ico for light and dark
 * taskbars, Linux PNG). The mark is a lifebuoy — help — on a blue tile.
 *
 * Run once after changing the drawing, and commit the result:
 *   npx tsx electron/cli/icons.ts
 *
 * Everything is drawn analytically (anti-aliased by supersampling) and encoded by hand with
 * node:zlib, so no image package is needed. Output is deterministic; a unit test checks that
 * the committed files are well formed and match what this file draws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICONS_DIR = resolve(__dirname, '..', '..', 'resources', 'icons');

/** Straight (not premultiplied) RGBA, 8 bits per channel, rows top to bottom. */
export interface Raster {
  size: number;
  rgba: Uint8Array;
}

type Rgba = readonly [r: number, g: number, b: number, a: number];

// -- drawing ------------------------------------------------------------------------------------

const BLUE_TOP: Rgba = [0x4f, 0x8d, 0xf7, 1];
const BLUE_BOTTOM: Rgba = [0x1e, 0x5b, 0xd8, 1];
const WHITE: Rgba = [0xff, 0xff, 0xff, 1];
const CORAL: Rgba = [0xff, 0x6b, 0x4a, 1];

/** Inside a rounded square [m, 1-m]² with corner radius r (unit coordinates). */
function inRoundedSquare(x: number, y: number, margin: number, radius: number): boolean {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  if (x < margin || x > 1 - margin || y < margin || y > 1 - margin) return false;
  return dx * dx + dy * dy <= radius * radius;
}

/** Angle distance (radians) from the nearest diagonal (45°, 135°, …). */
function fromDiagonal(x: number, y: number): number {
  const angle = Math.atan2(y - 0.5, x - 0.5);
  const quarter = Math.PI / 2;
  const t = ((angle % quarter) + quarter) % quarter; // 0..π/2
  return Math.abs(t - quarter / 2);
}

export interface Drawing {
  /** The colour at a point of the unit square, or null for transparent. */
  at(x: number, y: number): Rgba | null;
}

/** The app icon: a lifebuoy on a blue tile. `margin` leaves macOS's icon grid padding. */
export function appIcon(margin: number, radius: number): Drawing {
  const outer = 0.31;
  const inner = 0.165;
  const band = 0.26; // half-width of the coral bands, radians
  return {
    at(x, y) {
      if (!inRoundedSquare(x, y, margin, radius)) return null;
      const d = Math.hypot(x - 0.5, y - 0.5);
      if (d <= outer && d >= inner) return fromDiagonal(x, y) < band ? CORAL : WHITE;
      const t = (y - margin) / (1 - 2 * margin);
      return [BLUE_TOP[0] + (BLUE_BOTTOM[0] - BLUE_TOP[0]) * t, BLUE_TOP[1] + (BLUE_BOTTOM[1] - BLUE_TOP[1]) * t, BLUE_TOP[2] + (BLUE_BOTTOM[2] - BLUE_TOP[2]) * t, 1];
    },
  };
}

/**
 * The tray glyph: a one-colour lifebuoy — a solid ring whose four diagonal bands are drawn
 * translucent, which still reads as a lifebuoy at 16 px (a template image keeps the alpha).
 */
export function trayGlyph(color: Rgba): Drawing {
  const outer = 0.47;
  const inner = 0.21;
  const band = 0.3; // half-width of the bands, radians
  const banded: Rgba = [color[0], color[1], color[2], color[3] * 0.4];
  return {
    at(x, y) {
      const d = Math.hypot(x - 0.5, y - 0.5);
      if (d > outer || d < inner) return null;
      return fromDiagonal(x, y) < band ? banded : color;
    },
  };
}

/** Rasterizes a drawing at `size`×`size` with n×n supersampling. */
export function rasterize(drawing: Drawing, size: number, samples = 5): Raster {
  const rgba = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = drawing.at((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return { size, rgba };
}

// -- encoding -----------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng({ size, rgba }: Raster): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A 32-bit BMP (DIB) icon image: what every Windows reader (NSIS included) accepts. */
function encodeIcoBitmap({ size, rgba }: Raster): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** An .ico with one image per raster: BMP below 256 px, PNG at 256 px. */
export function encodeIco(rasters: Raster[]): Buffer {
  const images = rasters.map((r) => (r.size >= 256 ? encodePng(r) : encodeIcoBitmap(r)));
  const head = Buffer.alloc(6 + 16 * rasters.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(rasters.length, 4);
  let offset = head.length;
  rasters.forEach((r, i) => {
    const at = 6 + 16 * i;
    head[at] = r.size >= 256 ? 0 : r.size;
    head[at + 1] = r.size >= 256 ? 0 : r.size;
    head.writeUInt16LE(1, at + 4); // planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(images[i]!.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([head, ...images]);
}

/** macOS .icns element types for PNG images of each pixel size (retina pairs included). */
const ICNS_TYPES: Array<[type: string, size: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

export function encodeIcns(pngBySize: Map<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`no ${size}px image for the .icns element ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

// -- the icon set -------------------------------------------------------------------------------

/** macOS icons sit on a grid with about 10 % padding; Windows and Linux tiles fill the square. */
const MAC_TILE = appIcon(0.098, 0.18);
const SQUARE_TILE = appIcon(0.03, 0.16);
const TEMPLATE_BLACK: Rgba = [0, 0, 0, 1];
const GLYPH_WHITE: Rgba = [0xff, 0xff, 0xff, 1];
const GLYPH_DARK: Rgba = [0x1f, 0x1f, 0x1f, 1];

/** The tray icons: small, cheap to draw, checked byte for byte by the unit tests. */
export function trayIconFiles(): Record<string, Buffer> {
  const winSizes = [16, 20, 24, 32, 40, 48];
  return {
    // macOS picks the @2x file on retina screens and tints "Template" images itself.
    'trayTemplate.png': encodePng(rasterize(trayGlyph(TEMPLATE_BLACK), 16)),
    'trayTemplate@2x.png': encodePng(rasterize(trayGlyph(TEMPLATE_BLACK), 32)),
    // Windows: a light glyph for a dark taskbar and a dark glyph for a light one.
    'tray-windows-dark.ico': encodeIco(winSizes.map((s) => rasterize(trayGlyph(GLYPH_WHITE), s))),
    'tray-windows-light.ico': encodeIco(winSizes.map((s) => rasterize(trayGlyph(GLYPH_DARK), s))),
    // Linux panels are light or dark: the coloured tile reads on both.
    'tray-linux.png': encodePng(rasterize(SQUARE_TILE, 32)),
    'tray-linux@2x.png': encodePng(rasterize(SQUARE_TILE, 64)),
  };
}

export function appIconFiles(): Record<string, Buffer> {
  const macPngs = new Map<number, Buffer>();
  for (const size of [16, 32, 64, 128, 256, 512, 1024]) macPngs.set(size, encodePng(rasterize(MAC_TILE, size, size >= 512 ? 3 : 5)));
  return {
    'icon.icns': encodeIcns(macPngs),
    'icon.ico': encodeIco([16, 24, 32, 48, 64, 128, 256].map((s) => rasterize(SQUARE_TILE, s))),
    // Linux (AppImage, window icon) and electron-builder's fallback.
    'icon.png': encodePng(rasterize(SQUARE_TILE, 512, 4)),
  };
}

function main(): void {
  mkdirSync(ICONS_DIR, { recursive: true });
  const files = { ...appIconFiles(), ...trayIconFiles() };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(ICONS_DIR, name), bytes);
    process.stdout.write(`${name}  ${bytes.length} bytes\n`);
  }
}

if (require.main === module) main();
