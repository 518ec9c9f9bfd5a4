/**
 * The persisted form of an InvertedIndex: a small JSON header, then the typed arrays and
 * newline-joined string lists as raw bytes, 4-byte aligned. Loading is a copy and a few
 * `split`s — no per-posting parsing — which is what keeps start-up under half a second at
 * 20,000 articles. A CRC-32 over everything after the header catches a damaged blob, which
 * is then rebuilt rather than served.
 */
import { crc32 } from 'node:zlib';
import type { InvertedIndex } from './inverted-index';

const MAGIC = 'DOUMIDX2';
/** Written as a Uint32 so a reader with the other byte order refuses the file. */
const BYTE_ORDER_MARK = 0x01020304;

type SectionName = 'docIds' | 'terms' | 'postingOffsets' | 'docFreq' | 'postings' | 'latinWords' | 'latinStems';

interface Header {
  format: typeof MAGIC;
  byteOrder: number;
  crc: number;
  sections: Record<SectionName, [offset: number, length: number]>;
}

export class IndexFormatError extends Error {
  constructor(reason: string) {
    super(`the saved search index cannot be used (${reason})`);
    this.name = 'IndexFormatError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

function joinLines(list: readonly string[]): Uint8Array {
  return encoder.encode(list.join('\n'));
}

function splitLines(bytes: Uint8Array): string[] {
  return bytes.length === 0 ? [] : decoder.decode(bytes).split('\n');
}

function bytesOf(array: Uint32Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export function encodeIndex(index: InvertedIndex): Buffer {
  const parts: Array<[SectionName, Uint8Array]> = [
    ['docIds', joinLines(index.docIds)],
    ['terms', joinLines(index.terms)],
    ['postingOffsets', bytesOf(index.postingOffsets)],
    ['docFreq', bytesOf(index.docFreq)],
    ['postings', index.postings],
    ['latinWords', joinLines(index.latinWords)],
    ['latinStems', bytesOf(index.latinStems)],
  ];
  // The checksum runs section by section, padding included, so the sections are copied once:
  // straight into place after the header, whose length depends on the checksum.
  const sections = {} as Header['sections'];
  const padding = new Uint8Array(3);
  let size = 0;
  let crc = 0;
  for (const [name, bytes] of parts) {
    sections[name] = [size, bytes.length];
    const padded = Math.ceil(bytes.length / 4) * 4;
    // Empty sections skipped: Node's crc32 answers 0 for an empty array without a backing store, whatever the running value.
    if (bytes.length > 0) crc = crc32(bytes, crc);
    if (padded > bytes.length) crc = crc32(padding.subarray(0, padded - bytes.length), crc);
    size += padded;
  }
  const header: Header = { format: MAGIC, byteOrder: new Uint32Array([BYTE_ORDER_MARK])[0]!, crc, sections };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const headerLength = Math.ceil((headerBytes.length + 4) / 4) * 4;
  const bodyStart = MAGIC.length + headerLength;
  const out = Buffer.alloc(bodyStart + size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  out.set(headerBytes, MAGIC.length + 4);
  for (const [name, bytes] of parts) out.set(bytes, bodyStart + sections[name][0]);
  return out;
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<Header>;
  return header.format === MAGIC && typeof header.crc === 'number' && typeof header.sections === 'object' && header.sections !== null;
}

export function decodeIndex(data: Uint8Array): InvertedIndex {
  if (data.length < MAGIC.length + 4 || Buffer.from(data.buffer, data.byteOffset, MAGIC.length).toString('latin1') !== MAGIC) {
    throw new IndexFormatError('not a Doum search index of this version');
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  if (MAGIC.length + 4 + headerLength > data.length) throw new IndexFormatError('truncated header');
  let header: unknown;
  try {
    header = JSON.parse(decoder.decode(data.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)));
  } catch {
    throw new IndexFormatError('unreadable header');
  }
  if (!isHeader(header)) throw new IndexFormatError('unexpected header');
  if (header.byteOrder !== new Uint32Array([BYTE_ORDER_MARK])[0]) throw new IndexFormatError('written on a machine with another byte order');
  const bodyStart = MAGIC.length + Math.ceil((headerLength + 4) / 4) * 4;
  // Copy into a fresh, aligned buffer: typed-array views need 4-byte alignment, and the
  // bytes handed in (a SQLite BLOB) may sit anywhere in a shared pool.
  const body = new Uint8Array(data.length - bodyStart);
  body.set(data.subarray(bodyStart));
  if (crc32(body) !== header.crc) throw new IndexFormatError('checksum mismatch');
  const section = (name: SectionName): Uint8Array => {
    const range = header.sections[name];
    if (!Array.isArray(range) || range[0] + range[1] > body.length || range[0] % 4 !== 0) throw new IndexFormatError(`bad section ${name}`);
    return body.subarray(range[0], range[0] + range[1]);
  };
  const words = (name: SectionName): Uint32Array => {
    const bytes = section(name);
    if (bytes.length % 4 !== 0) throw new IndexFormatError(`bad section ${name}`);
    return new Uint32Array(body.buffer, bytes.byteOffset, bytes.length / 4);
  };
  const index: InvertedIndex = {
    docIds: splitLines(section('docIds')),
    terms: splitLines(section('terms')),
    postingOffsets: words('postingOffsets'),
    docFreq: words('docFreq'),
    postings: section('postings'),
    latinWords: splitLines(section('latinWords')),
    latinStems: words('latinStems'),
  };
  if (index.postingOffsets.length !== index.terms.length + 1 || index.docFreq.length !== index.terms.length || index.latinStems.length !== index.latinWords.length) {
    throw new IndexFormatError('inconsistent sections');
  }
  if (index.postingOffsets[index.terms.length] !== index.postings.length) throw new IndexFormatError('postings do not add up');
  return index;
}
