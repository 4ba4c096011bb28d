import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';
import type { AuthContext } from '../auth/session-token.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { createLogger } from '../logger.js';
import { jobRoutes } from './job.routes.js';
import { type JobHandlers, type JobName, jobNames } from './job-queue.js';
import { SqlJobQueue } from './sql-queue.js';

const logger = createLogger('silent');

describe('job routes', () => {
  let tdb: TestDatabase;
  let queue: SqlJobQueue;
  let app: HttpServer;
  let deadId: string;

  const as = (who: 'admin' | 'owner') => ({ 'x-test-user': who });

  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    queue = new SqlJobQueue({ db: tdb.db, dialect: 'sqlite', logger });
    // a job that fails its only attempt is dead
    const fail = {
      handler: async (): Promise<void> => {
        throw new Error('graph timeout');
      },
      retry: { attempts: 1, backoffMs: 1 },
    };
    const all: JobHandlers = Object.fromEntries(jobNames.map((n) => [n, fail])) as Record<
      JobName,
      typeof fail
    >;
    await queue.start(all);
    deadId = await queue.enqueue('process-deliveries', { deliveryIds: ['d-1'] });
    const deadline = Date.now() + 10_000;
    while ((await queue.get(deadId))?.state !== 'dead') {
      if (Date.now() > deadline) throw new Error('the job did not die');
      await new Promise((r) => setTimeout(r, 20));
    }
    // stopped, so a retried job stays waiting where the test can see it
    await queue.stop();

    app = await createHttpServer({ logger, trustProxy: false });
    app.addHook('onRequest', async (req) => {
      const isAdmin = req.headers['x-test-user'] === 'admin';
      req.auth = {
        userId: 'u-1',
        workspaceId: 'w-1',
        role: 'owner',
        isAdmin,
        via: 'session',
      } satisfies AuthContext;
    });
    jobRoutes(app, queue);
  });
  afterAll(async () => {
    await app.close();
    await queue.close();
    await tdb.drop();
  });

  it('refuses everyone but an admin', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/jobs/counts'],
      ['GET', '/api/v1/jobs?state=dead'],
      ['POST', `/api/v1/jobs/${deadId}/retry`],
    ] as const) {
      const res = await app.inject({ method, url, headers: as('owner') });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('forbidden');
    }
    expect((await queue.get(deadId))?.state).toBe('dead');
  });

  it('counts jobs by state', async () => {
    const res = await app.inject({ url: '/api/v1/jobs/counts', headers: as('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ waiting: 0, delayed: 0, active: 0, completed: 0, dead: 1 });
  });

  it('lists dead jobs with their last error, and validates the query', async () => {
    const res = await app.inject({ url: '/api/v1/jobs?state=dead&limit=50', headers: as('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: deadId,
          name: 'process-deliveries',
          payload: { deliveryIds: ['d-1'] },
          state: 'dead',
          attempts: 1,
          lastError: 'graph timeout',
          createdAt: expect.any(String),
          finishedAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    const waiting = await app.inject({ url: '/api/v1/jobs?state=waiting', headers: as('admin') });
    expect(waiting.json().items).toEqual([]);
    for (const bad of ['state=lost', 'limit=0', 'limit=101']) {
      const r = await app.inject({ url: `/api/v1/jobs?${bad}`, headers: as('admin') });
      expect(r.statusCode).toBe(400);
    }
  });

  it('retries a dead job once, and answers 404 for anything else', async () => {
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/jobs/no-such-job/retry',
      headers: as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found');

    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${deadId}/retry`,
      headers: as('admin'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: deadId, state: 'waiting' });
    expect((await queue.counts()).waiting).toBe(1);

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${deadId}/retry`,
      headers: as('admin'),
    });
    expect(again.statusCode).toBe(404);
  });
});
