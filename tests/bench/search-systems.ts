/**
 * The systems the search benchmark compares, behind one interface: Doum's engine, lunr with
 * lunr-languages' Korean support (title boost 5, body 1, as the eval README's reference
 * setups), and SQLite FTS5 with the unicode61 and trigram tokenizers, queried with an OR of
 * the query's words and ranked by bm25 with the same title weight.
 */
import Database from 'better-sqlite3';
import lunr from 'lunr';
import { SearchEngine } from '../../electron/core/search/engine';
import type { IndexedArticle } from '../../electron/core/search/types';

// lunr-languages' modules are plain CommonJS plugins without typings for these entry points.
const stemmerSupport = require('lunr-languages/lunr.stemmer.support') as (l: typeof lunr) => void;
const korean = require('lunr-languages/lunr.ko') as (l: typeof lunr) => void;
stemmerSupport(lunr);
korean(lunr);

interface LunrKorean {
  ko: lunr.Builder.Plugin & { trimmer: lunr.PipelineFunction; stopWordFilter: lunr.PipelineFunction };
}
const lunrKo = (lunr as unknown as LunrKorean).ko;

export interface System {
  readonly name: string;
  build(articles: readonly IndexedArticle[]): void;
  /** Article ids, best first. */
  search(query: string, limit: number): string[];
  close(): void;
}

export class DoumSystem implements System {
  readonly name = 'Doum';
  engine: SearchEngine | null = null;
  build(articles: readonly IndexedArticle[]): void {
    this.engine = SearchEngine.build(articles);
  }
  search(query: string, limit: number): string[] {
    return this.engine!.search({ text: query, limit }, { platform: 'common' }).results.map((hit) => hit.id);
  }
  close(): void {
    this.engine = null;
  }
}

export class LunrKoSystem implements System {
  readonly name = 'lunr ko';
  private index: lunr.Index | null = null;
  private readonly queryPipeline = new lunr.Pipeline();
  constructor() {
    this.queryPipeline.add(lunrKo.trimmer, lunrKo.stopWordFilter);
  }
  build(articles: readonly IndexedArticle[]): void {
    this.index = lunr(function build() {
      this.use(lunrKo);
      this.ref('id');
      this.field('title', { boost: 5 });
      this.field('body');
      for (const a of articles) this.add({ id: a.id, title: a.title, body: a.bodyText });
    });
  }
  search(query: string, limit: number): string[] {
    // The same trimming and stop words the index used; terms are OPTIONAL (an OR).
    const tokens = this.queryPipeline.run(lunr.tokenizer(query));
    if (tokens.length === 0) return [];
    return this.index!.query((q) => q.term(tokens, { usePipeline: false }))
      .slice(0, limit)
      .map((r) => r.ref);
  }
  close(): void {
    this.index = null;
  }
}

/** FTS5's query syntax is not for user text: the words are quoted and OR-ed. */
export function orOfWords(query: string, minLength = 1): string | null {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => [...w].length >= minLength);
  return words.length > 0 ? words.map((w) => `"${w}"`).join(' OR ') : null;
}

export class Fts5System implements System {
  readonly name: string;
  private db: Database.Database | null = null;
  private statement: Database.Statement | null = null;
  private ids: string[] = [];
  constructor(private readonly tokenizer: 'unicode61' | 'trigram') {
    this.name = `FTS5 ${tokenizer}`;
  }
  build(articles: readonly IndexedArticle[], file = ':memory:'): void {
    this.db = new Database(file);
    this.db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='${this.tokenizer}')`);
    const insert = this.db.prepare('INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)');
    this.ids = articles.map((a) => a.id);
    this.db.transaction(() => articles.forEach((a, i) => insert.run(i + 1, a.title, a.bodyText)))();
    this.statement = this.db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 5.0, 1.0) LIMIT ?').pluck();
  }
  /** Bytes the FTS5 tables take. */
  size(): number {
    const pages = this.db!.pragma('page_count', { simple: true }) as number;
    const pageSize = this.db!.pragma('page_size', { simple: true }) as number;
    return pages * pageSize;
  }
  search(query: string, limit: number): string[] {
    // The trigram tokenizer cannot match words shorter than three characters.
    const match = orOfWords(query, this.tokenizer === 'trigram' ? 3 : 1);
    if (!match) return [];
    return (this.statement!.all(match, limit) as number[]).map((rowid) => this.ids[rowid - 1]!);
  }
  close(): void {
    this.db?.close();
    this.db = null;
  }
}

export function allSystems(): System[] {
  return [new DoumSystem(), new LunrKoSystem(), new Fts5System('unicode61'), new Fts5System('trigram')];
}
