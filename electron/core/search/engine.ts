/**
 * The search engine: a lunr index over the articles plus the metadata needed to shape
 * results. Build it once (off the UI thread) after a sync, serialize it into the store, and
 * load it at start-up.
 */
import lunr from 'lunr';
import type { Platform } from '../../../shared/platform';
import type { ArticleSummary, SearchQuery, SearchResult, Suggestion } from '../../../shared/types';
import { topicKey } from '../../../shared/topics';
import { findRanges, shapeResults } from './results';
import { normalize, terms, words } from './tokenizer';

/** Bump when the index format or tokenization changes: persisted indexes are rebuilt. */
export const ENGINE_VERSION = 'doum-search/1';

export interface IndexedArticle extends ArticleSummary {
  bodyText: string;
}

const FIELD_BOOSTS = { title: 10, tags: 5, body: 1 } as const;

function termPipeline(builder: lunr.Builder): void {
  // Our tokenizer already produced the terms; lunr's stemmer and stop words are not wanted.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
}

function termsOf(text: string): lunr.Token[] {
  return terms(text).map((term) => new lunr.Token(term, {}));
}

export function buildLunrIndex(articles: readonly IndexedArticle[]): lunr.Index {
  return lunr(function build() {
    termPipeline(this);
    this.tokenizer = ((value: unknown) => (typeof value === 'string' ? termsOf(value) : [])) as typeof lunr.tokenizer;
    this.ref('id');
    this.field('title', { boost: FIELD_BOOSTS.title });
    this.field('tags', { boost: FIELD_BOOSTS.tags });
    this.field('body', { boost: FIELD_BOOSTS.body });
    for (const article of articles) {
      this.add({ id: article.id, title: article.title, tags: article.tags.join(' '), body: article.bodyText });
    }
  });
}

export interface SearchDefaults {
  platform: Platform;
}

export class SearchEngine {
  private readonly byId: Map<string, IndexedArticle>;
  private readonly topics: Map<string, IndexedArticle[]>;

  private constructor(
    private readonly index: lunr.Index,
    articles: readonly IndexedArticle[],
  ) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
    this.topics = new Map();
    for (const article of articles) {
      const key = topicKey(article);
      const list = this.topics.get(key);
      if (list) list.push(article);
      else this.topics.set(key, [article]);
    }
  }

  static build(articles: readonly IndexedArticle[]): SearchEngine {
    return new SearchEngine(buildLunrIndex(articles), articles);
  }

  static load(serialized: Buffer | string, articles: readonly IndexedArticle[]): SearchEngine {
    const json = typeof serialized === 'string' ? serialized : serialized.toString('utf8');
    return new SearchEngine(lunr.Index.load(JSON.parse(json) as object), articles);
  }

  serialize(): Buffer {
    return Buffer.from(JSON.stringify(this.index), 'utf8');
  }

  get size(): number {
    return this.byId.size;
  }

  search(query: SearchQuery, defaults: SearchDefaults): SearchResult {
    const started = performance.now();
    const platform = query.platform ?? defaults.platform;
    const queryTerms = terms(query.text.slice(0, 1000));
    const matches =
      queryTerms.length === 0
        ? []
        : this.index
            .query((q) => {
              for (const term of queryTerms) q.term(term, { presence: lunr.Query.presence.OPTIONAL });
            })
            .flatMap((result) => {
              const article = this.byId.get(result.ref);
              return article ? [{ article, score: result.score }] : [];
            });
    const shaped = shapeResults(matches, { query, platform, highlight: words(query.text.slice(0, 1000)), topics: this.topics });
    return {
      query: query.text,
      total: shaped.total,
      results: shaped.hits,
      facets: shaped.facets,
      platform,
      didYouMean: null,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  suggest(text: string, options: { locale?: string; platform?: Platform; limit?: number } = {}): Suggestion[] {
    const prefix = normalize(text).trim();
    if (!prefix) return [];
    const limit = options.limit ?? 8;
    const out: Suggestion[] = [];
    for (const article of this.byId.values()) {
      if (options.locale && article.locale !== options.locale) continue;
      if (!normalize(article.title).includes(prefix)) continue;
      out.push({ id: article.id, title: article.title, titleRanges: findRanges(article.title, [prefix]), platform: article.platform });
      if (out.length >= limit) break;
    }
    return out;
  }
}
