/**
 * The preview's HTTP server at its limits, over a real socket: an oversized request body gets
 * a 413 answer the client can read, not a reset connection, and nothing reaches the service.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startPreview } from '../support/preview';
import { removeTempDirs } from '../support/temp';

afterAll(removeTempDirs);

function post(url: string, token: string, body: Buffer, declareLength: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    if (declareLength) headers['content-length'] = String(body.length);
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the preview server', () => {
  it('answers 413 to a request body over 1 MB, declared or streamed, and stays up', async () => {
    const preview = await startPreview({ bundledFeedDir: null });
    try {
      const big = Buffer.from(JSON.stringify({ args: [{ text: 'x'.repeat(2 * 1024 * 1024) }] }));
      const url = `${preview.server.origin}/api/call/search`;
      for (const declared of [true, false]) {
        const answer = await post(url, preview.server.token, big, declared);
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/larger than 1048576 bytes/) } });
      }
      const small = await post(`${preview.server.origin}/api/call/getAppInfo`, preview.server.token, Buffer.from('{"args":[]}'), true);
      expect(small.status).toBe(200);
      expect(JSON.parse(small.text)).toMatchObject({ ok: true, value: { transport: 'http', lockedSettings: [], notices: [] } });
    } finally {
      await preview.stop();
    }
  });
});
