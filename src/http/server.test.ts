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
