/**
 * Worker-thread entry of an index build (see workerIndexBuilder): indexes the run of articles
 * whose texts come as its first message, then either sends the part to the joining worker and
 * encodes the share of the postings it is asked for, or, as the joining worker, waits for the
 * other parts, joins them (handing out shares of the postings to encode) and posts the
 * serialized index back. Typed arrays and the index bytes are transferred, not copied, and
 * the parts' postings are shared memory: at 20,000 articles they are tens of megabytes.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { unpackTexts, type PackedTexts } from './field-texts';
import { encodeIndex } from './index-codec';
import { assembleIndex, encodeTerms, evenRuns, indexPart, planJoin, type EncodedTerms, type EncodingWeights, type IndexPart, type PartPostings } from './index-build';
import type { IndexEncodeJob, IndexEncodeReply, IndexPartMessage, IndexTexts, IndexWorkerData, IndexWorkerReply } from './index-builder';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The buffers of these arrays that can be transferred: not shared memory (a part's postings), which both sides keep. */
const transferable = (arrays: ArrayBufferView[]): ArrayBuffer[] => arrays.map((array) => array.buffer).filter((buffer) => buffer instanceof ArrayBuffer);

function sendPart({ join, firstDoc }: Extract<IndexWorkerData, { role: 'part' }>, texts: PackedTexts): void {
  let message: IndexPartMessage;
  let transfer: ArrayBuffer[] = [];
  try {
    const part = indexPart(unpackTexts(texts), firstDoc);
    message = { ok: true, part };
    transfer = transferable([part.lengths, part.offsets, part.postings, part.latinStems]);
  } catch (error) {
    message = { ok: false, message: messageOf(error) };
  }
  join.postMessage(message, transfer);
  if (!message.ok) return join.close();
  // Then a share of the postings to encode, unless the joining worker closes the port first.
  join.once('message', ({ parts, weights, from, to }: IndexEncodeJob) => {
    let reply: IndexEncodeReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const run = encodeTerms(parts, weights, from, to);
      reply = { ok: true, run };
      transfer = transferable([run.bytes, run.offsets]);
    } catch (error) {
      reply = { ok: false, message: messageOf(error) };
    }
    join.postMessage(reply, transfer);
    join.close();
  });
}

/** The next message on a part worker's port: its part, then the postings it encoded. */
function nextMessage<T>(port: MessagePort): Promise<T> {
  return new Promise((resolve) => port.once('message', resolve));
}

async function receivePart(port: MessagePort): Promise<IndexPart> {
  const message = await nextMessage<IndexPartMessage>(port);
  if (!message.ok) throw new Error(message.message);
  return message.part;
}

async function encodedBy(port: MessagePort, job: IndexEncodeJob): Promise<EncodedTerms> {
  const answer = nextMessage<IndexEncodeReply>(port);
  port.postMessage(job);
  const message = await answer;
  if (!message.ok) throw new Error(message.message);
  return message.run;
}

async function join(data: Extract<IndexWorkerData, { role: 'join' }>, texts: PackedTexts): Promise<void> {
  let reply: IndexWorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const own = indexPart(unpackTexts(texts), 0);
    const parts = [own, ...(await Promise.all(data.parts.map(receivePart)))];
    const plan = planJoin(data.docIds.length, parts);
    const postings: PartPostings[] = parts.map(({ offsets, postings }) => ({ offsets, postings }));
    const weights: EncodingWeights = { globalOf: plan.globalOf, idf: plan.idf, norms: plan.norms };
    // The other workers encode a share each if they can read every part's postings (shared
    // memory); if not, copying the postings to them would cost more than it saves.
    const helpers = parts.every((part) => !(part.postings.buffer instanceof ArrayBuffer)) ? data.parts : [];
    const [mine, ...theirs] = evenRuns(plan.docFreq, helpers.length + 1);
    const encoding = helpers.map((port, i) => encodedBy(port, { parts: postings, weights, from: theirs[i]![0], to: theirs[i]![1] }));
    const runs = [encodeTerms(postings, weights, mine![0], mine![1]), ...(await Promise.all(encoding))];
    const bytes = encodeIndex(assembleIndex(data.docIds, parts, plan, runs));
    // A Buffer may be a view into a shared pool; transfer only a buffer of its own.
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    reply = { ok: true, data: owned };
    if (owned.buffer instanceof ArrayBuffer) transfer = [owned.buffer];
  } catch (error) {
    reply = { ok: false, message: messageOf(error) };
  } finally {
    for (const port of data.parts) port.close();
  }
  parentPort?.postMessage(reply, transfer);
}

const data = workerData as IndexWorkerData;
parentPort?.once('message', ({ texts }: IndexTexts) => {
  if (data.role === 'part') sendPart(data, texts);
  else void join(data, texts);
});
