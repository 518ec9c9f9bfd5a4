/**
 * Building the search index, in the calling thread or in worker threads. The service process
 * passes a worker factory so a rebuild after sync never blocks the thread that answers
 * queries; the CLI and tests build in-thread.
 *
 * With workers, the articles are cut into a few runs of about equal text, one worker each
 * (index-build's indexPart); the worker with the first run also joins the parts and
 * serializes the index, so the calling thread only hands out the texts and receives bytes.
 * Once it has every part, the joining worker gives each of the others a share of the terms
 * whose postings to encode (encodeTerms, the longest step of the join), reading the parts'
 * postings in shared memory. The bytes are the same as an in-thread build's.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, type Worker, type WorkerOptions } from 'node:worker_threads';
import { SearchEngine, type IndexedArticle } from './engine';
import { fieldTexts, packTexts, type PackedTexts } from './field-texts';
import { evenRuns, type EncodedTerms, type EncodingWeights, type IndexPart, type PartPostings, type Run } from './index-build';

export type IndexBuilder = (articles: readonly IndexedArticle[]) => Promise<Buffer>;

export const buildIndexInThread: IndexBuilder = async (articles) => SearchEngine.build(articles).serialize();

/**
 * What a worker is given (its `workerData`): its role. Its run's texts follow as its first
 * message (IndexTexts), so every worker starts up while the texts are being packed.
 */
export type IndexWorkerData =
  /** Index the run, then join it with the parts that arrive on `parts` and post the serialized index to the parent. */
  | { role: 'join'; docIds: string[]; parts: MessagePort[] }
  /** Index the run (documents from `firstDoc` on), send the part to the joining worker over `join`, then encode the share of postings it asks for. */
  | { role: 'part'; firstDoc: number; join: MessagePort };
export interface IndexTexts {
  texts: PackedTexts;
}

/** What the joining worker posts to its parent, and a part worker to the joining one. */
export type IndexWorkerReply = { ok: true; data: Uint8Array } | { ok: false; message: string };
export type IndexPartMessage = { ok: true; part: IndexPart } | { ok: false; message: string };
/** The joining worker → a part worker, once every part has arrived: encode the postings of terms [from, to). */
export interface IndexEncodeJob {
  from: number;
  to: number;
  parts: PartPostings[];
  weights: EncodingWeights;
}
/** A part worker → the joining worker: the postings it encoded. */
export type IndexEncodeReply = { ok: true; run: EncodedTerms } | { ok: false; message: string };

/** Below this many articles per worker, starting one costs more than it saves. */
const MIN_ARTICLES_PER_WORKER = 1000;

/** Workers for an index build on this machine: one per core, at most four. */
export function indexWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function workerIndexBuilder(createWorker: (options: WorkerOptions) => Worker, workers = 1): IndexBuilder {
  return (articles) =>
    new Promise<Buffer>((resolve, reject) => {
      const runs = textRuns(articles, Math.min(workers, Math.ceil(articles.length / MIN_ARTICLES_PER_WORKER)));
      const channels = runs.slice(1).map(() => new MessageChannel());
      const started: Worker[] = [];
      let settled = false;
      const settle = (outcome: { bytes: Buffer } | { error: Error }): void => {
        if (settled) return;
        settled = true;
        for (const worker of started) void worker.terminate();
        if ('bytes' in outcome) resolve(outcome.bytes);
        else reject(outcome.error);
      };
      const start = (data: IndexWorkerData, transferList: MessagePort[]): Worker => {
        const worker = createWorker({ workerData: data, transferList });
        started.push(worker);
        worker.once('error', (error) => settle({ error: new Error(`the search index could not be built: ${error.message}`, { cause: error }) }));
        worker.once('exit', (code) => {
          if (code !== 0) settle({ error: new Error(`the search index could not be built: a worker stopped with code ${code}`) });
        });
        return worker;
      };
      const sendTexts = (worker: Worker, [from, to]: Run): void => {
        const texts = packTexts(articles.slice(from, to).map(fieldTexts));
        worker.postMessage({ texts } satisfies IndexTexts, [texts.text, texts.lengths.buffer as ArrayBuffer]);
      };

      const parts = channels.map((channel) => channel.port2);
      const joiner = start({ role: 'join', docIds: articles.map((a) => a.id), parts }, parts);
      joiner.on('message', (reply: IndexWorkerReply) => {
        if (reply.ok) settle({ bytes: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength) });
        else settle({ error: new Error(`the search index could not be built: ${reply.message}`) });
      });
      const others = runs.slice(1).map((run, i) => {
        const join = channels[i]!.port1;
        return start({ role: 'part', firstDoc: run[0], join }, [join]);
      });
      try {
        // The joining worker's texts last: it has the others' parts to wait for anyway.
        others.forEach((worker, i) => sendTexts(worker, runs[i + 1]!));
        sendTexts(joiner, runs[0]!);
      } catch (error) {
        settle({ error: error instanceof Error ? error : new Error(String(error)) });
      }
    });
}

/** `count` runs of consecutive articles with about the same amount of text each. */
function textRuns(articles: readonly IndexedArticle[], count: number): Run[] {
  return evenRuns(
    articles.map((a) => a.title.length + a.bodyText.length + 16),
    Math.max(1, count),
  );
}
