import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';

// HEAD of the event stream: headers only, then the response ends (Node holds a HEAD's headers
// until the response ends, so a stream that never ends would leave the client waiting forever).
describe('GET /api/v1/events', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {}, { worker: false });
    base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  it('answers HEAD with the stream headers and ends', async () => {
    const started = Date.now();
    const res = await new Promise<{ status?: number; type?: string }>((resolve, reject) => {
      const req = request(`${base}/api/v1/events`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${t.token}` },
        timeout: 5_000,
      });
      req.on('response', (r) => {
        r.resume();
        r.on('end', () => resolve({ status: r.statusCode, type: r.headers['content-type'] }));
      });
      req.on('timeout', () => reject(new Error('HEAD /api/v1/events never ended')));
      req.on('error', reject);
      req.end();
    });
    expect(res).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

// An open dashboard must not hold a graceful stop for the whole grace period (SIGTERM while
// scaling in): its stream ends at once, and EventSource reconnects to another instance.
describe('GET /api/v1/events on shutdown', () => {
  it('ends open streams so the stop does not wait for them', async () => {
    const t = await createTestApp('sqlite', { SHUTDOWN_GRACE_MS: '60000' }, { worker: false });
    const base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${t.token}` } });
    const body = res.body?.getReader();
    expect((await body?.read())?.done).toBe(false); // ": connected"
    const ended = (async () => {
      while (!(await body?.read())?.done);
      return 'stream ended';
    })();
    const within = (ms: number) => new Promise((r) => setTimeout(() => r(`still open after ${ms} ms`), ms));
    const stopped = t.close().then(() => 'stopped');
    expect(await Promise.race([ended, within(5_000)])).toBe('stream ended');
    expect(await Promise.race([stopped, within(5_000)])).toBe('stopped');
  });
});
