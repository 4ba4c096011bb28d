import type { Transaction } from 'kysely';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { OutboundWebhookRepository, OutboundWebhookRow } from './outbound-webhook.repository.js';
import { type OutboundEventType, parseEventTypes } from './outbound-webhook.schema.js';

export interface OutboundEvent {
  type: OutboundEventType;
  data: unknown;
  /** the event's own id: a subscription gets each event once */
  eventId: string;
}

/** what the caller of `stage` does once its transaction has committed */
export interface Staged {
  committed(): Promise<void>;
}

const nothing: Staged = { committed: async () => {} };
/** how long an overdue delivery may wait for its job before the sweeper assumes the job was lost */
const graceMs = 60_000;

/**
 * The transactional outbox of outbound webhooks. `stage` writes one delivery per interested
 * subscription inside the caller's transaction, so an event exists exactly when the change it
 * announces does: a crash after the commit cannot lose it, a rollback cannot send it. The
 * embedded queue writes the delivery jobs in the same transaction; with BullMQ they are enqueued
 * after the commit, and `sweep` re-enqueues any delivery whose job never came or was lost.
 */
export class OutboundOutbox {
  constructor(
    private readonly repo: OutboundWebhookRepository,
    private readonly queue: Pick<JobQueue, 'enqueue' | 'enqueueInTransaction'>,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async stage(
    trx: Transaction<Database>,
    workspaceId: string,
    events: readonly OutboundEvent[],
  ): Promise<Staged> {
    if (events.length === 0) return nothing;
    const hooks = await this.repo.listActive(workspaceId, trx);
    if (hooks.length === 0) return nothing;
    const later: string[] = [];
    const wakes: (() => void)[] = [];
    for (const event of events) {
      for (const id of await this.record(trx, workspaceId, hooks, event)) {
        const inTransaction = this.queue.enqueueInTransaction?.bind(this.queue);
        if (!inTransaction) later.push(id);
        else wakes.push((await inTransaction(trx, ...this.job(id))).committed);
      }
    }
    return {
      committed: async () => {
        for (const wake of wakes) wake();
        for (const id of later) await this.enqueue(id);
      },
    };
  }

  /**
   * `stage` in a transaction of its own, for an event that announces something already
   * committed. Never throws: a broken subscription must not fail the caller's own work.
   */
  async emitMany(workspaceId: string, events: readonly OutboundEvent[]): Promise<void> {
    try {
      const staged = await this.repo.transaction((trx) => this.stage(trx, workspaceId, events));
      await staged.committed();
    } catch (err) {
      this.log.error({ err: (err as Error).message, workspaceId }, 'outbound webhooks: emit failed');
    }
  }

  /** the `sweep-outbox` job's half: deliveries overdue by a minute get their job again */
  async sweep(limit = 500): Promise<number> {
    const now = this.clock();
    const ids = await this.repo.overdueDeliveries(new Date(now - graceMs).toISOString(), limit);
    for (const id of ids) await this.enqueue(id);
    // Not picked again before another grace period, whether its job was lost or only late.
    await this.repo.markDue(ids, new Date(now).toISOString());
    return ids.length;
  }

  /** the ids of the deliveries written (none for a subscription that has this event already) */
  private async record(
    trx: Transaction<Database>,
    workspaceId: string,
    hooks: OutboundWebhookRow[],
    e: OutboundEvent,
  ): Promise<string[]> {
    const now = this.clock();
    const createdAt = new Date(now).toISOString();
    const body = JSON.stringify({ id: e.eventId, type: e.type, createdAt, data: e.data });
    const written: string[] = [];
    for (const hook of hooks) {
      const wanted = parseEventTypes(hook.event_types);
      if (!wanted.includes('*') && !wanted.includes(e.type)) continue;
      const id = newId(now);
      const inserted = await this.repo.insertDelivery(
        {
          id,
          webhook_id: hook.id,
          workspace_id: workspaceId,
          event_type: e.type,
          event_id: e.eventId,
          body,
          status: 'pending',
          attempts: 0,
          last_status_code: null,
          last_error: null,
          created_at: createdAt,
          delivered_at: null,
          next_attempt_at: createdAt,
        },
        trx,
      );
      if (inserted) written.push(id);
    }
    return written;
  }

  private job(deliveryId: string) {
    return ['deliver-outbound-webhook', { deliveryId }, { uniqueKey: `outbound:${deliveryId}` }] as const;
  }

  private async enqueue(deliveryId: string): Promise<void> {
    try {
      await this.queue.enqueue(...this.job(deliveryId));
    } catch (err) {
      this.log.warn({ err: (err as Error).message, deliveryId }, 'outbound delivery not queued; swept later');
    }
  }
}
