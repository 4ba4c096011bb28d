import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { capturingLogger } from '../../test/support/graph-stub-server.js';
import { seedWorkspaces } from '../../test/support/workspaces.js';
import { createSessionTokens } from '../auth/session-token.js';
import { authenticate } from '../http/authenticate.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { backoffDelay, type EnqueueOptions, type JobQueue } from '../jobs/job-queue.js';
import { createSecrets } from '../secrets.js';
import { OutboundWebhookRepository } from './outbound-webhook.repository.js';
import { outboundWebhookJob, outboundWebhookRoutes } from './outbound-webhook.routes.js';
import { OUTBOUND_RETRY, OutboundWebhookService } from './outbound-webhook.service.js';
import { verifySignature } from './outbound-webhook-signature.js';

/** The receiver's own check, written from the README's description, not with our helper. */
function receiverAccepts(header: string | undefined, raw: string, secret: string, nowMs: number): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m?.[1] || !m[2]) return false;
  if (Math.abs(nowMs / 1000 - Number(m[1])) > 300) return false;
  const mac = createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest();
  return timingSafeEqual(mac, Buffer.from(m[2], 'hex'));
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  accepted: boolean;
}

describe.each(dialects)('outbound webhooks on %s', (dialect) => {
  let tdb: TestDatabase;
  let http: HttpServer;
  let service: OutboundWebhookService;
  let receiver: Server;
  let receiverUrl = '';
  const { logger, lines } = capturingLogger();
  let now = Date.parse('2026-03-01T10:00:00Z');
  const clock = () => now;
  const secrets = createSecrets(randomBytes(32).toString('hex'));
  const tokens = createSessionTokens(new Uint8Array(randomBytes(32)), 3600, clock);
  const session = { owner: '', agent: '', other: '' };
  let workspaceId = '';
  let otherWorkspaceId = '';
  const enqueued: { payload: { deliveryId: string }; opts?: EnqueueOptions }[] = [];
  const queue = {
    async enqueue(_name: string, payload: { deliveryId: string }, opts?: EnqueueOptions) {
      enqueued.push({ payload, opts });
      return `job-${enqueued.length}`;
    },
  } as unknown as JobQueue;

  // The receiver: checks every request with receiverAccepts at ITS clock, answers 401 to a bad
  // signature, otherwise the next planned status (200 when the plan is empty).
  const received: Received[] = [];
  let plan: number[] = [];
  let receiverSecret = '';
  let receiverNow = () => now;
  const shownSecrets: string[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const seeded = await seedWorkspaces(tdb.db, tokens);
    Object.assign(session, seeded.session);
    workspaceId = seeded.owner.workspace_id;
    otherWorkspaceId = seeded.other.workspace_id;
    service = new OutboundWebhookService(
      new OutboundWebhookRepository(tdb.db),
      secrets,
      queue,
      logger,
      clock,
    );
    http = await createHttpServer({ logger, trustProxy: false });
    await http.register(async (api: HttpServer) => {
      api.addHook('onRequest', authenticate(tokens));
      outboundWebhookRoutes(api, service);
    });
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const accepted = receiverAccepts(
          req.headers['x-relaydesk-signature'] as string | undefined,
          body,
          receiverSecret,
          receiverNow(),
        );
        received.push({ headers: req.headers, body, accepted });
        res.statusCode = accepted ? (plan.shift() ?? 200) : 401;
        res.end(accepted ? 'ok' : 'bad signature');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/relaydesk`;
  });

  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
    await http?.close();
    await tdb?.drop();
  });

  beforeEach(async () => {
    // Every test starts with no subscriptions, so emit() reaches only the one the test creates.
    await tdb.db.deleteFrom('outbound_deliveries').execute();
    await tdb.db.deleteFrom('outbound_webhooks').execute();
    enqueued.length = 0;
    received.length = 0;
    plan = [];
    receiverNow = () => now;
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, bearer: string, payload?: object) =>
    http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${bearer}` },
      ...(payload ? { payload } : {}),
    });

  async function subscribe(eventTypes: string[] = ['*'], as = session.owner, url = receiverUrl) {
    const res = await call('POST', '/api/v1/outbound-webhooks', as, { url, eventTypes });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { id: string; secret: string };
    shownSecrets.push(created.secret);
    receiverSecret = created.secret;
    return created;
  }
  const deliveryRows = (webhookId: string) =>
    tdb.db.selectFrom('outbound_deliveries').selectAll().where('webhook_id', '=', webhookId).execute();
  const onlyDelivery = async (webhookId: string) => {
    const rows = await deliveryRows(webhookId);
    expect(rows).toHaveLength(1);
    return rows[0] as NonNullable<(typeof rows)[0]>;
  };

  it('shows the secret once and stores it only encrypted', async () => {
    const res = await call('POST', '/api/v1/outbound-webhooks', session.owner, {
      url: receiverUrl,
      eventTypes: ['message.received', 'message.received', 'comment.created'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.json();
    shownSecrets.push(created.secret);
    expect(created).toEqual({
      id: expect.any(String),
      url: receiverUrl,
      eventTypes: ['message.received', 'comment.created'],
      isActive: true,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
    const list = await call('GET', '/api/v1/outbound-webhooks', session.agent);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((w: { id: string }) => w.id)).toEqual([created.id]);
    expect(list.body).not.toContain(created.secret.slice(6));
    expect(list.json().items[0]).not.toHaveProperty('secret');
    const row = await tdb.db
      .selectFrom('outbound_webhooks')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    expect(secrets.decrypt(row.secret_enc)).toBe(created.secret);
  });

  it('lets only an owner write, and validates url and event types', async () => {
    const hook = await subscribe();
    const body = { url: receiverUrl, eventTypes: ['*'] };
    expect((await call('POST', '/api/v1/outbound-webhooks', session.agent, body)).statusCode).toBe(403);
    expect(
      (await call('PATCH', `/api/v1/outbound-webhooks/${hook.id}`, session.agent, { isActive: false }))
        .statusCode,
    ).toBe(403);
    expect((await call('DELETE', `/api/v1/outbound-webhooks/${hook.id}`, session.agent)).statusCode).toBe(
      403,
    );
    for (const bad of [
      { url: 'http://example.com/hook', eventTypes: ['*'] },
      { url: 'https://user:pw@example.com/hook', eventTypes: ['*'] },
      { url: 'ftp://127.0.0.1/hook', eventTypes: ['*'] },
      { url: 'https://example.com/hook', eventTypes: ['message.exploded'] },
      { url: 'https://example.com/hook', eventTypes: [] },
    ]) {
      const res = await call('POST', '/api/v1/outbound-webhooks', session.owner, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error).toBe('validation_failed');
    }
    // another workspace cannot see or touch it
    expect((await call('PATCH', `/api/v1/outbound-webhooks/${hook.id}`, session.other, {})).statusCode).toBe(
      404,
    );
    expect(
      (await call('GET', `/api/v1/outbound-webhooks/${hook.id}/deliveries`, session.other)).statusCode,
    ).toBe(404);
    now += 1000;
    const patched = await call('PATCH', `/api/v1/outbound-webhooks/${hook.id}`, session.owner, {
      url: 'https://bot.example.com/in',
      eventTypes: ['post.published'],
      isActive: false,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      url: 'https://bot.example.com/in',
      eventTypes: ['post.published'],
      isActive: false,
      updatedAt: new Date(now).toISOString(),
    });
    expect((await call('DELETE', `/api/v1/outbound-webhooks/${hook.id}`, session.owner)).statusCode).toBe(
      204,
    );
    expect((await call('GET', '/api/v1/outbound-webhooks', session.owner)).json().items).toEqual([]);
  });

  it('delivers an emitted event, signed, with the documented headers and exact body', async () => {
    const hook = await subscribe(['message.received']);
    await service.emit(workspaceId, 'message.received', { text: 'ціна?', conversationId: 'c1' }, 'evt-1');
    await service.emit(workspaceId, 'comment.created', { text: 'not subscribed' }, 'evt-2');
    expect(enqueued).toHaveLength(1);
    const d = await onlyDelivery(hook.id);
    expect(enqueued[0]).toEqual({ payload: { deliveryId: d.id }, opts: { uniqueKey: `outbound:${d.id}` } });
    await service.deliver(d.id, 1);
    expect(received).toHaveLength(1);
    const got = received[0] as Received;
    expect(got.accepted).toBe(true);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-relaydesk-event']).toBe('message.received');
    expect(got.headers['x-relaydesk-delivery']).toBe(d.id);
    expect(got.headers['x-relaydesk-signature']).toMatch(new RegExp(`^t=${now / 1000},v1=[0-9a-f]{64}$`));
    expect(got.body).toBe(
      JSON.stringify({
        id: 'evt-1',
        type: 'message.received',
        createdAt: new Date(now).toISOString(),
        data: { text: 'ціна?', conversationId: 'c1' },
      }),
    );
    const after = await onlyDelivery(hook.id);
    expect(after).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_status_code: 200,
      last_error: null,
    });
    expect(after.delivered_at).toBe(new Date(now).toISOString());
    // a duplicate job for a delivered row sends nothing
    await service.deliver(d.id, 1);
    expect(received).toHaveLength(1);

    const log = await call(
      'GET',
      `/api/v1/outbound-webhooks/${hook.id}/deliveries?status=delivered`,
      session.agent,
    );
    expect(log.statusCode).toBe(200);
    expect(log.json()).toEqual({
      items: [
        expect.objectContaining({
          id: d.id,
          eventId: 'evt-1',
          status: 'delivered',
          attempts: 1,
          lastStatusCode: 200,
        }),
      ],
      nextCursor: null,
    });
    const none = await call(
      'GET',
      `/api/v1/outbound-webhooks/${hook.id}/deliveries?status=failed`,
      session.owner,
    );
    expect(none.json().items).toEqual([]);

    // what a receiver sees can be verified by our helper too, and tampering or replay is caught
    const header = got.headers['x-relaydesk-signature'] as string;
    expect(verifySignature(header, got.body, receiverSecret, 300, now)).toBe(true);
    const tampered = got.body.replace('ціна?', 'free?');
    expect(receiverAccepts(header, tampered, receiverSecret, now)).toBe(false);
    expect(verifySignature(header, tampered, receiverSecret, 300, now)).toBe(false);
    expect(receiverAccepts(header, got.body, receiverSecret, now + 10 * 60_000)).toBe(false);
    expect(verifySignature(header, got.body, receiverSecret, 300, now + 10 * 60_000)).toBe(false);
    expect(verifySignature(header, got.body, 'whsec_wrong', 300, now)).toBe(false);
  });

  it('a receiver that rejects an old timestamp makes the delivery retry', async () => {
    const hook = await subscribe();
    await service.emit(workspaceId, 'post.published', { postId: 'p1' }, 'evt-old');
    const d = await onlyDelivery(hook.id);
    receiverNow = () => now + 10 * 60_000; // the request arrives 10 minutes after it was signed
    await expect(service.deliver(d.id, 1)).rejects.toThrow(/HTTP 401/);
    expect(received[0]?.accepted).toBe(false);
    expect(await onlyDelivery(hook.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 401,
      last_error: 'HTTP 401: bad signature',
    });
  });

  it('retries: 500 twice, then delivered on the 3rd attempt', async () => {
    const hook = await subscribe();
    plan = [500, 500];
    await service.emit(workspaceId, 'message.sent', { messageId: 'm1' }, 'evt-retry');
    const d = await onlyDelivery(hook.id);
    await expect(service.deliver(d.id, 1)).rejects.toThrow(/HTTP 500/);
    expect(await onlyDelivery(hook.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 500,
    });
    await expect(service.deliver(d.id, 2)).rejects.toThrow(/HTTP 500/);
    await service.deliver(d.id, 3);
    expect(received.map((r) => r.accepted)).toEqual([true, true, true]);
    expect(await onlyDelivery(hook.id)).toMatchObject({
      status: 'delivered',
      attempts: 3,
      last_status_code: 200,
      last_error: null,
    });
  });

  it('marks the delivery failed on the final attempt, then redelivers it on request', async () => {
    const hook = await subscribe();
    plan = [503];
    await service.emit(workspaceId, 'message.failed', { messageId: 'm2' }, 'evt-final');
    const d = await onlyDelivery(hook.id);
    // The job wrapper passes ctx.attempt through; the last attempt does not throw.
    const job = outboundWebhookJob(service);
    expect(job.retry).toBe(OUTBOUND_RETRY);
    await job.handler({ deliveryId: d.id }, { attempt: OUTBOUND_RETRY.attempts } as never);
    expect(await onlyDelivery(hook.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_status_code: 503,
      last_error: 'HTTP 503: ok',
    });
    const failed = await call(
      'GET',
      `/api/v1/outbound-webhooks/${hook.id}/deliveries?status=failed`,
      session.owner,
    );
    expect(failed.json().items.map((i: { id: string }) => i.id)).toEqual([d.id]);

    expect(
      (await call('POST', `/api/v1/outbound-deliveries/${d.id}/redeliver`, session.agent)).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/v1/outbound-deliveries/${d.id}/redeliver`, session.other)).statusCode,
    ).toBe(404);
    enqueued.length = 0;
    const res = await call('POST', `/api/v1/outbound-deliveries/${d.id}/redeliver`, session.owner);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id: d.id, status: 'pending' });
    expect(enqueued).toEqual([{ payload: { deliveryId: d.id }, opts: { uniqueKey: `outbound:${d.id}` } }]);
    await job.handler({ deliveryId: d.id }, { attempt: 1 } as never);
    expect(await onlyDelivery(hook.id)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_status_code: 200,
    });
    expect(received).toHaveLength(2);
  });

  it('records an unreachable receiver without a status code', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const hook = await subscribe(['*'], session.owner, `http://127.0.0.1:${port}/gone`);
    await service.emit(workspaceId, 'message.received', {}, 'evt-refused');
    const d = await onlyDelivery(hook.id);
    await expect(service.deliver(d.id, 1)).rejects.toThrow(/ECONNREFUSED/);
    expect(await onlyDelivery(hook.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: null,
      last_error: 'ECONNREFUSED',
    });
  });

  it('emitting the same event twice stores and delivers it once', async () => {
    const hook = await subscribe();
    await service.emit(workspaceId, 'comment.created', { commentId: 'k1' }, 'evt-dup');
    now += 5000;
    await service.emit(workspaceId, 'comment.created', { commentId: 'k1' }, 'evt-dup');
    expect(enqueued).toHaveLength(1);
    for (const e of enqueued) await service.deliver(e.payload.deliveryId, 1);
    expect(received).toHaveLength(1);
    expect((await onlyDelivery(hook.id)).status).toBe('delivered');
  });

  it("sends nothing to another workspace's or a paused subscription", async () => {
    const mine = await subscribe(['*']);
    const theirs = await subscribe(['*'], session.other);
    await service.emit(otherWorkspaceId, 'account.status_changed', { status: 'expired' }, 'evt-theirs');
    expect(await deliveryRows(mine.id)).toHaveLength(0);
    expect(await deliveryRows(theirs.id)).toHaveLength(1);
    await call('PATCH', `/api/v1/outbound-webhooks/${mine.id}`, session.owner, { isActive: false });
    await service.emit(workspaceId, 'conversation.assigned', { to: 'u1' }, 'evt-paused');
    expect(await deliveryRows(mine.id)).toHaveLength(0);
    expect(await deliveryRows(theirs.id)).toHaveLength(1);
    expect(enqueued).toHaveLength(1);
  });

  it('retries for about a day in all', () => {
    let total = 0;
    for (let a = 1; a < OUTBOUND_RETRY.attempts; a++) total += backoffDelay(OUTBOUND_RETRY, a, () => 0.5);
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('never logs a signing secret', () => {
    expect(shownSecrets.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const s of shownSecrets) expect(all).not.toContain(s.slice(6));
  });
});
