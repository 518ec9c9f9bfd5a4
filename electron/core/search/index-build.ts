/**
 * Articles → InvertedIndex. One pass collects (term, document, per-field frequency) in flat
 * typed arrays, then the terms are sorted, the postings bucketed by term, and each posting's
 * BM25F impact computed and packed. Runs in a worker thread in the app.
 */
import { FIELDS, isDanglingParticle, latinWordOf, termsOfToken, type Field } from './analyzer';
import { encodeImpact, type InvertedIndex } from './inverted-index';
import { normalizeText } from './normalize';
import { tokenize } from './tokenizer';
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
  const wordTerms: Record<Field, Map<string, Int32Array>> = { title: new Map(), tags: new Map(), body: new Map() };
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
  for (let doc = 0; doc < articles.length; doc++) {
    const article = articles[doc]!;
    for (const field of FIELDS) {
      const shift = FIELD_SHIFT[field];
      const cache = wordTerms[field];
      const tokens = tokenize(normalizeText(fieldText(article, field)));
      let length = 0;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (isDanglingParticle(token, tokens[i - 1])) continue;
        length++;
        const key = token.kind === 'hangul' || token.kind === 'latin' ? token.text : `${token.kind}:${token.text}`;
        let ids = cache.get(key);
        if (!ids) {
          ids = Int32Array.from(termsOfToken(token, field), idOf);
          cache.set(key, ids);
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
      }
      lengths[field][doc] = length;
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
