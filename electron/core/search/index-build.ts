/**
 * Articles → InvertedIndex. One pass collects (term, document, per-field frequency) in flat
 * typed arrays, then the terms are sorted, the postings bucketed by term, and each posting's
 * BM25F impact computed and packed. Runs in a worker thread in the app.
 */
import { FIELDS, isDanglingParticle, latinWordOf, termsOfToken, type Field } from './analyzer';
import { isBareParticle } from './korean';
import { encodeImpact, type InvertedIndex } from './inverted-index';
import { normalizeText } from './normalize';
import { hasCase, scanTokens, tokenAt, tokenKind, type Token, type TokenKind } from './tokenizer';
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
  data = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

const FIELD_SHIFT: Record<Field, number> = { title: 0, tags: 8, body: 16 };

function fieldText(article: IndexedArticle, field: Field): string {
  if (field === 'title') return article.title;
  // Category and service names are searchable, with the weight of tags.
  if (field === 'tags') return [...article.tags, article.category.replace(/\//g, ' '), article.service].join(' \n ');
  return article.bodyText;
}

/**
 * The distinct words of one field and their term numbers, looked up straight from the text:
 * a word met before (nearly every word of an article) costs a hash of its characters and a
 * comparison, no string. Keys are the token's kind and its text as tokenize gives it
 * (lower-cased where the script has case).
 */
class WordTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly hashes: number[] = [];
  private readonly kinds: TokenKind[] = [];
  private readonly texts: string[] = [];
  /** Term numbers of each word; null until it is met as a word of its own (not a dangling particle). */
  readonly ids: Array<Int32Array | null> = [];
  /** Whether the word is a Hangul particle or ending on its own (see isDanglingParticle). */
  readonly bare: boolean[] = [];

  /** The entry of a word, or -1. `source[from, to)` is the word, lower-cased already unless `lowerAscii`. */
  find(hash: number, kind: TokenKind, source: string, from: number, to: number, lowerAscii: boolean): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.kinds[entry] === kind && sameText(this.texts[entry]!, source, from, to, lowerAscii)) return entry;
    }
  }

  /** Adds a word; returns its entry. */
  add(hash: number, kind: TokenKind, text: string, bare: boolean): number {
    const entry = this.texts.length;
    this.hashes.push(hash);
    this.kinds.push(kind);
    this.texts.push(text);
    this.ids.push(null);
    this.bare.push(bare);
    if (entry * 2 >= this.slots.length) this.grow();
    else this.place(entry);
    return entry;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.texts.length; entry++) this.place(entry);
  }
}

const lowerAsciiCode = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 32 : code);

/** Whether `text` is `source[from, to)` (its ASCII letters lower-cased when `lowerAscii`). */
function sameText(text: string, source: string, from: number, to: number, lowerAscii: boolean): boolean {
  if (text.length !== to - from) return false;
  for (let i = 0; i < text.length; i++) {
    const code = source.charCodeAt(from + i);
    if (text.charCodeAt(i) !== (lowerAscii ? lowerAsciiCode(code) : code)) return false;
  }
  return true;
}

/** FNV-1a over `source[from, to)` (ASCII letters lower-cased when `lowerAscii`). */
function hashText(source: string, from: number, to: number, lowerAscii: boolean): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    hash = Math.imul(hash ^ (lowerAscii ? lowerAsciiCode(code) : code), 0x01000193);
  }
  return hash >>> 0;
}

/** Whether `source[from, to)` holds only ASCII (so lower-casing it is ASCII's). */
function isAscii(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function buildInvertedIndex(articles: readonly IndexedArticle[]): InvertedIndex {
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  const postingTerm = new U32();
  const postingDoc = new U32();
  // Frequencies per field, one byte each (capped at 255: BM25 saturates long before).
  const postingFreq = new U32();
  const lengths: Record<Field, Float64Array> = { title: new Float64Array(articles.length), tags: new Float64Array(articles.length), body: new Float64Array(articles.length) };
  const latinWords = new Map<string, string>();
  // Term numbers of each distinct word, per field: words repeat across thousands of articles.
  const wordTerms: Record<Field, WordTable> = { title: new WordTable(), tags: new WordTable(), body: new WordTable() };
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termList.length;
      termIds.set(term, id);
      termList.push(term);
    }
    return id;
  };

  // This document's frequencies by term number, and the terms it touched.
  let frequencies = new Uint32Array(1 << 16);
  const touched: number[] = [];
  // The field being read: its text, table, bit position, length so far, and the token before.
  let text = '';
  let field: Field = 'title';
  let table = wordTerms.title;
  let shift = 0;
  let length = 0;
  let previousEnd = -1;
  let previousKind: TokenKind | null = null;

  /** One token of the field: its term numbers counted (from the table, or worked out once). */
  const count = (start: number, end: number, classes: number): void => {
    const kind = tokenKind(classes);
    // Lower-cased in place for ASCII; a cased word with other letters is lower-cased as a string.
    const lowerInPlace = hasCase(classes) && isAscii(text, start, end);
    const source = hasCase(classes) && !lowerInPlace ? text.slice(start, end).toLowerCase() : text;
    const from = source === text ? start : 0;
    const to = source === text ? end : source.length;
    const hash = hashText(source, from, to, lowerInPlace);
    let entry = table.find(hash, kind, source, from, to, lowerInPlace);
    let token: Token | null = null;
    if (entry < 0) {
      token = tokenAt(text, start, end, classes);
      entry = table.add(hash, kind, token.text, kind === 'hangul' && isBareParticle(token.text));
    }
    const beforeKind = previousKind;
    const beforeEnd = previousEnd;
    previousEnd = end;
    previousKind = kind;
    // A particle that only carries the word before it (isDanglingParticle) is no word of its own.
    if (table.bare[entry] && beforeKind !== null && isDanglingParticle(token ?? tokenAt(text, start, end, classes), { kind: beforeKind, end: beforeEnd })) return;
    length++;
    let ids = table.ids[entry];
    if (!ids) {
      token ??= tokenAt(text, start, end, classes);
      ids = Int32Array.from(termsOfToken(token, field), idOf);
      table.ids[entry] = ids;
      const latin = latinWordOf(token);
      if (latin) latinWords.set(latin[0], latin[1]);
    }
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (id >= frequencies.length) {
        const bigger = new Uint32Array(Math.max(id + 1, frequencies.length * 2));
        bigger.set(frequencies);
        frequencies = bigger;
      }
      const freq = frequencies[id]!;
      if (freq === 0) touched.push(id);
      if (((freq >>> shift) & 0xff) < 0xff) frequencies[id] = freq + (1 << shift);
    }
  };

  for (let doc = 0; doc < articles.length; doc++) {
    const article = articles[doc]!;
    for (const f of FIELDS) {
      field = f;
      table = wordTerms[f];
      shift = FIELD_SHIFT[f];
      text = normalizeText(fieldText(article, f));
      length = 0;
      previousKind = null;
      previousEnd = -1;
      scanTokens(text, count);
      lengths[f][doc] = length;
    }
    for (const id of touched) {
      postingTerm.push(id);
      postingDoc.push(doc);
      postingFreq.push(frequencies[id]!);
      frequencies[id] = 0;
    }
    touched.length = 0;
  }

  // Sort the terms (the default sort compares UTF-16 code units, as the index's lookups do,
  // and runs far faster than a comparator); renumber postings into sorted-term buckets
  // (documents stay in order).
  const terms = [...termList].sort();
  const rank = new Uint32Array(termList.length);
  terms.forEach((term, i) => (rank[termIds.get(term)!] = i));
  const postingCount = postingTerm.length;
  const termOf = postingTerm.data;
  const termDocs = new Uint32Array(terms.length);
  for (let i = 0; i < postingCount; i++) termDocs[rank[termOf[i]!]!]!++;
  const bucketStart = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) bucketStart[t + 1] = bucketStart[t]! + termDocs[t]!;
  const fill = bucketStart.slice(0, terms.length);
  const sortedDoc = new Uint32Array(postingCount);
  const sortedFreq = new Uint32Array(postingCount);
  const docOf = postingDoc.data;
  const freqOf = postingFreq.data;
  for (let i = 0; i < postingCount; i++) {
    const slot = fill[rank[termOf[i]!]!]!++;
    sortedDoc[slot] = docOf[i]!;
    sortedFreq[slot] = freqOf[i]!;
  }

  // Impacts: BM25F with per-field length normalisation.
  const n = articles.length;
  const average = (field: Field): number => (n === 0 ? 1 : Math.max(1, lengths[field].reduce((a, b) => a + b, 0) / n));
  const avg: Record<Field, number> = { title: average('title'), tags: average('tags'), body: average('body') };
  const norm: Record<Field, Float64Array> = { title: new Float64Array(n), tags: new Float64Array(n), body: new Float64Array(n) };
  for (const field of FIELDS) {
    const b = RANKING.b[field];
    for (let d = 0; d < n; d++) norm[field][d] = RANKING.weight[field] / (1 - b + (b * lengths[field][d]!) / avg[field]);
  }
  const postings = new Uint8Array(postingCount * 6 + 16);
  const postingOffsets = new Uint32Array(terms.length + 1);
  let at = 0;
  const { k1 } = RANKING;
  const [titleNorm, tagsNorm, bodyNorm] = [norm.title, norm.tags, norm.body];
  for (let t = 0; t < terms.length; t++) {
    postingOffsets[t] = at;
    const df = termDocs[t]!;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    let previous = 0;
    for (let i = bucketStart[t]!; i < bucketStart[t + 1]!; i++) {
      const doc = sortedDoc[i]!;
      const freq = sortedFreq[i]!;
      const tf = (freq & 0xff) * titleNorm[doc]! + ((freq >>> 8) & 0xff) * tagsNorm[doc]! + ((freq >>> 16) & 0xff) * bodyNorm[doc]!;
      let gap = doc - previous;
      previous = doc;
      while (gap >= 0x80) {
        postings[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      postings[at++] = gap;
      postings[at++] = encodeImpact((idf * tf * (k1 + 1)) / (tf + k1));
    }
  }
  postingOffsets[terms.length] = at;

  const latinSorted = [...latinWords.keys()].sort();
  const latinStems = new Uint32Array(latinSorted.length);
  latinSorted.forEach((word, i) => (latinStems[i] = rank[termIds.get(latinWords.get(word)!)!]!));

  return {
    docIds: articles.map((a) => a.id),
    terms,
    postingOffsets,
    docFreq: termDocs,
    postings: postings.slice(0, at),
    latinWords: latinSorted,
    latinStems,
  };
}
