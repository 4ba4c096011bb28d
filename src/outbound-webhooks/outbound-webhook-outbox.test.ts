import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import type { AuthContext } from '../auth/session-token.js';
import { backoffDelay, type EnqueueOptions, type JobQueue } from '../jobs/job-queue.js';
import { SqlJobQueue } from '../jobs/sql-queue.js';
import { createLogger } from '../logger.js';
import { createSecrets } from '../secrets.js';
import { OutboundWebhookRepository } from './outbound-webhook.repository.js';
import { OUTBOUND_RETRY, OutboundWebhookService } from './outbound-webhook.service.js';
import { OutboundOutbox } from './outbound-webhook-outbox.js';

// The outbound-webhook outbox on both databases: an event staged in a transaction exists exactly
// when the transaction commits (with its job, on the embedded queue), and a delivery whose job was
// lost is queued again by the sweeper once overdue, but not while it waits for its retry.

describe.each(dialects)('outbound webhook outbox on %s', (dialect) => {
  let tdb: TestDatabase;
  let repo: OutboundWebhookRepository;
  let now = Date.parse('2026-03-01T10:00:00Z');
  const clock = () => now;
  const log = createLogger('silent');
  const event = { type: 'message.received' as const, data: { text: 'Привіт' }, eventId: 'received:m1' };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new OutboundWebhookRepository(tdb.db);
  });
  afterAll(async () => tdb?.drop());
  beforeEach(async () => {
    for (const table of ['outbound_deliveries', 'outbound_webhooks', 'jobs'] as const)
      await tdb.db.deleteFrom(table).execute();
    const at = new Date(now).toISOString();
    await repo.insert({
      ...{ id: 'hook-1', workspace_id: 'ws-1', url: 'https://bot.example.com/hook', secret_enc: 'x' },
      ...{ event_types: '["*"]', is_active: 1, created_at: at, updated_at: at },
    });
  });

  const deliveries = () => tdb.db.selectFrom('outbound_deliveries').selectAll().execute();
  const jobs = () =>
    tdb.db.selectFrom('jobs').select(['name', 'payload', 'unique_key', 'state']).orderBy('id').execute();

  it('writes an event and its delivery job in the commit of the change it announces, or not at all', async () => {
    const outbox = new OutboundOutbox(
      repo,
      new SqlJobQueue({ db: tdb.db, dialect, logger: log }),
      log,
      clock,
    );
    await expect(
      tdb.db.transaction().execute(async (trx) => {
        await outbox.stage(trx, 'ws-1', [event]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await deliveries()).toEqual([]);
    expect(await jobs()).toEqual([]);

    // committed, and nothing done after the commit (a crash): the delivery and its job are there
    await tdb.db.transaction().execute((trx) => outbox.stage(trx, 'ws-1', [event]));
    const [row] = await deliveries();
    expect(row).toMatchObject({ event_id: 'received:m1', status: 'pending', attempts: 0 });
    expect(row?.next_attempt_at).toBe(new Date(now).toISOString());
    expect(await jobs()).toEqual([
      {
        name: 'deliver-outbound-webhook',
        payload: JSON.stringify({ deliveryId: row?.id }),
        unique_key: `outbound:${row?.id}`,
        state: 'waiting',
      },
    ]);
    // the same event again (a retried job): nothing new
    await tdb.db.transaction().execute((trx) => outbox.stage(trx, 'ws-1', [event]));
    expect(await deliveries()).toHaveLength(1);
    expect(await jobs()).toHaveLength(1);
  });

  it('re-enqueues an overdue delivery whose job never came, and leaves one waiting for its retry', async () => {
    const enqueued: { deliveryId: string; opts?: EnqueueOptions }[] = [];
    let reachable = false;
    const queue = {
      async enqueue(_name: string, payload: { deliveryId: string }, opts?: EnqueueOptions) {
        if (!reachable) throw new Error('Redis is down');
        enqueued.push({ deliveryId: payload.deliveryId, opts });
        return 'job';
      },
    } as unknown as JobQueue;
    const outbox = new OutboundOutbox(repo, queue, log, clock);
    // committed; the enqueue after the commit fails: logged, not thrown, the delivery is kept
    const staged = await tdb.db.transaction().execute((trx) => outbox.stage(trx, 'ws-1', [event]));
    await staged.committed();
    const [lost] = await deliveries();
    expect(enqueued).toEqual([]);

    // a second delivery whose first attempt failed: its retry is due later
    reachable = true;
    const busy = (async () => new Response('busy', { status: 503 })) as unknown as typeof fetch;
    const service = new OutboundWebhookService(repo, createSecrets('k'.repeat(64)), queue, log, clock, busy);
    const owner = { workspaceId: 'ws-2', userId: 'u-2', role: 'owner' } as AuthContext;
    await service.create(owner, { url: 'https://crm.example.com/hook', eventTypes: ['*'] });
    await service.emit('ws-2', 'comment.created', { text: 'Ціна?' }, 'comment:c1');
    const waiting = (await deliveries()).find((d) => d.workspace_id === 'ws-2');
    enqueued.length = 0;
    await expect(service.deliver(waiting?.id as string, 3)).rejects.toThrow(/503/);
    const afterFailure = (await deliveries()).find((d) => d.id === waiting?.id);
    const retryBy = now + backoffDelay(OUTBOUND_RETRY, 3, () => 1);
    expect(afterFailure?.next_attempt_at).toBe(new Date(retryBy).toISOString());

    now += 59_000;
    expect(await outbox.sweep()).toBe(0);
    now += 2_000;
    expect(await outbox.sweep()).toBe(1);
    expect(enqueued).toEqual([{ deliveryId: lost?.id, opts: { uniqueKey: `outbound:${lost?.id}` } }]);
    // not again before another grace period, whether its job runs now or is lost again
    expect(await outbox.sweep()).toBe(0);
    now = retryBy + 61_000;
    expect(await outbox.sweep()).toBe(2);
  });
});
