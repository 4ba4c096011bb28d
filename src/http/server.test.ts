import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { closeGracefully, createHttpServer } from './server.js';

// A socket busy with a request when the close begins is not idle at Node's one-time idle sweep;
// once answered it must not hold the close for the keep-alive timeout (72 s in Fastify).
describe('closeGracefully', () => {
  async function serverWithClient(answerAfterMs: number) {
    const app = await createHttpServer({ logger: createLogger('silent'), trustProxy: false });
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, answerAfterMs));
      return { ok: true };
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const socket = await new Promise<Socket>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
    });
    const answers: string[] = [];
    socket.on('data', (d) => answers.push(d.toString().split('\r\n')[0] ?? ''));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    return { app, socket, answers, closed };
  }

  it('lets a request in flight finish, then closes its keep-alive socket at once', async () => {
    const { app, socket, answers, closed } = await serverWithClient(200);
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await closeGracefully(app, 30_000);
    await closed;
    expect(answers[0]).toBe('HTTP/1.1 200 OK');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cuts off a request still running after the grace period', async () => {
    const { app, socket, closed } = await serverWithClient(60_000);
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await closeGracefully(app, 300);
    await closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

// Requests refused before routing (by Node's parser or Fastify's router) get the same error shape
// and stable codes as every other error (docs/errors.md), not Fastify's own `"Bad Request"`.
describe('errors before routing', () => {
  async function rawAnswer(request: string) {
    const app = await createHttpServer({ logger: createLogger('silent'), trustProxy: false });
    app.get('/things/:id', async () => ({ ok: true }));
    const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
    try {
      const raw = await new Promise<string>((resolve) => {
        const chunks: Buffer[] = [];
        const s = connect(port, '127.0.0.1', () => s.write(request));
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('error', () => undefined);
        s.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
    } finally {
      await app.close();
    }
  }

  it.each([
    ['a space in the request line', 'GET /things/a b HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request'],
    [
      'broken chunked framing',
      'POST /things/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      400,
      'bad_request',
    ],
    [
      'headers over 16 KB',
      `GET /things/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'headers_too_large',
    ],
    [
      'a path that does not decode',
      'GET /things/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
      'bad_request',
    ],
    [
      'an id over 100 characters',
      `GET /things/${'a'.repeat(150)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      414,
      'uri_too_long',
    ],
  ])('%s → %i %s', async (_what, request, status, code) => {
    const res = await rawAnswer(request);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: code, statusCode: status, requestId: expect.any(String) });
  });
});
