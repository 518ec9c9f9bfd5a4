/**
 * The search engine: the inverted index, the articles behind it, and the query path
 * (query builder → scorer → results). Build it off the UI thread after a sync, persist
 * `serialize()` in the content store, and `load()` it at start-up.
 *
 * Module map (one job each, in the spirit of lunr's own modules):
 *   normalize, tokenizer       text → tokens with UTF-16 offsets (NFC, script boundaries)
 *   korean, english            stems: particles and endings; lunr's stop words + stemmer
 *   analyzer                   tokens → index terms (words, bigrams, 초성, title words)
 *   index-build, index-codec   articles → compact inverted index (BM25F impacts) ↔ bytes
 *   inverted-index, lexicon    the index itself; term lookups and prefix ranges
 *   catalog                    the articles behind the index, topics, facet ids
 *   layout, platform-words,    reading a query: keyboard layout, platform words,
 *   query-words, fuzzy           typos (lunr's TokenSet)
 *   concepts, query-plan       query words → bounded concepts and term groups
 *   scorer, rerank             plan → scored documents; title coverage of the best ones
 *   results, snippets,         topics, filters, facets, sort, paging; match ranges for
 *   highlight, matchers          titles and snippets
 *   suggest                    title suggestions as you type
 *   index-builder, -worker,    building off the UI thread, persisting, loading
 *   search-index
 */
import { isPlatform, type Platform } from '../../../shared/platform';
import type { SearchQuery, SearchResult, Suggestion } from '../../../shared/types';
import { Catalog } from './catalog';
import { FuzzyMatcher } from './fuzzy';
import { everydayWords } from './everyday-words';
import { decodeIndex, encodeIndex } from './index-codec';
import { buildInvertedIndex } from './index-build';
import type { InvertedIndex } from './inverted-index';
import { Lexicon } from './lexicon';
import { buildPlan } from './query-plan';
import { rerankByTitle } from './rerank';
import { shapeResults } from './results';
import { Scorer } from './scorer';
import { suggestTitles } from './suggest';
import { SynonymTable } from './synonyms';
import type { SynonymRule } from './everyday-words';
import type { IndexedArticle } from './types';

export type { IndexedArticle } from './types';

/** Bump when the index format or the analysis changes: persisted indexes are then rebuilt. */
export const ENGINE_VERSION = 'doum-search/3'; // 3: Han/kana runs as overlapping pairs

export interface SearchDefaults {
  /** The preferred platform when neither the query words nor the request name one. */
  platform: Platform;
}

export interface EngineOptions {
  /** The help center's own synonyms (its feed's synonyms.yml), on top of the built-in lexicon. */
  synonyms?: readonly SynonymRule[];
}

/**
 * A query is partial when results cannot cover its main words: one of them no article has
 * in any form, or no result has all of a short query's words (half of a long one's).
 */
export function isPartial(unknownWords: number, concepts: number, bestMatched: number): boolean {
  if (unknownWords > 0) return true;
  const needed = concepts <= 3 ? concepts : Math.ceil(concepts / 2);
  return bestMatched < needed;
}

function emptyResult(query: string, platform: Platform, started: number): SearchResult {
  return { query, total: 0, results: [], facets: { category: {}, service: {}, platform: {}, locale: {}, anyPlatform: 0 }, platform, namedPlatform: null, didYouMean: null, partial: false, tookMs: elapsed(started) };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

export class SearchEngine {
  private readonly lexicon: Lexicon;
  private readonly scorer: Scorer;
  private readonly fuzzy: FuzzyMatcher;

  private readonly synonyms: SynonymTable;

  private constructor(
    private readonly index: InvertedIndex,
    private readonly catalog: Catalog,
    options: EngineOptions,
  ) {
    this.synonyms = new SynonymTable([...everydayWords().synonyms, ...(options.synonyms ?? [])]);
    this.lexicon = new Lexicon(index);
    this.scorer = new Scorer(index);
    this.fuzzy = new FuzzyMatcher(this.lexicon);
  }

  static build(articles: readonly IndexedArticle[], options: EngineOptions = {}): SearchEngine {
    const index = buildInvertedIndex(articles);
    return new SearchEngine(index, new Catalog(index.docIds, articles), options);
  }

  /**
   * Loads a serialized index for these articles. Throws IndexFormatError when the bytes are
   * damaged, of another format, or were built for other articles.
   */
  static load(serialized: Uint8Array, articles: readonly IndexedArticle[], options: EngineOptions = {}): SearchEngine {
    const index = decodeIndex(serialized);
    return new SearchEngine(index, new Catalog(index.docIds, articles), options);
  }

  serialize(): Buffer {
    return encodeIndex(this.index);
  }

  get size(): number {
    return this.catalog.size;
  }

  search(query: SearchQuery, defaults: SearchDefaults): SearchResult {
    const started = performance.now();
    const text = typeof query.text === 'string' ? query.text : '';
    // A platform filter also sets the preference: its own variants come before common ones.
    const filtered = isPlatform(query.onlyPlatform) && query.onlyPlatform !== 'common' ? query.onlyPlatform : null;
    const requested = filtered ?? (isPlatform(query.platform) ? query.platform : defaults.platform);
    const plan = buildPlan(text, this.lexicon, { mode: 'search', fuzzy: this.fuzzy, synonyms: this.synonyms, preferred: requested });
    const platform = plan.platform ?? requested;
    if (plan.concepts.length === 0) return { ...emptyResult(text, platform, started), namedPlatform: plan.platform, didYouMean: plan.corrected };
    const matches = this.scorer.run(plan);
    rerankByTitle(matches, plan, this.catalog);
    // A platform named in the query is a choice, like a chip the person picked (unless a chip was).
    const followed = query.followNamedPlatform === true && plan.platform !== null && !filtered ? { ...query, onlyPlatform: plan.platform } : query;
    const shaped = shapeResults({ catalog: this.catalog, matches, query: followed, platform, platformNamed: plan.platform !== null, matchers: plan.matchers });
    return {
      query: text,
      total: shaped.total,
      results: shaped.hits,
      facets: shaped.facets,
      platform,
      namedPlatform: plan.platform,
      didYouMean: plan.corrected,
      partial: shaped.total > 0 && isPartial(plan.unknownWords, matches.concepts, matches.bestMatched),
      tookMs: elapsed(started),
    };
  }

  /**
   * Runs a few representative queries so the JIT has compiled the query path before a
   * person's first keystroke (cold, the first queries at 20,000 articles take ~100 ms).
   */
  warmUp(): void {
    for (const text of ['메시지를 삭제하려면', 'ㅅㄱ', '설ㅈ', 'tlsrh', 'how to report messages', '맥 로그아웃']) {
      this.search({ text }, { platform: 'macos' });
      this.suggest(text, { platform: 'macos' });
    }
  }

  suggest(text: string, options: { locale?: string; platform?: Platform; limit?: number } = {}): Suggestion[] {
    const platform = isPlatform(options.platform) ? options.platform : 'common';
    return suggestTitles(typeof text === 'string' ? text : '', { ...options, platform }, this.lexicon, this.scorer, this.catalog);
  }
}
