import type { ExpressionBuilder, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type {
  Database,
  DeliveryStatus,
  InboundEventStatus,
  InboundEventTable,
  WebhookEventTable,
} from '../db/schema.js';

export type DeliveryRow = WebhookEventTable;
export type EventRow = InboundEventTable;
export type EventState = Pick<
  EventRow,
  'id' | 'delivery_id' | 'status' | 'error' | 'account_id' | 'workspace_id'
>;

export interface InsertResult {
  id: string;
  /** true when the same bytes were stored before; `id` is then the earlier delivery */
  duplicate: boolean;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  source?: DeliveryRow['source'];
  signatureValid?: boolean;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** whose deliveries a caller sees: its workspace's, plus (instance admin) those owned by nobody yet */
export interface Scope {
  workspaceId: string;
  isAdmin: boolean;
}

export class WebhookEventRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores a batch of deliveries in ONE transaction. A delivery whose dedupe_key exists already
   * is not stored again; its earlier row counts the redelivery instead.
   */
  async insertDeliveries(
    rows: DeliveryRow[],
    /** runs inside the same transaction (the job outbox) */
    alsoInTransaction?: (trx: Transaction<Database>, results: InsertResult[]) => Promise<void>,
  ): Promise<InsertResult[]> {
    return this.db.transaction().execute(async (trx) => {
      const results = await this.insertDeliveriesIn(trx, rows);
      await alsoInTransaction?.(trx, results);
      return results;
    });
  }

  private async insertDeliveriesIn(trx: Transaction<Database>, rows: DeliveryRow[]): Promise<InsertResult[]> {
    const inserted = await trx
      .insertInto('webhook_events')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    const insertedIds = new Set(inserted.map((r) => r.id));
    const dupKeys = rows.filter((r) => !insertedIds.has(r.id) && r.dedupe_key).map((r) => r.dedupe_key!);
    if (dupKeys.length === 0) return rows.map((r) => ({ id: r.id, duplicate: false }));
    const existing = await trx
      .selectFrom('webhook_events')
      .select(['id', 'dedupe_key'])
      .where('dedupe_key', 'in', [...new Set(dupKeys)])
      .execute();
    const byKey = new Map(existing.map((e) => [e.dedupe_key, e.id]));
    for (const key of dupKeys) {
      await trx
        .updateTable('webhook_events')
        .set((eb) => ({ duplicate_count: eb('duplicate_count', '+', 1) }))
        .where('dedupe_key', '=', key)
        .execute();
    }
    return rows.map((r) =>
      insertedIds.has(r.id)
        ? { id: r.id, duplicate: false }
        : { id: byKey.get(r.dedupe_key) ?? r.id, duplicate: true },
    );
  }

  findDelivery(id: string): Promise<DeliveryRow | undefined> {
    return this.db.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findVisibleDelivery(id: string, scope: Scope): Promise<DeliveryRow | undefined> {
    return this.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => visibleTo(eb, scope))
      .executeTakeFirst();
  }

  listDeliveries(scope: Scope, f: DeliveryFilter): Promise<Omit<DeliveryRow, 'body' | 'headers'>[]> {
    let q = this.db
      .selectFrom('webhook_events')
      .select([
        'id',
        'source',
        'received_at',
        'dedupe_key',
        'body_sha256',
        'body_size',
        'signature_valid',
        'status',
        'error',
        'workspace_id',
        'account_id',
        'event_count',
        'duplicate_count',
        'attempts',
        'processed_at',
      ])
      .where((eb) => visibleTo(eb, scope));
    if (f.status) q = q.where('status', '=', f.status);
    if (f.source) q = q.where('source', '=', f.source);
    if (f.signatureValid !== undefined) q = q.where('signature_valid', '=', f.signatureValid ? 1 : 0);
    if (f.from) q = q.where('received_at', '>=', f.from);
    if (f.to) q = q.where('received_at', '<=', f.to);
    // ids are UUIDv7, so id order is arrival order: a stable keyset cursor.
    if (f.cursor) q = q.where('id', '<', f.cursor);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  }

  async updateDelivery(id: string, patch: Partial<DeliveryRow>): Promise<void> {
    await this.db.updateTable('webhook_events').set(patch).where('id', '=', id).execute();
  }

  /** deliveries that were accepted but whose processing never finished (lost job, crash) */
  async stalledDeliveries(olderThan: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('webhook_events')
      .select('id')
      .where('status', '=', 'received')
      .where('received_at', '<', olderThan)
      .orderBy('received_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  findDeliveries(ids: string[]): Promise<DeliveryRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('webhook_events').selectAll().where('id', 'in', ids).execute();
  }

  /**
   * First transaction of processing a batch: counts the attempt, stores the split-out events
   * (one already stored under the same event_key, e.g. from another batch, is skipped) and marks
   * deliveries that cannot be split as failed. One commit for the whole batch.
   */
  async recordEvents(
    deliveryIds: string[],
    events: EventRow[],
    failed: { id: string; error: string }[],
    at: string,
  ) {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('webhook_events')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', deliveryIds)
        .execute();
      // Chunked so a batch of thousands of events stays under SQLite's bound-parameter limit.
      for (let i = 0; i < events.length; i += 200) {
        await trx
          .insertInto('inbound_events')
          .values(events.slice(i, i + 200))
          .onConflict((oc) => oc.column('event_key').doNothing())
          .execute();
      }
      for (const f of failed) {
        await trx
          .updateTable('webhook_events')
          .set({ status: 'failed', error: f.error, processed_at: at })
          .where('id', '=', f.id)
          .execute();
      }
    });
  }

  eventsOfDelivery(deliveryId: string, workspaceId?: string): Promise<EventRow[]> {
    let q = this.db.selectFrom('inbound_events').selectAll().where('delivery_id', '=', deliveryId);
    if (workspaceId) q = q.where('workspace_id', '=', workspaceId);
    return q.orderBy('seq').execute();
  }

  /** what summarizing needs, without the payloads */
  eventStatesOf(deliveryIds: string[]): Promise<EventState[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('inbound_events')
      .select(['id', 'delivery_id', 'status', 'error', 'account_id', 'workspace_id'])
      .where('delivery_id', 'in', deliveryIds)
      .execute();
  }

  eventsByIds(ids: string[]): Promise<EventRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('inbound_events')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('occurred_at')
      .execute();
  }

  /** Second transaction: every event's outcome and every delivery's summary, in one commit. */
  async finish(
    outcomes: { ids: string[]; status: InboundEventStatus; error: string | null; at: string | null }[],
    summaries: { ids: string[]; patch: Partial<DeliveryRow> }[],
  ) {
    await this.db.transaction().execute(async (trx) => {
      for (const o of outcomes) {
        if (o.ids.length === 0) continue;
        await trx
          .updateTable('inbound_events')
          .set({ status: o.status, error: o.error, processed_at: o.at })
          .where('id', 'in', o.ids)
          .execute();
      }
      for (const s of summaries) {
        for (let i = 0; i < s.ids.length; i += 500) {
          await trx
            .updateTable('webhook_events')
            .set(s.patch)
            .where('id', 'in', s.ids.slice(i, i + 500))
            .execute();
        }
      }
    });
  }

  /** routes every unrouted event of an external account to the now-connected account */
  async claimUnrouted(
    source: EventRow['source'],
    externalAccountId: string,
    accountId: string,
    workspaceId: string,
  ): Promise<string[]> {
    const rows = await this.db
      .updateTable('inbound_events')
      .set({ status: 'pending', account_id: accountId, workspace_id: workspaceId })
      .where('status', '=', 'unrouted')
      .where('source', '=', source)
      .where('external_account_id', '=', externalAccountId)
      .returning('delivery_id')
      .execute();
    return [...new Set(rows.map((r) => r.delivery_id))];
  }
}

export function visibleTo(eb: ExpressionBuilder<Database, 'webhook_events'>, scope: Scope) {
  const ors = [
    eb('webhook_events.workspace_id', '=', scope.workspaceId),
    eb(
      'webhook_events.id',
      'in',
      eb
        .selectFrom('inbound_events')
        .select('inbound_events.delivery_id')
        .where('inbound_events.workspace_id', '=', scope.workspaceId),
    ),
  ];
  if (scope.isAdmin) ors.push(eb('webhook_events.workspace_id', 'is', null));
  return eb.or(ors);
}
