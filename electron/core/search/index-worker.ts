/**
 * Worker-thread entry: builds the search index for the articles in `workerData` and posts
 * the serialized index back (see `workerIndexBuilder`). The bytes are transferred, not
 * copied: at 20,000 articles they are tens of megabytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchEngine, type IndexedArticle } from './engine';
import type { IndexWorkerReply } from './index-builder';

const { articles } = workerData as { articles: IndexedArticle[] };
let reply: IndexWorkerReply;
let transfer: ArrayBuffer[] = [];
try {
  const bytes = SearchEngine.build(articles).serialize();
  // A Buffer may be a view into a shared pool; transfer only a buffer of its own.
  const data = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  reply = { ok: true, data };
  if (data.buffer instanceof ArrayBuffer) transfer = [data.buffer];
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply, transfer);
