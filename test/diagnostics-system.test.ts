import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DiagnosticReport, DiagnosticService } from '../src/diagnostics/diagnostic.service.js';
import type { CheckResult } from '../src/diagnostics/diagnostic-check.js';
import { diagnosticDeps } from '../src/diagnostics/diagnostic-deps.js';
import { BullmqJobQueue } from '../src/jobs/bullmq-queue.js';
import { createLogger } from '../src/logger.js';
import { ChatraceClient } from '../src/providers/chatrace/chatrace-client.js';
import { testClock } from '../src/providers/simulator/testing.js';
import { createTestApp, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';
import { type GraphStub, startGraphStub } from './support/graph-stub-server.js';

// Chatrace connections, the job queue and the database: each check's verdicts on real states
// (a token Chatrace refuses, an unreadable delivery, a dead job, a queue nobody works, a
// migration that is not applied) on both databases. The app runs without its worker, so the
// jobs it queues wait exactly as they would with no `relaydesk serve` running.

const find = (r: DiagnosticReport, id: string, accountId: string | null = null): CheckResult => {
  const c = r.checks.find((x) => x.id === id && (x.account?.id ?? null) === accountId);
  if (!c) throw new Error(`no ${id} for ${accountId}`);
  return c;
};

describe.each(dialects)('chatrace, jobs and database checks on %s', (dialect) => {
  const clock = testClock(Date.now());
  const apiToken = '7654321.Qm9vTGluZW5Ub2tlbg';
  let accepted = apiToken;
  let chatrace: GraphStub;
  let t: TestApp;
  let connection: { id: string; webhookToken: string };
  let diagnostics: DiagnosticService;
  const run = () => diagnostics.run({ workspaceId: null, isAdmin: true });

  beforeAll(async () => {
    chatrace = await startGraphStub();
    chatrace.on('GET', '/accounts/me', (req) =>
      req.headers['x-access-token'] === accepted
        ? { body: { page_id: 7654321, name: 'Linen bot', active: true } }
        : { status: 401, body: { message: 'No valid API key provided' } },
    );
    t = await createTestApp(dialect, { CHATRACE_API_URL: chatrace.url }, { clock, worker: false });
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { provider: 'chatrace', apiToken },
    });
    expect(res.statusCode).toBe(201);
    connection = res.json();
    diagnostics = new DiagnosticService(
      diagnosticDeps({
        config: t.app.config,
        demo: false,
        database: t.app.database,
        queue: t.app.queue,
        graph: t.app.services.graph,
        chatrace: new ChatraceClient({
          apiUrl: chatrace.url,
          timeoutMs: 2_000,
          logger: createLogger('silent'),
        }),
        secrets: t.app.services.secrets,
        clock,
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await chatrace?.close();
  });

  it('checks a Chatrace connection: the token form, GET /accounts/me, and that nothing arrived yet', async () => {
    const r = await run();
    expect(find(r, 'chatrace.token_format', connection.id)).toMatchObject({
      verdict: 'pass',
      code: 'full',
      params: { accountId: '7654321' },
    });
    expect(find(r, 'chatrace.token', connection.id)).toMatchObject({
      verdict: 'pass',
      params: { name: 'Linen bot' },
    });
    expect(find(r, 'chatrace.last_delivery', connection.id)).toMatchObject({
      verdict: 'warn',
      code: 'never',
    });
    expect(JSON.stringify(r)).not.toContain('Qm9vTGluZW5Ub2tlbg');
  });

  it('sees deliveries that arrive, and warns about ones it could not read', async () => {
    const post = (payload: object) =>
      t.app.http.inject({
        method: 'POST',
        url: '/api/v1/chatrace/webhook',
        headers: { 'content-type': 'application/json', 'x-relaydesk-token': connection.webhookToken },
        payload,
      });
    expect((await post({ senderId: 'c-1', messageId: 'c-msg-1', text: 'Привіт' })).statusCode).toBe(200);
    // No worker runs here: the delivery is processed the way its job would process it.
    const ids = (await t.tdb.db.selectFrom('webhook_events').select('id').execute()).map((r) => r.id);
    await t.app.services.events.processDeliveries(ids);
    expect(find(await run(), 'chatrace.last_delivery', connection.id)).toMatchObject({
      verdict: 'pass',
      code: 'recent',
      params: { count: 1 },
    });
    expect((await post({ something: 'else' })).statusCode).toBe(422);
    const c = find(await run(), 'chatrace.last_delivery', connection.id);
    expect(c).toMatchObject({ verdict: 'warn', code: 'unreadable', params: { count: 1 } });
    expect(c.link).toBe('/deliveries?source=chatrace&status=failed');
    expect(c.detail).toMatch(/Missing/);
  });

  it('fails the token when Chatrace refuses it, and the format when the stored token is malformed', async () => {
    accepted = 'another-token';
    expect(find(await run(), 'chatrace.token', connection.id)).toMatchObject({
      verdict: 'fail',
      code: 'refused',
      params: { status: 401 },
    });
    const broken = t.app.services.secrets.encrypt('Bearer 7654321.Qm9v');
    await t.tdb.db
      .updateTable('accounts')
      .set({ access_token_enc: broken })
      .where('id', '=', connection.id)
      .execute();
    const r = await run();
    expect(find(r, 'chatrace.token_format', connection.id)).toMatchObject({
      verdict: 'fail',
      code: 'malformed',
    });
    expect(find(r, 'chatrace.token_format', connection.id).detail).toMatch(/spaces/);
    expect(find(r, 'chatrace.token', connection.id).code).toBe('not_checked');
  });

  it('measures the lag of a queue nobody works: keeping up, behind, stuck', async () => {
    await t.tdb.db.deleteFrom('jobs').execute();
    expect(find(await run(), 'jobs.lag').code).toBe('idle');
    await t.app.queue.enqueue('sweep-deliveries', {});
    clock.advance(20_000);
    expect(find(await run(), 'jobs.lag')).toMatchObject({
      verdict: 'pass',
      code: 'keeping_up',
      params: { seconds: 20 },
    });
    clock.advance(3 * 60_000);
    expect(find(await run(), 'jobs.lag')).toMatchObject({ verdict: 'warn', code: 'behind' });
    clock.advance(15 * 60_000);
    const stuck = find(await run(), 'jobs.lag');
    expect(stuck).toMatchObject({
      verdict: 'fail',
      code: 'stuck',
      params: { name: 'sweep-deliveries', minutes: 18 },
    });
    expect(stuck.fix).toMatch(/relaydesk serve/);
    expect(find(await run(), 'jobs.queue')).toMatchObject({
      verdict: 'pass',
      code: 'embedded',
      params: { waiting: 1 },
    });
  });

  it('warns about dead jobs, with the newest error for the administrator only', async () => {
    expect(find(await run(), 'jobs.dead').code).toBe('none');
    const now = new Date(clock()).toISOString();
    await t.tdb.db
      .insertInto('jobs')
      .values({
        id: '01990000-0000-7000-8000-00000000dead',
        name: 'send-message',
        payload: '{"messageId":"m1"}',
        state: 'dead',
        unique_key: null,
        attempts: 8,
        max_attempts: 8,
        run_at: now,
        locked_until: null,
        locked_by: null,
        last_error: 'Instagram did not answer properly: (#2) Service temporarily unavailable',
        created_at: now,
        updated_at: now,
        finished_at: now,
      })
      .execute();
    const dead = find(await run(), 'jobs.dead');
    expect(dead).toMatchObject({ verdict: 'warn', code: 'dead', params: { count: 1, name: 'send-message' } });
    expect(dead.detail).toMatch(/Service temporarily unavailable/);
    const owner = find(await diagnostics.run({ workspaceId: null, isAdmin: false }), 'jobs.dead');
    expect(owner).toMatchObject({ code: 'dead', detail: null });
  });

  it('passes the database and its disk, and fails a migration that is not applied', async () => {
    let r = await run();
    expect(find(r, 'database.reachable')).toMatchObject({
      verdict: 'pass',
      params: { kind: dialect === 'postgres' ? 'PostgreSQL' : 'SQLite' },
    });
    expect(find(r, 'database.migrations').code).toBe('current');
    expect(find(r, 'database.disk').verdict).not.toBe('fail');
    const name = '20261122_0920_auto_posts';
    const row = await t.tdb.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .where('name' as never, '=', name as never)
      .executeTakeFirstOrThrow();
    await t.tdb.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', name as never)
      .execute();
    try {
      r = await run();
      expect(find(r, 'database.migrations')).toMatchObject({
        verdict: 'fail',
        code: 'pending',
        params: { count: 1, names: name },
      });
      expect(r.verdict).toBe('fail');
    } finally {
      await t.tdb.db
        .insertInto('kysely_migration' as never)
        .values(row as never)
        .execute();
    }
  });
});

describe('jobs checks on BullMQ', () => {
  it('finds the oldest job waiting in Redis, and fails when Redis does not answer', async () => {
    const t = await createTestApp('sqlite', {}, { worker: false });
    const prefix = `rddiag-${randomBytes(5).toString('hex')}`;
    const queue = new BullmqJobQueue({
      redisUrl: inject('redisUrl'),
      logger: createLogger('silent'),
      prefix,
    });
    const gone = new BullmqJobQueue({
      redisUrl: 'redis://127.0.0.1:1',
      logger: createLogger('silent'),
      prefix,
      connectTimeoutMs: 500,
    });
    const deps = (q: BullmqJobQueue, clock: () => number) =>
      diagnosticDeps({
        config: t.app.config,
        demo: false,
        database: t.app.database,
        queue: q,
        graph: t.app.services.graph,
        chatrace: new ChatraceClient({
          apiUrl: 'http://127.0.0.1:1',
          timeoutMs: 500,
          logger: createLogger('silent'),
        }),
        secrets: t.app.services.secrets,
        clock,
      });
    try {
      await queue.enqueue('sweep-deliveries', {});
      await queue.enqueue('cleanup', {});
      const later = () => Date.now() + 11 * 60_000;
      const r = await new DiagnosticService(deps(queue, later)).run({ workspaceId: null, isAdmin: true });
      expect(find(r, 'jobs.queue')).toMatchObject({
        verdict: 'pass',
        code: 'redis',
        params: { waiting: 2 },
      });
      expect(find(r, 'jobs.lag')).toMatchObject({
        verdict: 'fail',
        code: 'stuck',
        params: { name: 'sweep-deliveries' },
      });
      const down = await new DiagnosticService(deps(gone, Date.now)).run({
        workspaceId: null,
        isAdmin: true,
      });
      expect(find(down, 'jobs.queue')).toMatchObject({ verdict: 'fail', code: 'unreachable' });
      expect(find(down, 'jobs.lag').code).toBe('not_checked');
      expect(find(down, 'jobs.dead').code).toBe('not_checked');
    } finally {
      await queue.close();
      await gone.close();
      await t.close();
    }
  });
});
