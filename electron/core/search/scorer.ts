/**
 * Scores a query plan against the inverted index, term at a time: each posting adds its
 * stored impact into a per-document accumulator. A concept scores as its best term group;
 * the document's score is the sum over concepts (BM25's OR). How many concepts a document
 * matched is kept too: short queries require all their words (see requiredConcepts).
 *
 * Measured on the Korean FAQ, scaling scores by the share of the query a document covers
 * (Lucene's old coord factor) lowered MRR@10 from 0.973 to 0.966, so it is not done; the
 * required-words rule and the title rerank do that job for short queries.
 *
 * Cost is one pass over the postings of a bounded number of terms; the scratch arrays are
 * allocated once per index and cleaned through touched-lists, never by a full sweep.
 */
import { IMPACTS as IMPACT_TABLE, type InvertedIndex } from './inverted-index';
import type { QueryPlan, TermGroup } from './query-plan';

// A module-local binding: the hot loop below must not go through a module accessor.
const IMPACTS = IMPACT_TABLE;

export interface Matches {
  /** Matched documents, in no particular order. */
  docs: Int32Array;
  /** Score by document number (valid for `docs` only). */
  score: Float32Array;
  /** How many concepts each document matched (valid for `docs` only). */
  matched: Uint8Array;
  /** How many (non-optional) concepts the plan had. */
  concepts: number;
  /** The most concepts any document matched. */
  bestMatched: number;
}

class TouchedList {
  readonly items: Int32Array;
  readonly seen: Uint8Array;
  length = 0;
  constructor(size: number) {
    this.items = new Int32Array(size);
    this.seen = new Uint8Array(size);
  }
  add(doc: number): void {
    if (this.seen[doc] === 0) {
      this.seen[doc] = 1;
      this.items[this.length++] = doc;
    }
  }
  clear(): void {
    for (let i = 0; i < this.length; i++) this.seen[this.items[i]!] = 0;
    this.length = 0;
  }
}

export class Scorer {
  private readonly total: Float32Array;
  private readonly conceptScore: Float32Array;
  private readonly groupScore: Float32Array;
  private readonly groupCount: Uint8Array;
  private readonly matched: Uint8Array;
  private readonly docs: TouchedList;
  private readonly conceptDocs: TouchedList;
  private readonly groupDocs: TouchedList;

  constructor(private readonly index: InvertedIndex) {
    const n = index.docIds.length;
    this.total = new Float32Array(n);
    this.conceptScore = new Float32Array(n);
    this.groupScore = new Float32Array(n);
    this.groupCount = new Uint8Array(n);
    this.matched = new Uint8Array(n);
    this.docs = new TouchedList(n);
    this.conceptDocs = new TouchedList(n);
    this.groupDocs = new TouchedList(n);
  }

  /** Adds every posting of a term group into groupScore/groupCount. */
  private scoreGroup(group: TermGroup): void {
    const { postings, postingOffsets } = this.index;
    const max = group.combine === 'max';
    for (const term of group.terms) {
      let at = postingOffsets[term.id]!;
      const end = postingOffsets[term.id + 1]!;
      let doc = 0;
      while (at < end) {
        let byte = postings[at++]!;
        let gap = byte & 0x7f;
        let shift = 7;
        while (byte & 0x80) {
          byte = postings[at++]!;
          gap |= (byte & 0x7f) << shift;
          shift += 7;
        }
        doc += gap;
        const value = term.weight * IMPACTS[postings[at++]!]!;
        this.groupDocs.add(doc);
        if (max) {
          if (value > this.groupScore[doc]!) this.groupScore[doc] = value;
        } else {
          this.groupScore[doc]! += value;
        }
        if (this.groupCount[doc]! < 255) this.groupCount[doc]!++;
      }
    }
  }

  /**
   * Scores a plan. The returned arrays are the scorer's own and stay valid until the next
   * call (a query is shaped before the next one starts; nothing is shared across threads).
   */
  run(plan: QueryPlan): Matches {
    const { total, conceptScore, groupScore, groupCount, matched } = this;
    // Clear what the previous query left.
    for (let i = 0; i < this.lastDocs.length; i++) {
      const doc = this.lastDocs[i]!;
      total[doc] = 0;
      matched[doc] = 0;
    }
    let required = 0;
    for (const concept of plan.concepts) {
      if (!concept.optional) required++;
      for (const group of concept.groups) {
        this.scoreGroup(group);
        const list = this.groupDocs;
        for (let i = 0; i < list.length; i++) {
          const doc = list.items[i]!;
          if (groupCount[doc]! >= group.minMatch) {
            const value = groupScore[doc]! * group.scale;
            if (value > conceptScore[doc]!) conceptScore[doc] = value;
            this.conceptDocs.add(doc);
          }
          groupScore[doc] = 0;
          groupCount[doc] = 0;
        }
        list.clear();
      }
      const list = this.conceptDocs;
      for (let i = 0; i < list.length; i++) {
        const doc = list.items[i]!;
        total[doc]! += conceptScore[doc]!;
        if (!concept.optional && matched[doc]! < 255) matched[doc]!++;
        conceptScore[doc] = 0;
        this.docs.add(doc);
      }
      list.clear();
    }
    const docs = this.docs.items.slice(0, this.docs.length);
    this.docs.clear();
    let bestMatched = 0;
    for (let i = 0; i < docs.length; i++) bestMatched = Math.max(bestMatched, matched[docs[i]!]!);
    this.lastDocs = docs;
    return { docs, score: total, matched, concepts: required, bestMatched };
  }

  private lastDocs = new Int32Array(0);
}
