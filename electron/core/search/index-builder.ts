/**
 * Building the search index, in the calling thread or in a worker thread. The Electron shell
 * passes a worker factory so a rebuild after sync never blocks the main process; the CLI and
 * tests build in-thread.
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { SearchEngine, type IndexedArticle } from './engine';

export type IndexBuilder = (articles: readonly IndexedArticle[]) => Promise<Buffer>;

export const buildIndexInThread: IndexBuilder = async (articles) => SearchEngine.build(articles).serialize();

/** Messages between the shell and `index-worker.ts`. */
export type IndexWorkerReply = { ok: true; data: Uint8Array } | { ok: false; message: string };

export function workerIndexBuilder(createWorker: (options: WorkerOptions) => Worker): IndexBuilder {
  return (articles) =>
    new Promise<Buffer>((resolve, reject) => {
      const worker = createWorker({ workerData: { articles } });
      worker.once('message', (reply: IndexWorkerReply) => {
        void worker.terminate();
        if (reply.ok) resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
        else reject(new Error(`the search index could not be built: ${reply.message}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`the search index worker stopped with code ${code}`));
      });
    });
}
