import type { ServerResponse } from 'node:http';
import type { HttpServer } from '../http/server.js';
import type { EventBus } from './event-bus.js';

/**
 * `GET /api/v1/events`: Server-Sent Events for the caller's workspace. A comment line every
 * 25 s keeps proxies from closing an idle stream.
 */
export function eventRoutes(app: HttpServer, bus: EventBus): void {
  const open = new Set<ServerResponse>();
  // A stream never finishes by itself, so a graceful stop would wait out its whole grace period
  // for each open dashboard. Ending them first is safe: EventSource reconnects on its own, through
  // the balancer, to an instance that is staying.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/v1/events', { schema: { tags: ['events'] } }, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // HEAD has no body, so Node would hold the headers back for good: answer them and stop.
    if (req.method === 'HEAD') return void res.end();
    res.write(': connected\n\n');
    open.add(res);
    const unsubscribe = bus.subscribe(req.auth.workspaceId, (e) => {
      res.write(`event: ${e.type}\ndata: ${JSON.stringify({ ...e })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.raw.on('close', () => {
      open.delete(res);
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
