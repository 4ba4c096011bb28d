import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type {
  Database,
  OutboundDeliveryStatus,
  OutboundDeliveryTable,
  OutboundWebhookTable,
} from '../db/schema.js';

export type OutboundWebhookRow = OutboundWebhookTable;
export type OutboundDeliveryRow = OutboundDeliveryTable;

export class OutboundWebhookRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async insert(row: OutboundWebhookRow): Promise<void> {
    await this.db.insertInto('outbound_webhooks').values(row).execute();
  }

  /** newest first; `before` is the last id of the previous page (ids are UUIDv7, time-ordered) */
  page(workspaceId: string, opts: { before?: string; limit: number }): Promise<OutboundWebhookRow[]> {
    let q = this.db.selectFrom('outbound_webhooks').selectAll().where('workspace_id', '=', workspaceId);
    if (opts.before) q = q.where('id', '<', opts.before);
    return q.orderBy('id', 'desc').limit(opts.limit).execute();
  }

  find(workspaceId: string, id: string): Promise<OutboundWebhookRow | undefined> {
    return this.db
      .selectFrom('outbound_webhooks')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findById(id: string): Promise<OutboundWebhookRow | undefined> {
    return this.db.selectFrom('outbound_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `db`: the caller's transaction, when the deliveries are written inside it (the outbox) */
  listActive(workspaceId: string, db: Kysely<Database> = this.db): Promise<OutboundWebhookRow[]> {
    return db
      .selectFrom('outbound_webhooks')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('is_active', '=', 1)
      .execute();
  }

  async update(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<OutboundWebhookRow, 'url' | 'event_types' | 'is_active' | 'updated_at'>>,
  ): Promise<void> {
    await this.db
      .updateTable('outbound_webhooks')
      .set(patch)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** the subscription and its delivery log go together: a log without its target means nothing */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('outbound_deliveries')
        .where('workspace_id', '=', workspaceId)
        .where('webhook_id', '=', id)
        .execute();
      await trx
        .deleteFrom('outbound_webhooks')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    });
  }

  /**
   * Inserts unless this subscription already has this event (unique webhook_id + event_id).
   * Returns whether a row was written, so a repeated emit enqueues nothing.
   */
  async insertDelivery(row: OutboundDeliveryRow, db: Kysely<Database> = this.db): Promise<boolean> {
    const res = await db
      .insertInto('outbound_deliveries')
      .values(row)
      .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  findDelivery(id: string): Promise<OutboundDeliveryRow | undefined> {
    return this.db.selectFrom('outbound_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findDeliveryIn(workspaceId: string, id: string): Promise<OutboundDeliveryRow | undefined> {
    return this.db
      .selectFrom('outbound_deliveries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  deliveries(
    workspaceId: string,
    webhookId: string,
    opts: { status?: OutboundDeliveryStatus; before?: string; limit: number },
  ): Promise<OutboundDeliveryRow[]> {
    let q = this.db
      .selectFrom('outbound_deliveries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('webhook_id', '=', webhookId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.before) q = q.where('id', '<', opts.before);
    return q.orderBy('id', 'desc').limit(opts.limit).execute();
  }

  async updateDelivery(
    id: string,
    patch: Partial<
      Pick<
        OutboundDeliveryRow,
        'status' | 'attempts' | 'last_status_code' | 'last_error' | 'delivered_at' | 'next_attempt_at'
      >
    >,
  ): Promise<void> {
    await this.db.updateTable('outbound_deliveries').set(patch).where('id', '=', id).execute();
  }

  /** pending deliveries whose next attempt should have happened before then (their job was lost) */
  async overdueDeliveries(before: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('outbound_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<', before)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async markDue(ids: string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('outbound_deliveries')
      .set({ next_attempt_at: at })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .execute();
  }
}
