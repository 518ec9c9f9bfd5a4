/**
 * Worker-thread entry: builds the search index for the articles in `workerData` and posts
 * the serialized index back (see `workerIndexBuilder`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchEngine, type IndexedArticle } from './engine';
import type { IndexWorkerReply } from './index-builder';

const { articles } = workerData as { articles: IndexedArticle[] };
let reply: IndexWorkerReply;
try {
  reply = { ok: true, data: SearchEngine.build(articles).serialize() };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
