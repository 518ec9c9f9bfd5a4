/**
 * Articles → InvertedIndex, in two steps so the work can be shared between threads:
 *
 *   indexPart   one run of consecutive articles → its terms, sorted, and per term its
 *               postings (document, per-field frequencies). One pass collects (term,
 *               document, frequencies) in flat typed arrays; the terms are sorted and the
 *               postings bucketed by term.
 *   joinParts   the parts, in document order → the index, itself in three steps: planJoin
 *               (term lists merged, BM25F weights), encodeTerms (each posting's impact
 *               computed and packed, for any run of terms) and assembleIndex (the runs side
 *               by side).
 *
 * buildInvertedIndex does both in the calling thread; index-builder gives each of a few
 * worker threads a part, joins them in one of them and has each encode a run of terms.
 * Either way the bytes are the same.
 */
import { FIELDS, latinWordOf, particleDangles, termsOfToken, type Field } from './analyzer';
import { isBareParticle } from './korean';
import { fieldTexts, type FieldTexts } from './field-texts';
import { encodeImpact, lowerBound, type InvertedIndex } from './inverted-index';
import { normalizeText } from './normalize';
import { hasCase, isAttached, lowerAsciiCode, scanTokens, tokenAt, tokenKind, wordHash, type Token, type TokenKind } from './tokenizer';
import type { IndexedArticle } from './types';

/**
 * BM25F parameters. Field weights: title > tags > body. Titles are short and written to be
 * found, so their length matters less (lower b).
 */
export const RANKING = {
  k1: 1.2,
  weight: { title: 5, tags: 2.5, body: 1 } as Record<Field, number>,
  b: { title: 0.5, tags: 0.5, body: 0.75 } as Record<Field, number>,
};

/** A growable Uint32Array. */
class U32 {
  data = new Uint32Array(1 << 20);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) this.grow(1);
    this.data[this.length++] = value;
  }
  /** Makes room for `count` more values. */
  reserve(count: number): void {
    if (this.length + count > this.data.length) this.grow(count);
  }
  private grow(count: number): void {
    this.data = grown(this.data, this.length + count);
  }
}

const FIELD_SHIFT: Record<Field, number> = { title: 0, tags: 8, body: 16 };
/** Where a field's length sits among a document's three in IndexPart.lengths. */
const FIELD_SLOT: Record<Field, number> = { title: 0, tags: 1, body: 2 };

const KIND_CODES: Record<TokenKind, number> = { hangul: 0, jamo: 1, latin: 2, number: 3, other: 4 };
/** The kind code of a token by its character classes (a bit set below 64), read without a keyed lookup in the inner loop. */
const KIND_CODE_OF_CLASSES = Uint8Array.from({ length: 64 }, (_, classes) => KIND_CODES[tokenKind(classes)]);

/** A growable Int32Array. */
class I32 {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  /** Makes room for `count` more values. */
  reserve(count: number): void {
    if (this.length + count <= this.data.length) return;
    const bigger = new Int32Array(Math.max(this.length + count, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }
}

/**
 * The distinct words of one field and their term numbers, looked up straight from the text:
 * a word met before (nearly every word of an article) costs a hash of its characters and a
 * comparison, no string. Keys are the token's kind and its text as tokenize gives it
 * (lower-cased where the script has case). The table is open addressing over records in one
 * typed array: a slot is the word's whole record, its first four characters included, so
 * finding a known word of up to four characters (most Korean words) reads one record and
 * nothing else. A table of 100,000 words spread over the heap, or over parallel arrays, made
 * each lookup several cache misses, and the lookups are the builder's inner loop. An entry is
 * its record's position, which changes when the table grows (only in `add`, which returns the
 * new one).
 */
class WordTable {
  private records = new Int32Array(RECORD << 12);
  private count = 0;
  /** Characters of words longer than INLINE_CHARS, past the first INLINE_CHARS, side by side. */
  private chars = new Uint16Array(1 << 15);
  private charsUsed = 0;
  /** Term numbers of all entries, side by side. */
  readonly terms = new I32(1 << 14);

  /** The entry of a word, or -1. `source[from, to)` is the word, lower-cased already unless `lowerAscii`. */
  find(hash: number, code: number, source: string, from: number, to: number, lowerAscii: boolean): number {
    const records = this.records;
    const mask = records.length / RECORD - 1;
    const meta = metaOf(code, to - from);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * RECORD;
      const found = records[at + META]!;
      if (found === 0) return -1;
      if (found === meta && records[at + HASH] === hash && this.sameChars(at, source, from, to, lowerAscii)) return at;
    }
  }

  /** Whether the record's characters are `source[from, to)` (its ASCII letters lower-cased when `lowerAscii`); the lengths are equal. */
  private sameChars(at: number, source: string, from: number, to: number, lowerAscii: boolean): boolean {
    const records = this.records;
    const inline = Math.min(to - from, INLINE_CHARS);
    for (let i = 0; i < inline; i++) {
      const code = source.charCodeAt(from + i);
      const stored = (records[at + CHARS + (i >> 1)]! >>> ((i & 1) * 16)) & 0xffff;
      if (stored !== (lowerAscii ? lowerAsciiCode(code) : code)) return false;
    }
    const pool = this.chars;
    const rest = records[at + REST]!;
    for (let i = INLINE_CHARS; i < to - from; i++) {
      const code = source.charCodeAt(from + i);
      if (pool[rest + i - INLINE_CHARS] !== (lowerAscii ? lowerAsciiCode(code) : code)) return false;
    }
    return true;
  }

  /** Adds a word (not in the table); returns its entry. */
  add(hash: number, code: number, text: string, bare: boolean): number {
    if ((this.count + 1) * 2 > this.records.length / RECORD) this.grow();
    this.count++;
    const records = this.records;
    const mask = records.length / RECORD - 1;
    let slot = hash & mask;
    while (records[slot * RECORD + META] !== 0) slot = (slot + 1) & mask;
    const at = slot * RECORD;
    records[at + HASH] = hash;
    records[at + META] = metaOf(code, text.length);
    records[at + TERM_START] = -1;
    records[at + BARE] = bare ? 1 : 0;
    for (let i = 0; i < Math.min(text.length, INLINE_CHARS); i++) records[at + CHARS + (i >> 1)]! |= text.charCodeAt(i) << ((i & 1) * 16);
    if (text.length > INLINE_CHARS) {
      const rest = text.length - INLINE_CHARS;
      if (this.charsUsed + rest > this.chars.length) {
        const bigger = new Uint16Array(Math.max(this.charsUsed + rest, this.chars.length * 2));
        bigger.set(this.chars);
        this.chars = bigger;
      }
      for (let i = 0; i < rest; i++) this.chars[this.charsUsed + i] = text.charCodeAt(INLINE_CHARS + i);
      records[at + REST] = this.charsUsed;
      this.charsUsed += rest;
    }
    return at;
  }

  isBare(entry: number): boolean {
    return this.records[entry + BARE] === 1;
  }

  /** Where the entry's term numbers start in `terms.data`, or -1 when they are not known yet. */
  termStart(entry: number): number {
    return this.records[entry + TERM_START]!;
  }

  termCount(entry: number): number {
    return this.records[entry + TERM_COUNT]!;
  }

  /** Records the entry's term numbers; returns where they start in `terms.data`. */
  setTerms(entry: number, ids: readonly number[]): number {
    const at = this.terms.length;
    this.terms.reserve(ids.length);
    for (let i = 0; i < ids.length; i++) this.terms.data[at + i] = ids[i]!;
    this.terms.length += ids.length;
    this.records[entry + TERM_START] = at;
    this.records[entry + TERM_COUNT] = ids.length;
    return at;
  }

  private grow(): void {
    const old = this.records;
    const records = (this.records = new Int32Array(old.length * 2));
    const mask = records.length / RECORD - 1;
    for (let from = 0; from < old.length; from += RECORD) {
      if (old[from + META] === 0) continue;
      let slot = old[from + HASH]! & mask;
      while (records[slot * RECORD + META] !== 0) slot = (slot + 1) & mask;
      // By hand: a subarray per record was a third of the table's garbage.
      for (let k = 0; k < RECORD; k++) records[slot * RECORD + k] = old[from + k]!;
    }
  }
}

/** A WordTable record's fields: eight numbers, so a record is half a cache line. */
const [HASH, META, TERM_START, TERM_COUNT, BARE, CHARS, REST] = [0, 1, 2, 3, 4, 5, 7];
const RECORD = 8;
/** Characters kept in the record itself (two to a number, in CHARS and CHARS + 1). */
const INLINE_CHARS = 4;
/** A record's kind code and length in one number, never 0 (0 marks an empty slot). */
const metaOf = (code: number, length: number): number => (code + 1) | (length << 8);

/**
 * Terms and their numbers, in the order they were first met, found by a hash of their
 * characters in a typed-array table. A Map<string, number> took twice as long for the same
 * lookups (measured in one process on the same 10,000 articles).
 */
class TermTable {
  readonly list: string[] = [];
  /** Pairs of (hash, number + 1); number + 1 = 0 marks an empty slot. */
  private slots = new Int32Array(1 << 14);

  idOf(term: string): number {
    const hash = wordHash(term, 0, term.length);
    const mask = this.slots.length / 2 - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot * 2 + 1]! - 1;
      if (id < 0) return this.add(term, hash, slot);
      if (this.slots[slot * 2] === hash && this.list[id] === term) return id;
    }
  }

  private add(term: string, hash: number, slot: number): number {
    const id = this.list.length;
    this.list.push(term);
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = id + 1;
    if (this.list.length * 4 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length / 2 - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      this.slots[slot * 2] = old[at]!;
      this.slots[slot * 2 + 1] = old[at + 1]!;
    }
  }
}

/** Whether `source[from, to)` holds only ASCII (so lower-casing it is ASCII's). */
function isAscii(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The numbers of `list` in the order of its strings, by UTF-16 code units (plain `<`, as the
 * index's lookups compare). A radix sort on each string's first three code units settles most
 * of the order without comparing strings; strings that share those three are then sorted
 * among themselves (a few at a time: 58,000 of 146,000 terms, in runs of three on average).
 * Sorting the strings, then finding each one's number in a map, took three times as long.
 */
function sortedOrder(list: readonly string[]): Uint32Array {
  const n = list.length;
  // Code unit + 1 of each string's first HEAD units (0 past the end, so a prefix comes first).
  const units = new Uint32Array(n * HEAD);
  for (let i = 0; i < n; i++) {
    const term = list[i]!;
    for (let k = 0; k < HEAD; k++) units[k * n + i] = k < term.length ? term.charCodeAt(k) + 1 : 0;
  }
  let order = identity(n);
  let into = new Uint32Array(n);
  const counts = new Uint32Array(0x10002);
  for (let k = HEAD - 1; k >= 0; k--) {
    counts.fill(0);
    const at = k * n;
    for (let i = 0; i < n; i++) counts[units[at + i]! + 1]!++;
    for (let unit = 1; unit < counts.length; unit++) counts[unit] = counts[unit]! + counts[unit - 1]!;
    for (let i = 0; i < n; i++) {
      const id = order[i]!;
      into[counts[units[at + id]!]!++] = id;
    }
    [order, into] = [into, order];
  }
  const sameHead = (a: number, b: number): boolean => units[a] === units[b] && units[n + a] === units[n + b] && units[2 * n + a] === units[2 * n + b];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sameHead(order[start]!, order[end]!)) end++;
    sortByText(order, start, end, list);
    start = end;
  }
  return order;
}

/** A copy of `array` with room for at least `length` numbers (doubling, so growth stays linear). */
function grown(array: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Memory that worker threads can share, where the runtime has it: a part's postings, so that
 * every worker can read every part's postings when they share encoding them (see encodeTerms).
 */
function sharedMemory(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** 0, 1, … n - 1. (Not Uint32Array.from, which walks an iterator and allocates per number.) */
function identity(n: number): Uint32Array<ArrayBuffer> {
  const numbers = new Uint32Array(n);
  for (let i = 0; i < n; i++) numbers[i] = i;
  return numbers;
}

/** Code units of each string that sortedOrder sorts by before comparing strings. */
const HEAD = 3;

/** Sorts ids[from, to) by their strings in `list`: by insertion when they are few, as most runs are. */
function sortByText(ids: Uint32Array, from: number, to: number, list: readonly string[]): void {
  if (to - from > 16) {
    ids.set(Array.from(ids.subarray(from, to)).sort((a, b) => (list[a]! < list[b]! ? -1 : 1)), from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const id = ids[i]!;
    const text = list[id]!;
    let j = i - 1;
    for (; j >= from && list[ids[j]!]! > text; j--) ids[j + 1] = ids[j]!;
    ids[j + 1] = id;
  }
}

/** One part of an index: a run of consecutive documents, with the terms they hold (see indexPart). */
export interface IndexPart {
  /** The number of the part's first document; the others follow it. */
  firstDoc: number;
  /** Words per field of each document, three numbers per document: title, tags, body. */
  lengths: Uint32Array;
  /** The terms of the part's documents, sorted by UTF-16 code units. */
  terms: string[];
  /** Where each term's postings start in `postings`, in postings; one more entry than terms. */
  offsets: Uint32Array;
  /** Per posting, by term and then by document, two numbers: the document's number and its frequency in each field (a byte each: title, tags, body). */
  postings: Uint32Array;
  /** Latin words as written, sorted, and the number in `terms` of each one's stem. */
  latinWords: string[];
  latinStems: Uint32Array;
}

export function buildInvertedIndex(articles: readonly IndexedArticle[]): InvertedIndex {
  return joinParts(
    articles.map((a) => a.id),
    [indexPart(articles.map(fieldTexts), 0)],
  );
}

/** The part of an index that the texts of these consecutive articles make, the first being document `firstDoc`. */
export function indexPart(articles: readonly FieldTexts[], firstDoc: number): IndexPart {
  const termTable = new TermTable();
  const termList = termTable.list;
  const idOf = (term: string): number => termTable.idOf(term);
  // Per posting, in document order: its term and its frequencies per field, one byte each
  // (capped at 255: BM25 saturates long before). Where each document's postings end.
  const postingTerm = new U32();
  const postingFreq = new U32();
  const docEnds = new Uint32Array(articles.length);
  const lengths = new Uint32Array(articles.length * 3);
  const latinWords = new Map<string, number>();
  // Term numbers of each distinct word, per field: words repeat across thousands of articles.
  const wordTerms: Record<Field, WordTable> = { title: new WordTable(), tags: new WordTable(), body: new WordTable() };
  // This document's frequencies by term number. The terms it touches are its postings: the
  // tail of postingTerm from docStart (a plain array emptied per document reallocated its
  // storage for every document: over a third of the build's allocations, by a heap profile).
  let frequencies = new Uint32Array(1 << 16);
  // Documents per term number so far: the size of each term's run of postings.
  let docCounts = new Uint32Array(1 << 16);
  let docStart = 0;
  // The field being read: its text, table, bit position, length so far, and the token before.
  let text = '';
  let field: Field = 'title';
  let table = wordTerms.title;
  let shift = 0;
  let length = 0;
  let previousEnd = -1;
  let previousKind: TokenKind | null = null;

  /** One token of the field: its term numbers counted (from the table, or worked out once). */
  const count = (start: number, end: number, classes: number, scannedHash: number): void => {
    const kind = tokenKind(classes);
    // Lower-cased in place for ASCII (as scanTokens hashed it); a cased word with other
    // letters is lower-cased as a string, and hashed again.
    const lowerInPlace = hasCase(classes) && isAscii(text, start, end);
    const source = hasCase(classes) && !lowerInPlace ? text.slice(start, end).toLowerCase() : text;
    const from = source === text ? start : 0;
    const to = source === text ? end : source.length;
    const hash = source === text ? scannedHash : wordHash(source, from, to);
    const code = KIND_CODE_OF_CLASSES[classes]!;
    let entry = table.find(hash, code, source, from, to, lowerInPlace);
    let token: Token | null = null;
    if (entry < 0) {
      token = tokenAt(text, start, end, classes);
      entry = table.add(hash, code, token.text, kind === 'hangul' && isBareParticle(token.text));
    }
    const beforeKind = previousKind;
    const beforeEnd = previousEnd;
    previousEnd = end;
    previousKind = kind;
    // A particle that only carries the word before it (isDanglingParticle) is no word of its own.
    if (table.isBare(entry) && beforeKind !== null && particleDangles(isAttached(text, start), start, beforeKind, beforeEnd)) return;
    length++;
    let at = table.termStart(entry);
    if (at < 0) {
      token ??= tokenAt(text, start, end, classes);
      at = table.setTerms(entry, termsOfToken(token, field).map(idOf));
      const latin = latinWordOf(token);
      if (latin) latinWords.set(latin[0], idOf(latin[1]));
    }
    const ids = table.terms.data;
    const last = at + table.termCount(entry);
    if (termList.length > frequencies.length) {
      frequencies = grown(frequencies, termList.length);
      docCounts = grown(docCounts, termList.length);
    }
    for (let k = at; k < last; k++) {
      const id = ids[k]!;
      const freq = frequencies[id]!;
      if (freq === 0) postingTerm.push(id);
      if (((freq >>> shift) & 0xff) < 0xff) frequencies[id] = freq + (1 << shift);
    }
  };

  for (let doc = 0; doc < articles.length; doc++) {
    const fields = articles[doc]!;
    for (const f of FIELDS) {
      field = f;
      table = wordTerms[f];
      shift = FIELD_SHIFT[f];
      text = normalizeText(fields[f]);
      length = 0;
      previousKind = null;
      previousEnd = -1;
      scanTokens(text, count);
      lengths[doc * 3 + FIELD_SLOT[f]] = length;
    }
    postingFreq.reserve(postingTerm.length - docStart);
    for (let i = docStart; i < postingTerm.length; i++) {
      const id = postingTerm.data[i]!;
      postingFreq.data[i] = frequencies[id]!;
      frequencies[id] = 0;
      docCounts[id]!++;
    }
    postingFreq.length = docStart = docEnds[doc] = postingTerm.length;
  }

  const postingCount = postingTerm.length;
  const termOf = postingTerm.data;
  const freqOf = postingFreq.data;

  // Sort the terms; bucket the postings by sorted term (documents stay in order).
  const order = sortedOrder(termList);
  const terms = new Array<string>(order.length);
  for (let i = 0; i < order.length; i++) terms[i] = termList[order[i]!]!;
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + docCounts[order[t]!]!;
  // Where the next posting of each term goes, by term number (not sorted place: one lookup
  // fewer per posting).
  const fill = new Uint32Array(termList.length);
  for (let t = 0; t < terms.length; t++) fill[order[t]!] = offsets[t]!;
  // Document and frequencies side by side: one cache line written per posting, not two.
  const postings = new Uint32Array(sharedMemory(postingCount * 2 * Uint32Array.BYTES_PER_ELEMENT));
  for (let doc = 0, i = 0; doc < articles.length; doc++) {
    for (const end = docEnds[doc]!; i < end; i++) {
      const slot = fill[termOf[i]!]!++ * 2;
      postings[slot] = firstDoc + doc;
      postings[slot + 1] = freqOf[i]!;
    }
  }

  const latinSorted = [...latinWords.keys()].sort();
  const rank = new Uint32Array(termList.length);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  const latinStems = Uint32Array.from(latinSorted, (word) => rank[latinWords.get(word)!]!);
  return { firstDoc, lengths, terms, offsets, postings, latinWords: latinSorted, latinStems };
}

/** The index made of these parts, which hold documents 0, 1, 2… in order. */
export function joinParts(docIds: readonly string[], parts: readonly IndexPart[]): InvertedIndex {
  const plan = planJoin(docIds.length, parts);
  return assembleIndex(docIds, parts, plan, [encodeTerms(parts, plan, 0, plan.terms.length)]);
}

/**
 * What joining parts works out before their postings are encoded: the parts' terms merged,
 * where each part's terms are among them, and BM25F's weights (with per-field length
 * normalisation).
 */
export interface JoinPlan {
  terms: readonly string[];
  /** Per part, the number in `terms` of each of its terms (increasing). */
  globalOf: Uint32Array[];
  /** Per term, the documents that have it: its number of postings. */
  docFreq: Uint32Array;
  idf: Float64Array;
  /** Per document, the three fields' weights over their normalised lengths, side by side. */
  norms: Float64Array;
}

/** The plan for joining parts that hold `n` documents. */
export function planJoin(n: number, parts: readonly IndexPart[]): JoinPlan {
  const { list: terms, at: globalOf } = mergeSorted(parts.map((part) => part.terms));
  const docFreq = new Uint32Array(terms.length);
  for (let p = 0; p < parts.length; p++) {
    const { terms: local, offsets } = parts[p]!;
    const global = globalOf[p]!;
    for (let t = 0; t < local.length; t++) docFreq[global[t]!]! += offsets[t + 1]! - offsets[t]!;
  }
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = Math.log(1 + (n - docFreq[t]! + 0.5) / (docFreq[t]! + 0.5));
  // Every document's field lengths, three numbers each as in the parts. Plain loops over typed
  // arrays: this runs once per worker, before the compiler has seen it (closures and keyed
  // fields per document made it 60 ms slower there).
  const lengths = new Uint32Array(n * 3);
  for (const part of parts) lengths.set(part.lengths, part.firstDoc * 3);
  const norms = new Float64Array(n * 3);
  for (const field of FIELDS) {
    const slot = FIELD_SLOT[field];
    let total = 0;
    for (let d = 0; d < n; d++) total += lengths[d * 3 + slot]!;
    const average = n === 0 ? 1 : Math.max(1, total / n);
    const b = RANKING.b[field];
    const weight = RANKING.weight[field];
    for (let d = 0; d < n; d++) norms[d * 3 + slot] = weight / (1 - b + (b * lengths[d * 3 + slot]!) / average);
  }
  return { terms, globalOf, docFreq, idf, norms };
}

/** What encoding postings reads of a part. */
export type PartPostings = Pick<IndexPart, 'offsets' | 'postings'>;
/** What encoding postings reads of a join plan. */
export type EncodingWeights = Pick<JoinPlan, 'globalOf' | 'idf' | 'norms'>;

/** The postings of a run of terms, encoded, and where each term's start (one more entry than terms, from 0). */
export interface EncodedTerms {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/**
 * The postings of terms [from, to): per term, each document as a variable-length gap from the
 * one before, then its impact byte. A term's documents come part after part, each part's in
 * order. Each term is encoded on its own, so runs of terms can be encoded apart (in several
 * workers) and put side by side.
 */
export function encodeTerms(parts: readonly PartPostings[], { globalOf, idf, norms }: EncodingWeights, from: number, to: number): EncodedTerms {
  // Each part's first term at or after `from` (its terms' numbers increase).
  const next = globalOf.map((global) => lowerBound(global, from));
  let postingCount = 0;
  for (let p = 0; p < parts.length; p++) {
    const { offsets } = parts[p]!;
    postingCount += offsets[lowerBound(globalOf[p]!, to)]! - offsets[next[p]!]!;
  }
  const bytes = new Uint8Array(postingCount * 6 + 16);
  const offsets = new Uint32Array(to - from + 1);
  let at = 0;
  for (let t = from; t < to; t++) {
    offsets[t - from] = at;
    let previous = 0;
    for (let p = 0; p < parts.length; p++) {
      const local = next[p]!;
      const global = globalOf[p]!;
      if (local >= global.length || global[local] !== t) continue;
      next[p] = local + 1;
      const part = parts[p]!;
      at = encodePostings(bytes, at, part.postings, part.offsets[local]!, part.offsets[local + 1]!, previous, idf[t]!, norms);
      previous = part.postings[part.offsets[local + 1]! * 2 - 2]!;
    }
  }
  offsets[to - from] = at;
  return { bytes: bytes.slice(0, at), offsets };
}

/** A run of consecutive items: [from, to). */
export type Run = [from: number, to: number];

/**
 * `count` consecutive runs of items 0… weights.length - 1 with about the same sum of weights
 * each: work cut for threads — articles by their text, a join plan's terms by their postings
 * (docFreq) — the last runs empty when there are too few items.
 */
export function evenRuns(weights: ArrayLike<number>, count: number): Run[] {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  const runs: Run[] = [];
  let from = 0;
  let sum = 0;
  for (let i = 0; i < weights.length && runs.length < count - 1; i++) {
    sum += weights[i]!;
    if (sum >= (total * (runs.length + 1)) / count) {
      runs.push([from, i + 1]);
      from = i + 1;
    }
  }
  while (runs.length < count) {
    runs.push([from, weights.length]);
    from = weights.length;
  }
  return runs;
}

/** The index of the parts, from its plan and its terms' postings encoded in consecutive runs that cover every term. */
export function assembleIndex(docIds: readonly string[], parts: readonly IndexPart[], plan: JoinPlan, runs: readonly EncodedTerms[]): InvertedIndex {
  const { terms, globalOf, docFreq } = plan;
  const postings = runs.length === 1 ? runs[0]!.bytes : new Uint8Array(runs.reduce((sum, run) => sum + run.bytes.length, 0));
  const postingOffsets = new Uint32Array(terms.length + 1);
  let term = 0;
  let at = 0;
  for (const run of runs) {
    if (runs.length > 1) postings.set(run.bytes, at);
    for (let k = 0; k < run.offsets.length - 1; k++) postingOffsets[term++] = at + run.offsets[k]!;
    at += run.bytes.length;
  }
  if (term !== terms.length) throw new Error(`the encoded postings cover ${term} of ${terms.length} terms`);
  postingOffsets[terms.length] = at;

  // A Latin word's stem is the same term in every part that has the word.
  const latin = mergeSorted(parts.map((part) => part.latinWords));
  const latinStems = new Uint32Array(latin.list.length);
  parts.forEach((part, p) => part.latinStems.forEach((stem, i) => (latinStems[latin.at[p]![i]!] = globalOf[p]![stem]!)));

  return { docIds: [...docIds], terms, postingOffsets, docFreq, postings, latinWords: latin.list, latinStems };
}

/**
 * Writes postings [from, to) of a part (pairs of document and field frequencies) into `out`
 * at `at`: the gap from the document before (`previous`) as a varint, then the impact byte.
 * Returns where it stopped.
 */
function encodePostings(out: Uint8Array, at: number, pairs: Uint32Array, from: number, to: number, previous: number, idf: number, norms: Float64Array): number {
  const { k1 } = RANKING;
  for (let i = from; i < to; i++) {
    const doc = pairs[i * 2]!;
    const freq = pairs[i * 2 + 1]!;
    const tf = (freq & 0xff) * norms[doc * 3]! + ((freq >>> 8) & 0xff) * norms[doc * 3 + 1]! + ((freq >>> 16) & 0xff) * norms[doc * 3 + 2]!;
    let gap = doc - previous;
    previous = doc;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
    out[at++] = encodeImpact((idf * tf * (k1 + 1)) / (tf + k1));
  }
  return at;
}

/** The sorted union of sorted lists (by code units), and where each list's entries are in it. */
function mergeSorted(lists: ReadonlyArray<readonly string[]>): { list: readonly string[]; at: Uint32Array[] } {
  let list = lists[0]!;
  const at: Uint32Array[] = [identity(list.length)];
  for (const next of lists.slice(1)) {
    const merged = mergeTwo(list, next);
    for (const positions of at) positions.forEach((position, i) => (positions[i] = merged.inA[position]!));
    at.push(merged.inB);
    list = merged.list;
  }
  return { list, at };
}

/** The sorted union of two sorted lists, and where each one's entries are in it. */
function mergeTwo(a: readonly string[], b: readonly string[]): { list: string[]; inA: Uint32Array; inB: Uint32Array } {
  const list: string[] = [];
  const inA = new Uint32Array(a.length);
  const inB = new Uint32Array(b.length);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // Equality first: most terms are in both lists, and an unequal pair usually differs early.
    if (x === y) {
      inA[i++] = inB[j++] = list.length;
      list.push(x);
    } else if (x < y) {
      inA[i++] = list.length;
      list.push(x);
    } else {
      inB[j++] = list.length;
      list.push(y);
    }
  }
  for (; i < a.length; i++) inA[i] = list.push(a[i]!) - 1;
  for (; j < b.length; j++) inB[j] = list.push(b[j]!) - 1;
  return { list, inA, inB };
}
