import type { HttpServer } from '../http/server.js';
import type { EventBus } from './event-bus.js';

/**
 * `GET /api/v1/events`: Server-Sent Events for the caller's workspace. A comment line every
 * 25 s keeps proxies from closing an idle stream.
 */
export function eventRoutes(app: HttpServer, bus: EventBus): void {
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
    const unsubscribe = bus.subscribe(req.auth.workspaceId, (e) => {
      res.write(`event: ${e.type}\ndata: ${JSON.stringify({ ...e })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
