/**
 * `npm run bench:search`: search quality and speed, every system on the same data in one run,
 * printed as one table. Figures, not pass/fail (targets are shown next to them).
 *
 *   1. Real Korean FAQ (../shared/eval/nikl-faq.jsonl, read in place, skipped when absent):
 *      query = the question, relevant = its own entry, indexed as title + answer.
 *   2. Query types generated from the sample help center's titles (rules: search-queries.ts).
 *   3. Typed as people type (issue 10): 315 queries written for a second help center (a bank
 *      app, typing-corpus.ts / typing-queries.ts) — per kind top-1 and MRR@10 for Doum, lunr
 *      ko and FTS5 unicode61, and how often Doum marks a result partial.
 *   4. Scale: a generated corpus (rules: search-corpus.ts) of 20,000 articles — build time,
 *      size, load time, memory, latency (short and long queries), and the same for FTS5.
 *
 * Options: --scale <n> (default 20000), --skip-scale, --only <section> (nikl|types|typing|scale).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SearchEngine } from '../../electron/core/search/engine';
import { indexWorkerCount } from '../../electron/core/search/index-builder';
import { bundledIndexBuilder } from './index-workers';
import type { IndexedArticle } from '../../electron/core/search/types';
import { topicKey } from '../../shared/topics';
import { generateCorpus, REPO_ROOT, sampleArticles } from './search-corpus';
import { generateQueries, QUERY_TYPES, type BenchQuery, type QueryType } from './search-queries';
import { allSystems, DoumSystem, Fts5System, LunrKoSystem, type System } from './search-systems';
import { typingArticles } from './typing-corpus';
import { TYPING_KINDS, typingQueries, type TypingKind } from './typing-queries';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const only = option('only');
const SCALE = Number(option('scale') ?? 20_000);
const EVAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'eval');
const K = 10;
/** Index builds timed at scale, for a median. */
const BUILD_RUNS = 5;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// -- metrics ---------------------------------------------------------------------------------

/** CPU time of this process (every thread) since `start`, in ms. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

interface Quality {
  mrr: number;
  recall1: number;
  recall5: number;
  recall10: number;
  zero: number;
  p50: number;
  p95: number;
  queries: number;
  /** Each query's time (fastest of REPEATS), in query order. */
  times: number[];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const median = (times: readonly number[]): number => percentile([...times].sort((a, b) => a - b), 0.5);

/**
 * Runs queries, maps each system's article ids to the unit of relevance (topic or entry),
 * keeps the first occurrence of each, and scores the ranks. Latency: each query runs
 * REPEATS times and its fastest run counts — the cost of the query itself, not of whatever
 * else the machine was doing at that moment (the same for every system).
 */
const REPEATS = 3;

function evaluate(system: System, queries: readonly { text: string; relevant: readonly string[] }[], unitOf: (id: string) => string): Quality {
  let rr = 0;
  const hits = { 1: 0, 5: 0, 10: 0 };
  let zero = 0;
  const times: number[] = [];
  for (const q of queries) {
    let ids: string[] = [];
    let fastest = Infinity;
    for (let run = 0; run < REPEATS; run++) {
      const started = performance.now();
      const found = system.search(q.text, K * 4);
      fastest = Math.min(fastest, performance.now() - started);
      if (run === 0) ids = found;
    }
    times.push(fastest);
    if (ids.length === 0) zero++;
    const units: string[] = [];
    for (const id of ids) {
      const unit = unitOf(id);
      if (!units.includes(unit)) units.push(unit);
      if (units.length === K) break;
    }
    const rank = units.findIndex((u) => q.relevant.includes(u)) + 1;
    if (rank > 0) {
      rr += 1 / rank;
      if (rank <= 1) hits[1]++;
      if (rank <= 5) hits[5]++;
      if (rank <= 10) hits[10]++;
    }
  }
  const inOrder = [...times];
  times.sort((a, b) => a - b);
  const n = Math.max(1, queries.length);
  return { mrr: rr / n, recall1: hits[1] / n, recall5: hits[5] / n, recall10: hits[10] / n, zero: zero / n, p50: percentile(times, 0.5), p95: percentile(times, 0.95), queries: queries.length, times: inOrder };
}

// -- printing --------------------------------------------------------------------------------

const rows: string[][] = [];
const header = ['section', 'measure', 'Doum', 'lunr ko', 'FTS5 unicode61', 'FTS5 trigram', 'target'];
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : '–');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function row(section: string, measure: string, values: Record<string, string>, target = ''): void {
  rows.push([section, measure, ...header.slice(2, 6).map((name) => values[name] ?? '–'), target]);
}

function printTable(): void {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  process.stdout.write(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n`);
}

function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

// -- 1. the Korean FAQ -----------------------------------------------------------------------

interface FaqEntry {
  id: string;
  title: string;
  question: string;
  answer: string;
}

function niklSection(): void {
  const file = join(EVAL_DIR, 'nikl-faq.jsonl');
  if (!existsSync(file)) {
    note(`bench: ${file} not found — skipping the Korean FAQ evaluation (it needs the shared eval data next to the repository).`);
    row('nikl FAQ', 'skipped: ../shared/eval absent', {});
    return;
  }
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FaqEntry);
  const articles: IndexedArticle[] = entries.map((e) => ({
    id: e.id,
    title: e.title,
    bodyText: e.answer,
    service: 'nikl',
    category: 'faq',
    platform: 'common',
    locale: 'ko',
    group: null,
    tags: [],
    updatedAt: '2020-01-01',
  }));
  const queries = entries.map((e) => ({ text: e.question, relevant: [e.id] }));
  const results: Record<string, Quality> = {};
  for (const system of allSystems()) {
    note(`bench: nikl FAQ — ${system.name}…`);
    system.build(articles);
    system.search(queries[0]!.text, K); // warm up
    results[system.name] = evaluate(system, queries, (id) => id);
    system.close();
  }
  const pick = (fn: (q: Quality) => string): Record<string, string> => Object.fromEntries(Object.entries(results).map(([name, q]) => [name, fn(q)]));
  const section = `nikl FAQ (${entries.length} q)`;
  row(section, 'MRR@10', pick((q) => f3(q.mrr)), '≥ 0.95, best');
  row(section, 'Recall@1', pick((q) => f3(q.recall1)));
  row(section, 'Recall@5', pick((q) => f3(q.recall5)));
  row(section, 'Recall@10', pick((q) => f3(q.recall10)));
  row(section, 'zero-result rate', pick((q) => f3(q.zero)));
  row(section, 'latency p50 (best of 3)', pick((q) => ms(q.p50)));
  row(section, 'latency p95 (best of 3)', pick((q) => ms(q.p95)));
}

// -- 2. query types on the sample help center ------------------------------------------------

function typesSection(): void {
  const articles = sampleArticles();
  const topicOf = new Map(articles.map((a) => [a.id, topicKey(a)]));
  const queries = generateQueries(articles.map((a) => ({ id: a.id, title: a.title, locale: a.locale, topic: topicKey(a) })));
  const results: Record<string, Partial<Record<QueryType, Quality>>> = {};
  for (const system of allSystems()) {
    system.build(articles);
    results[system.name] = {};
    for (const type of QUERY_TYPES) {
      const subset = queries.filter((q) => q.type === type);
      if (subset.length > 0) results[system.name]![type] = evaluate(system, subset, (id) => topicOf.get(id) ?? id);
    }
    system.close();
  }
  for (const type of QUERY_TYPES) {
    const count = queries.filter((q) => q.type === type).length;
    if (count === 0) continue;
    const values = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, f3(r[type]?.mrr ?? NaN)]));
    row(`types: ${type} (${count} q)`, 'MRR@10', values);
  }
}

// -- 3. typed as people type (a second help center) ------------------------------------------

function typingSection(): void {
  const articles = typingArticles();
  const topicOf = new Map(articles.map((a) => [a.id, topicKey(a)]));
  const queries = typingQueries();
  // The answer's unit: the article itself for platform queries, else its topic.
  const unitFor = (kind: TypingKind) => (id: string): string => (kind === 'platform' ? id : (topicOf.get(id) ?? id));
  const relevantFor = (kind: TypingKind, answer: string): string[] => (kind === 'platform' ? [answer] : [topicOf.get(answer) ?? topicKey({ id: answer, group: answer, locale: 'ko' })]);
  const systems: System[] = [new DoumSystem(), new LunrKoSystem(), new Fts5System('unicode61')];
  const results: Record<string, Partial<Record<TypingKind, Quality>>> = {};
  let partialRates = { noAnswer: NaN, answerable: NaN };
  for (const system of systems) {
    system.build(articles);
    results[system.name] = {};
    for (const kind of TYPING_KINDS) {
      if (kind === 'no-answer') continue;
      const subset = queries.filter((q) => q.kind === kind).map((q) => ({ text: q.text, relevant: relevantFor(kind, q.answer!) }));
      results[system.name]![kind] = evaluate(system, subset, unitFor(kind));
    }
    if (system instanceof DoumSystem) {
      // Honesty: a no-answer query should say so (partial, or nothing found); an answerable one should not.
      const marked = (text: string): boolean => {
        const result = system.engine!.search({ text, limit: 10 }, { platform: 'common' });
        return result.total === 0 || result.partial;
      };
      const noAnswer = queries.filter((q) => q.answer === null);
      const answerable = queries.filter((q) => q.answer !== null);
      partialRates = { noAnswer: noAnswer.filter((q) => marked(q.text)).length / noAnswer.length, answerable: answerable.filter((q) => marked(q.text)).length / answerable.length };
    }
    system.close();
  }
  for (const kind of TYPING_KINDS) {
    if (kind === 'no-answer') continue;
    const count = queries.filter((q) => q.kind === kind).length;
    const pick = (fn: (q: Quality) => string): Record<string, string> => Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r[kind] ? fn(r[kind]) : '–']));
    row(`typed: ${kind} (${count} q)`, 'top-1', pick((q) => f3(q.recall1)), 'Doum best');
    row(`typed: ${kind} (${count} q)`, 'MRR@10', pick((q) => f3(q.mrr)), 'Doum best');
  }
  const noAnswerCount = queries.filter((q) => q.answer === null).length;
  row(`typed: no-answer (${noAnswerCount} q)`, 'marked partial or nothing found', { Doum: f3(partialRates.noAnswer) }, 'high');
  row(`typed: answerable (${queries.length - noAnswerCount} q)`, 'wrongly marked partial or nothing found', { Doum: f3(partialRates.answerable) }, 'low');
}

// -- 4. scale --------------------------------------------------------------------------------

/**
 * Index size and load time of the code before issue 10 (same benchmark, same machine, measured
 * on the unmodified code on 2026-11-29): the new figures must stay within 20% of them.
 */
const BEFORE = { bytes: 19.4e6, loadMs: 280 };
/** Queries of this many words or more count as long (questions, pasted sentences). */
const LONG_QUERY_WORDS = 4;

/** Live memory after full collections (array buffers are released a cycle late). */
async function memoryNow(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function scaleSection(): Promise<void> {
  note(`bench: generating ${SCALE} articles…`);
  const articles = generateCorpus(SCALE);
  const chars = articles.reduce((n, a) => n + a.bodyText.length, 0);
  const queries: BenchQuery[] = generateQueries(
    articles.map((a) => ({ id: a.id, title: a.title, locale: a.locale, topic: topicKey(a) })),
    QUERY_TYPES,
    150,
  );
  note(`bench: ${articles.length} articles, ${(chars / articles.length).toFixed(0)} body characters on average, ${queries.length} queries`);

  note('bench: building Doum…');
  let started = performance.now();
  let cpu = process.cpuUsage();
  const bytes = SearchEngine.build(articles).serialize();
  const buildMs = performance.now() - started;
  const buildCpuMs = cpuMsSince(cpu);
  // The same build as the service process runs it: one worker per core, the first joining
  // the others' parts, new workers each time; its bytes must be the in-thread build's.
  // Several runs: on a shared machine one can be a quarter off either way, so the median is
  // printed with the range.
  const workers = indexWorkerCount();
  const bundled = await bundledIndexBuilder(workers);
  const workersMs: number[] = [];
  for (let run = 0; run < BUILD_RUNS; run++) {
    started = performance.now();
    const workerBytes = await bundled.builder(articles);
    workersMs.push(performance.now() - started);
    if (!workerBytes.equals(bytes)) throw new Error('the index built by workers differs from the one built in one thread');
  }
  bundled.dispose();
  // Load time: the fastest of three loads. Memory: what one loaded engine adds (the
  // articles themselves were in memory before).
  let loadMs = Infinity;
  for (let run = 0; run < 2; run++) {
    started = performance.now();
    SearchEngine.load(bytes, articles);
    loadMs = Math.min(loadMs, performance.now() - started);
  }
  const before = await memoryNow();
  started = performance.now();
  const loaded = SearchEngine.load(bytes, articles);
  loadMs = Math.min(loadMs, performance.now() - started);
  const memory = (await memoryNow()) - before;

  // The first query pays for what is computed on first use (the variant to show per topic).
  started = performance.now();
  loaded.search({ text: queries[0]!.text }, { platform: 'macos' });
  const firstQueryMs = performance.now() - started;

  const doum = new DoumSystem();
  doum.engine = loaded;
  const topicOf = new Map(articles.map((a) => [a.id, topicKey(a)]));
  // Warm-up: the first typo query builds the fuzzy automaton; JIT warms up.
  for (const q of queries.slice(0, 50)) doum.search(q.text, 20);
  doum.search('메세지 삭제', 20);
  const doumQuality = evaluate(doum, queries, (id) => topicOf.get(id) ?? id);

  note('bench: building FTS5 unicode61…');
  // As many FTS5 builds as Doum worker builds, the last one kept for the queries; the
  // one-thread rows compare first runs, wall clock and CPU time alike.
  const ftsBuildsMs: number[] = [];
  let fts = new Fts5System('unicode61');
  let ftsBuildCpuMs = 0;
  for (let run = 0; run < BUILD_RUNS; run++) {
    if (run > 0) {
      fts.close();
      fts = new Fts5System('unicode61');
    }
    started = performance.now();
    cpu = process.cpuUsage();
    fts.build(articles);
    ftsBuildsMs.push(performance.now() - started);
    if (run === 0) ftsBuildCpuMs = cpuMsSince(cpu);
  }
  const ftsBuildMs = ftsBuildsMs[0]!;
  for (const q of queries.slice(0, 50)) fts.search(q.text, 20);
  const ftsQuality = evaluate(fts, queries, (id) => topicOf.get(id) ?? id);
  const ftsSize = fts.size();
  fts.close();

  const section = `scale (${articles.length} articles)`;
  const both = (d: string, f: string): Record<string, string> => ({ Doum: d, 'FTS5 unicode61': f });
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const target = SCALE === 20_000 ? '≤ 3 s at 20,000' : '';
  const spread = (times: number[]): string => `${seconds(median(times))} (${seconds(Math.min(...times))}–${seconds(Math.max(...times))})`;
  row(section, `index build, median of ${BUILD_RUNS} (range): Doum ${workers} worker${workers === 1 ? '' : 's'} as in the app, FTS5 one thread`, both(spread(workersMs), spread(ftsBuildsMs)), target);
  row(section, 'index build, one thread, first run (wall clock)', both(seconds(buildMs), seconds(ftsBuildMs)));
  // On a shared machine the wall clock counts other people's work too; CPU time does not (it
  // counts every thread of this process, the garbage collector's included).
  row(section, 'index build, one thread, first run (CPU time)', both(seconds(buildCpuMs), seconds(ftsBuildCpuMs)));
  row(section, 'serialized size', both(mb(bytes.length), mb(ftsSize)), `≤ ${mb(BEFORE.bytes * 1.2)} (before: ${mb(BEFORE.bytes)})`);
  row(section, 'index load (best of 3)', both(ms(loadMs), 'n/a (on disk)'), `< 500 ms; ≤ ${ms(BEFORE.loadMs * 1.2)} (before: ${ms(BEFORE.loadMs)})`);
  row(section, 'memory after load', both(mb(memory), 'n/a'));
  row(section, 'first query after load (cold JIT)', both(ms(firstQueryMs), '–'));
  row(section, `query p50 (${queries.length} q, best of 3)`, both(ms(doumQuality.p50), ms(ftsQuality.p50)));
  row(section, `query p95 (${queries.length} q, best of 3)`, both(ms(doumQuality.p95), ms(ftsQuality.p95)), '< 10 ms');
  const isLong = queries.map((q) => q.text.trim().split(/\s+/).length >= LONG_QUERY_WORDS);
  const p95Of = (quality: Quality, long: boolean): number => percentile(quality.times.filter((_, i) => isLong[i] === long).sort((a, b) => a - b), 0.95);
  const longCount = isLong.filter(Boolean).length;
  row(section, `short-query p95 (${queries.length - longCount} q of 1–3 words)`, both(ms(p95Of(doumQuality, false)), ms(p95Of(ftsQuality, false))), '≤ 10 ms');
  row(section, `long-query p95 (${longCount} q of ${LONG_QUERY_WORDS}+ words)`, both(ms(p95Of(doumQuality, true)), ms(p95Of(ftsQuality, true))), '≤ 30 ms');
  row(section, 'p95 ratio Doum / FTS5', both(`${(doumQuality.p95 / ftsQuality.p95).toFixed(2)}×`, '1×'));
  row(section, 'MRR@10, all query types', both(f3(doumQuality.mrr), f3(ftsQuality.mrr)));
}

async function main(): Promise<void> {
  if (!only || only === 'nikl') niklSection();
  if (!only || only === 'types') typesSection();
  if (!only || only === 'typing') typingSection();
  if ((!only || only === 'scale') && !argv.includes('--skip-scale')) await scaleSection();
  printTable();
}

void main();
