/**
 * Draws every icon file in resources/icons from its SVG master, with resvg (a maintained
 * rasteriser): the app icon (icon.png for Linux and electron-builder, icon.ico for Windows,
 * icon.icns for macOS) from icon.svg, and the tray icons (macOS template PNGs, Windows .ico for
 * light and dark taskbars, Linux PNGs) from tray.svg and icon.svg. A build tool, not part of the
 * app or the CLI. Run it after changing a master, look at the result, and commit both:
 *
 *   npm run -s icons
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const ICONS_DIR = resolve(__dirname, '..', '..', 'resources', 'icons');

interface Raster {
  size: number;
  png: Buffer;
  /** Straight (not premultiplied) RGBA, rows top to bottom. */
  rgba: Uint8Array;
}

function render(svg: string, size: number): Raster {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  if (image.width !== size || image.height !== size) throw new Error(`resvg drew ${image.width}×${image.height} px, not ${size}×${size}`);
  return { size, png: image.asPng(), rgba: unpremultiply(image.pixels) };
}

/** resvg's pixels are premultiplied by alpha; icon bitmaps store straight colour. */
function unpremultiply(pixels: Buffer): Uint8Array {
  const rgba = new Uint8Array(pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3]!;
    if (alpha === 0 || alpha === 255) continue;
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.min(255, Math.round((rgba[i + c]! * 255) / alpha));
  }
  return rgba;
}

/** The tray master in another colour: it draws in currentColor, set on its root element. */
function inColor(svg: string, color: string): string {
  const rootColor = /(<svg\b[^>]*\scolor=")#[0-9a-f]{6}(")/i;
  if (!rootColor.test(svg)) throw new Error('tray.svg needs color="#rrggbb" on its root <svg> element');
  return svg.replace(rootColor, `$1${color}$2`);
}

/**
 * The macOS app icon: the same drawing with its tile on Apple's icon grid (an 824 px tile
 * centred on a 1024 px canvas), leaving the padding macOS expects around every app icon.
 */
function onMacGrid(svg: string): string {
  const body = svg.slice(svg.indexOf('>', svg.indexOf('<svg')) + 1, svg.lastIndexOf('</svg>'));
  const tile = 962.56; // the master's tile: 1024 less 30.72 on each side
  const scale = 824 / tile;
  const offset = 100 - 30.72 * scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024"><g transform="translate(${offset} ${offset}) scale(${scale})">${body}</g></svg>`;
}

/** A 32-bit BMP (DIB) icon image, bottom-up, with an empty AND mask: what every Windows reader (NSIS included) accepts. */
function icoBitmap({ size, rgba }: Raster): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // the colour rows and the mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2]!; // BGRA
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** An .ico with one image per raster: BMP below 256 px, PNG at 256 px. */
function encodeIco(rasters: Raster[]): Buffer {
  const images = rasters.map((raster) => (raster.size >= 256 ? raster.png : icoBitmap(raster)));
  const head = Buffer.alloc(6 + 16 * rasters.length);
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(rasters.length, 4);
  let offset = head.length;
  rasters.forEach(({ size }, i) => {
    const entry = 6 + 16 * i;
    head[entry] = size >= 256 ? 0 : size; // 0 means 256
    head[entry + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, entry + 4); // colour planes
    head.writeUInt16LE(32, entry + 6); // bits per pixel
    head.writeUInt32LE(images[i]!.length, entry + 8);
    head.writeUInt32LE(offset, entry + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([head, ...images]);
}

/** The .icns element types holding a PNG of each pixel size (1x and retina pairs). */
const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]> = [
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

function encodeIcns(pngBySize: Map<number, Buffer>): Buffer {
  const element = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  };
  return element('icns', Buffer.concat(ICNS_TYPES.map(([type, size]) => element(type, pngBySize.get(size)!))));
}

/** Every file of resources/icons, by name. */
function iconFiles(appMaster: string, trayMaster: string): Record<string, Buffer> {
  const mac = onMacGrid(appMaster);
  const macPngs = new Map([16, 32, 64, 128, 256, 512, 1024].map((size) => [size, render(mac, size).png]));
  const trayIco = (color: string): Buffer => encodeIco([16, 20, 24, 32, 40, 48].map((size) => render(inColor(trayMaster, color), size)));
  return {
    'icon.icns': encodeIcns(macPngs),
    'icon.ico': encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => render(appMaster, size))),
    // Linux (AppImage, window icon) and electron-builder's fallback.
    'icon.png': render(appMaster, 512).png,
    // macOS picks the @2x file on retina screens and tints "Template" images itself.
    'trayTemplate.png': render(inColor(trayMaster, '#000000'), 16).png,
    'trayTemplate@2x.png': render(inColor(trayMaster, '#000000'), 32).png,
    // Windows: a light glyph for a dark taskbar and a dark glyph for a light one.
    'tray-windows-dark.ico': trayIco('#ffffff'),
    'tray-windows-light.ico': trayIco('#1f1f1f'),
    // Linux panels are light or dark: the coloured tile reads on both.
    'tray-linux.png': render(appMaster, 32).png,
    'tray-linux@2x.png': render(appMaster, 64).png,
  };
}

function main(): void {
  const files = iconFiles(readFileSync(join(ICONS_DIR, 'icon.svg'), 'utf8'), readFileSync(join(ICONS_DIR, 'tray.svg'), 'utf8'));
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(ICONS_DIR, name), bytes);
    process.stdout.write(`${name}  ${bytes.length} bytes\n`);
  }
}

if (require.main === module) main();
