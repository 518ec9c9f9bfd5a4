/**
 * Term lookups over an InvertedIndex: exact terms, prefix ranges (with a syllable still being
 * typed), Latin surface words → stems, document frequencies and IDF.
 */
import type { Completion } from '../../../shared/hangul';
import { findSorted, prefixRange, type InvertedIndex } from './inverted-index';

const MEMO_LIMIT = 20_000;

export class Lexicon {
  readonly docCount: number;

  constructor(readonly index: InvertedIndex) {
    this.docCount = index.docIds.length;
  }

  private readonly memos = new Map<string, Map<string, unknown>>();

  /**
   * A bounded memo of what a query word resolves to over this index (its verb forms, a
   * synonym's terms): the same words recur keystroke after keystroke.
   */
  memo<T>(name: string): { get(word: string): T | undefined; set(word: string, value: T): void } {
    let memo = this.memos.get(name);
    if (!memo) this.memos.set(name, (memo = new Map()));
    const map = memo;
    return {
      get: (word) => map.get(word) as T | undefined,
      set: (word, value) => {
        if (map.size >= MEMO_LIMIT) map.clear();
        map.set(word, value);
      },
    };
  }

  /** The term's number, or -1 when no article has it. */
  id(term: string): number {
    return findSorted(this.index.terms, term);
  }

  has(term: string): boolean {
    return this.id(term) >= 0;
  }

  df(id: number): number {
    return id >= 0 ? this.index.docFreq[id]! : 0;
  }

  /** BM25's IDF, the same formula the impacts were built with. */
  idf(id: number): number {
    const df = this.df(id);
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Terms that start with `namespace + completion`, the `limit` most frequent first (the
   * completions a person most likely means, and a bound on the query's cost).
   */
  completions(namespace: string, completions: readonly Completion[], limit: number): number[] {
    const ids = new Set<number>();
    for (const completion of completions) {
      const [from, to] = prefixRange(this.index.terms, namespace + completion.prefix, completion.next);
      for (let id = from; id < to; id++) ids.add(id);
    }
    return this.mostFrequent(ids, limit);
  }

  /** Stem terms of the Latin words starting with `prefix`, most frequent first. */
  latinCompletions(prefix: string, limit: number): number[] {
    const [from, to] = prefixRange(this.index.latinWords, prefix);
    const ids = new Set<number>();
    for (let i = from; i < to; i++) ids.add(this.index.latinStems[i]!);
    return this.mostFrequent(ids, limit);
  }

  private mostFrequent(ids: Set<number>, limit: number): number[] {
    const list = [...ids];
    if (list.length > limit) list.sort((a, b) => this.df(b) - this.df(a) || a - b).length = limit;
    return list;
  }
}
