/**
 * Worker-thread entry of an index build (see workerIndexBuilder): indexes the run of articles
 * whose texts come as its first message, then either sends the part to the joining worker
 * or, as the joining worker, waits for the other parts, joins them and posts the serialized
 * index back. Typed arrays and the index bytes are transferred, not copied: at 20,000
 * articles they are tens of megabytes.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { unpackTexts, type PackedTexts } from './field-texts';
import { encodeIndex } from './index-codec';
import { indexPart, joinParts, type IndexPart } from './index-build';
import type { IndexPartMessage, IndexTexts, IndexWorkerData, IndexWorkerReply } from './index-builder';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function sendPart({ join, firstDoc }: Extract<IndexWorkerData, { role: 'part' }>, texts: PackedTexts): void {
  let message: IndexPartMessage;
  let transfer: ArrayBuffer[] = [];
  try {
    const part = indexPart(unpackTexts(texts), firstDoc);
    message = { ok: true, part };
    transfer = [part.lengths, part.offsets, part.postings, part.latinStems].map((array) => array.buffer as ArrayBuffer);
  } catch (error) {
    message = { ok: false, message: messageOf(error) };
  }
  join.postMessage(message, transfer);
  join.close();
}

function receivePart(port: MessagePort): Promise<IndexPart> {
  return new Promise((resolve, reject) => {
    port.once('message', (message: IndexPartMessage) => {
      port.close();
      if (message.ok) resolve(message.part);
      else reject(new Error(message.message));
    });
  });
}

async function join(data: Extract<IndexWorkerData, { role: 'join' }>, texts: PackedTexts): Promise<void> {
  let reply: IndexWorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const own = indexPart(unpackTexts(texts), 0);
    const others = await Promise.all(data.parts.map(receivePart));
    const bytes = encodeIndex(joinParts(data.docIds, [own, ...others]));
    // A Buffer may be a view into a shared pool; transfer only a buffer of its own.
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    reply = { ok: true, data: owned };
    if (owned.buffer instanceof ArrayBuffer) transfer = [owned.buffer];
  } catch (error) {
    reply = { ok: false, message: messageOf(error) };
  }
  parentPort?.postMessage(reply, transfer);
}

const data = workerData as IndexWorkerData;
parentPort?.once('message', ({ texts }: IndexTexts) => {
  if (data.role === 'part') sendPart(data, texts);
  else void join(data, texts);
});
