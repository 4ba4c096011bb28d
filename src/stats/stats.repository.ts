import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { type Scope, visibleTo } from '../webhooks/webhook-event.repository.js';

/** The numbers behind /api/v1/instagram/stats, from the delivery log and its events. */
export class StatsRepository {
  constructor(private readonly db: Db) {}

  async countBy(scope: Scope, since?: string) {
    let q = this.db
      .selectFrom('webhook_events')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'rejected').then(1).else(0).end()).as('rejected'),
        eb.fn.max('received_at').as('last'),
      ])
      .where((eb) => visibleTo(eb, scope));
    if (since) q = q.where('received_at', '>=', since);
    const r = await q.executeTakeFirstOrThrow();
    return { total: Number(r.total), rejected: Number(r.rejected ?? 0), lastReceivedAt: r.last ?? null };
  }

  async countMessageEvents(workspaceId: string) {
    const rows = await this.db
      .selectFrom('inbound_events')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('kind', 'in', ['message', 'echo'])
      .groupBy('kind')
      .execute();
    const senders = await this.db
      .selectFrom('inbound_events')
      .select(sql<number>`count(distinct sender_id)`.as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'message')
      .executeTakeFirstOrThrow();
    const by = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    return { inbound: by.message ?? 0, outbound: by.echo ?? 0, senders: Number(senders.n) };
  }
}
