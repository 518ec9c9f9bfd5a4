/**
 * The articles behind an index, in document-number order, grouped into topics (the
 * platform variants of one article). Results, facets and suggestions read from here.
 */
import { PLATFORMS, platformRank, type Platform } from '../../../shared/platform';
import { byPlatformPreference, topicKey } from '../../../shared/topics';
import { IndexFormatError } from './index-codec';
import { normalizeText } from './normalize';
import { tokenize, type Token } from './tokenizer';
import type { IndexedArticle } from './types';

export function platformBit(platform: Platform): number {
  return 1 << PLATFORMS.indexOf(platform);
}

/** Strings → small integers, in first-seen order. */
class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

export class Catalog {
  readonly articles: readonly IndexedArticle[];
  /** Topic number of each document. */
  readonly topicOf: Int32Array;
  /** Document numbers of each topic's variants. */
  readonly topics: readonly (readonly number[])[];
  /** Per topic, one bit per platform (PLATFORMS order) its variants cover. */
  readonly topicPlatforms: Uint8Array;
  /** Small-integer ids of each document's category, service and locale, and their names. */
  readonly categoryOf: Int32Array;
  readonly serviceOf: Int32Array;
  readonly localeOf: Int32Array;
  readonly categories: readonly string[];
  readonly services: readonly string[];
  readonly locales: readonly string[];

  /**
   * `docIds` is the index's document order; every id must be among `articles`, or the index
   * was built for other content and must not be used.
   */
  constructor(docIds: readonly string[], articles: readonly IndexedArticle[]) {
    if (docIds.length !== articles.length) throw new IndexFormatError(`built for ${docIds.length} articles, the store has ${articles.length}`);
    const byId = new Map(articles.map((a) => [a.id, a]));
    this.articles = docIds.map((id) => {
      const article = byId.get(id);
      if (!article) throw new IndexFormatError(`built for an article the store does not have (${id})`);
      return article;
    });
    this.topicOf = new Int32Array(this.articles.length);
    const topicNumbers = new Map<string, number>();
    const topics: number[][] = [];
    this.articles.forEach((article, doc) => {
      const key = topicKey(article);
      let topic = topicNumbers.get(key);
      if (topic === undefined) {
        topic = topics.length;
        topicNumbers.set(key, topic);
        topics.push([]);
      }
      topics[topic]!.push(doc);
      this.topicOf[doc] = topic;
    });
    this.topics = topics;
    this.topicPlatforms = new Uint8Array(topics.length);
    topics.forEach((members, topic) => {
      for (const doc of members) this.topicPlatforms[topic]! |= platformBit(this.articles[doc]!.platform);
    });
    const categories = new Interner();
    const services = new Interner();
    const locales = new Interner();
    this.categoryOf = Int32Array.from(this.articles, (a) => categories.id(a.category));
    this.serviceOf = Int32Array.from(this.articles, (a) => services.id(a.service));
    this.localeOf = Int32Array.from(this.articles, (a) => locales.id(a.locale));
    this.categories = categories.values;
    this.services = services.values;
    this.locales = locales.values;
  }

  get topicCount(): number {
    return this.topics.length;
  }

  private readonly shownCache = new Map<Platform, Int32Array>();

  /**
   * The variant of a topic to show for a preferred platform (that platform, then common…),
   * worked out per topic when first needed and remembered.
   */
  shown(topic: number, platform: Platform): number {
    let cache = this.shownCache.get(platform);
    if (!cache) {
      cache = new Int32Array(this.topics.length).fill(-1);
      this.shownCache.set(platform, cache);
    }
    let doc = cache[topic]!;
    if (doc < 0) {
      const members = this.topics[topic]!;
      doc = members[0]!;
      for (const other of members) {
        const a = this.articles[other]!;
        const b = this.articles[doc]!;
        const order = platformRank(a.platform, platform) - platformRank(b.platform, platform);
        if (order < 0 || (order === 0 && a.id < b.id)) doc = other;
      }
      cache[topic] = doc;
    }
    return doc;
  }

  /** A topic's variants in preference order for a platform. */
  variantsOf(topic: number, platform: Platform): IndexedArticle[] {
    return byPlatformPreference(this.topics[topic]!.map((doc) => this.articles[doc]!), platform);
  }

  private readonly titleTokenCache: Array<Token[] | undefined> = [];

  /** The tokens of a document's title (computed when first asked for). */
  titleTokens(doc: number): Token[] {
    let tokens = this.titleTokenCache[doc];
    if (!tokens) {
      tokens = tokenize(normalizeText(this.articles[doc]!.title));
      this.titleTokenCache[doc] = tokens;
    }
    return tokens;
  }

  private readonly foldedTitleCache: Array<string | undefined> = [];

  /** A document's title normalized and lower-cased, as suggestions compare typed text with it (computed when first asked for). */
  foldedTitle(doc: number): string {
    let title = this.foldedTitleCache[doc];
    if (title === undefined) {
      title = normalizeText(this.articles[doc]!.title).toLowerCase();
      this.foldedTitleCache[doc] = title;
    }
    return title;
  }

  get size(): number {
    return this.articles.length;
  }
}
