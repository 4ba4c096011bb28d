import type { JobQueue } from '../jobs/job-queue.js';
import type { Metrics } from '../metrics.js';
import type { HttpServer } from './server.js';

export interface HealthDeps {
  pingDb: () => Promise<boolean>;
  queue: JobQueue;
  metrics: Metrics;
  /** false while the process shuts down, so a load balancer stops sending work first */
  accepting: () => boolean;
}

export function healthRoutes(app: HttpServer, deps: HealthDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const [database, queue] = await Promise.all([deps.pingDb(), deps.queue.ping()]);
    const ready = database && queue && deps.accepting();
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not_ready',
      checks: { database, queue, accepting: deps.accepting() },
    });
  });

  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    let jobs = '';
    try {
      const counts = await deps.queue.counts();
      jobs = [
        '# HELP relaydesk_jobs Jobs by state',
        '# TYPE relaydesk_jobs gauge',
        ...Object.entries(counts).map(([state, n]) => `relaydesk_jobs{state="${state}"} ${n}`),
        '',
      ].join('\n');
    } catch {
      // the queue being down is reported by /readyz; metrics still answer
    }
    const body = (await deps.metrics.registry.metrics()) + jobs;
    return reply.type(deps.metrics.registry.contentType).send(body);
  });
}
