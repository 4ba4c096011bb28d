import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { nowIso } from '../db/ids.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { type AccountCache, parseDelivery, toEventRows } from './delivery-events.js';
import type { InboundEventConsumer } from './inbound-event-consumer.js';
import type {
  DeliveryRow,
  EventRow,
  EventState,
  WebhookEventRepository,
} from './webhook-event.repository.js';

const sourceOf = { instagram: 'meta', chatrace: 'chatrace' } as const;
/** deliveries per process-deliveries job (sweeper, routing) */
export const deliveryBatch = 200;
/** during an ingest burst, processing may lag acknowledgement by at most this long */
export const maxBurstLagMs = 10_000;

export interface BurstPacer {
  /** resolves when no burst is going on, or at the deadline (epoch ms) */
  yieldToBurst(deadline: number): Promise<void>;
}

/**
 * Turns stored deliveries into routed events and hands them to the consumers. Works a batch at
 * a time with two commits per batch (events in, outcomes out): on SQLite every commit is an
 * fsync, so per-delivery commits would cap the whole server at a few hundred deliveries a
 * second. Idempotent: events are unique by event_key, so processing a delivery again (retry,
 * replay, sweeper) never stores or dispatches an event twice as new.
 */
export class WebhookEventService {
  constructor(
    private readonly repo: WebhookEventRepository,
    private readonly accounts: AccountRepository,
    private readonly queue: JobQueue,
    private readonly consumers: InboundEventConsumer[],
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
    private readonly pacer?: BurstPacer,
  ) {}

  async processDeliveries(deliveryIds: string[]): Promise<void> {
    const deliveries = (await this.repo.findDeliveries(deliveryIds)).filter(
      (d) => d.body !== null && d.signature_valid === 1,
    );
    if (deliveries.length === 0) return;
    const oldest = Math.min(...deliveries.map((d) => Date.parse(d.received_at)));
    await this.pacer?.yieldToBurst(oldest + maxBurstLagMs);
    const cache: AccountCache = new Map();
    const events: EventRow[] = [];
    const failed: { id: string; error: string }[] = [];
    for (const d of deliveries) {
      const parsed = await parseDelivery(d, this.accounts);
      if ('error' in parsed) {
        failed.push({ id: d.id, error: parsed.error });
        continue;
      }
      try {
        events.push(...(await toEventRows(d, parsed.events, this.accounts, cache, nowIso(this.clock))));
      } catch (err) {
        // e.g. a payload nested too deeply to serialize: a property of these bytes, so no retry helps
        failed.push({
          id: d.id,
          error: `The delivery could not be split into events: ${(err as Error).message}`,
        });
      }
    }
    await this.repo.recordEvents(
      deliveries.map((d) => d.id),
      events,
      failed,
      nowIso(this.clock),
    );
    for (const e of events) this.metrics.events.inc({ kind: e.kind, status: e.status });
    const ok = new Set(failed.map((f) => f.id));
    await this.dispatchPending(deliveries.map((d) => d.id).filter((id) => !ok.has(id)));
  }

  /** an account was connected: its earlier events are routed and processed now */
  async routeUnrouted(accountId: string): Promise<number> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.status === 'disconnected') return 0;
    const deliveries = await this.repo.claimUnrouted(
      sourceOf[account.provider],
      account.external_id,
      account.id,
      account.workspace_id,
    );
    for (let i = 0; i < deliveries.length; i += deliveryBatch) {
      await this.dispatchPending(deliveries.slice(i, i + deliveryBatch));
    }
    if (deliveries.length)
      this.log.info({ accountId, deliveries: deliveries.length }, 'routed earlier events');
    return deliveries.length;
  }

  /**
   * Re-enqueues accepted deliveries whose processing never finished (a lost job, a crash between
   * commit and enqueue). Safe at any age, since processing is idempotent, so at start-up it runs
   * with no age limit.
   */
  async sweep(olderThanMs = 60_000, limit = 1_000): Promise<number> {
    const ids = await this.repo.stalledDeliveries(new Date(this.clock() - olderThanMs).toISOString(), limit);
    for (let i = 0; i < ids.length; i += deliveryBatch) {
      await this.queue.enqueue('process-deliveries', { deliveryIds: ids.slice(i, i + deliveryBatch) });
    }
    return ids.length;
  }

  async replay(deliveryId: string, scope: { workspaceId: string; isAdmin: boolean }) {
    const d = await this.repo.findVisibleDelivery(deliveryId, scope);
    if (!d) throw errors.notFound('Delivery');
    if (d.body === null || d.signature_valid !== 1) {
      throw errors.conflict(
        'delivery_not_replayable',
        'A rejected delivery has no trusted body to process again',
      );
    }
    await this.repo.updateDelivery(d.id, { status: 'received', error: null });
    const jobId = await this.queue.enqueue(
      'process-deliveries',
      { deliveryIds: [d.id] },
      { uniqueKey: `replay:${d.id}` },
    );
    return { id: d.id, jobId, status: 'queued' as const };
  }

  /** hands the deliveries' pending (or earlier failed) events to the consumers, per account */
  private async dispatchPending(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    const states = await this.repo.eventStatesOf(deliveryIds);
    const todo = states.filter((e) => (e.status === 'pending' || e.status === 'failed') && e.account_id);
    const byAccount = new Map<string, EventRow[]>();
    for (const e of await this.repo.eventsByIds(todo.map((t) => t.id))) {
      const key = e.account_id ?? '';
      byAccount.set(key, [...(byAccount.get(key) ?? []), e]);
    }
    const at = nowIso(this.clock);
    const outcome = new Map<string, { status: EventRow['status']; error: string | null }>();
    let failure: Error | null = null;
    for (const [accountId, list] of byAccount) {
      const account = await this.accounts.findById(accountId);
      if (!account) continue;
      const result = await this.runConsumers(list, account);
      if (result) failure = result;
      for (const e of list)
        outcome.set(
          e.id,
          result ? { status: 'failed', error: result.message } : { status: 'processed', error: null },
        );
    }
    const applied = states.map((e) => ({ ...e, ...(outcome.get(e.id) ?? {}) }));
    const groups = [
      {
        ids: [...outcome].filter(([, o]) => o.status === 'processed').map(([id]) => id),
        status: 'processed' as const,
        error: null,
        at,
      },
      ...[...outcome]
        .filter(([, o]) => o.status === 'failed')
        .map(([id, o]) => ({ ids: [id], status: 'failed' as const, error: o.error, at: null })),
    ];
    await this.repo.finish(groups, summaries(deliveryIds, applied, at));
    // Thrown after recording, so the job retries with backoff and the log shows why meanwhile.
    if (failure) throw failure;
  }

  private async runConsumers(events: EventRow[], account: AccountRow): Promise<Error | null> {
    try {
      for (const c of this.consumers) await c.handle(events, account);
      return null;
    } catch (err) {
      return err as Error;
    }
  }
}

/** deliveries with the same outcome share one UPDATE: under load a batch is mostly alike */
function summaries(deliveryIds: string[], events: EventState[], at: string) {
  const byDelivery = new Map<string, EventState[]>(deliveryIds.map((id) => [id, []]));
  for (const e of events) byDelivery.get(e.delivery_id)?.push(e);
  const groups = new Map<string, { ids: string[]; patch: Partial<DeliveryRow> }>();
  for (const [id, list] of byDelivery) {
    const patch = summarize(list, at);
    const key = JSON.stringify(patch);
    const group = groups.get(key) ?? { ids: [], patch };
    group.ids.push(id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** a delivery's status follows from its events: any failed → failed, any unrouted → unrouted */
function summarize(events: EventState[], at: string): Partial<DeliveryRow> {
  const has = (s: EventRow['status']) => events.some((e) => e.status === s);
  const status = has('failed')
    ? 'failed'
    : has('unrouted')
      ? 'unrouted'
      : has('pending')
        ? 'received'
        : 'processed';
  const patch: Partial<DeliveryRow> = {
    status,
    error: events.find((e) => e.status === 'failed')?.error ?? null,
    event_count: events.length,
    processed_at: at,
  };
  const workspaces = new Set(events.map((e) => e.workspace_id));
  const accounts = new Set(events.map((e) => e.account_id));
  if (workspaces.size === 1 && [...workspaces][0]) patch.workspace_id = [...workspaces][0] ?? null;
  if (accounts.size === 1 && [...accounts][0]) patch.account_id = [...accounts][0] ?? null;
  return patch;
}
