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

  /** stored messages per account and direction, and contacts per account (the inbox's tables) */
  async countMessages(workspaceId: string) {
    const messages = await this.db
      .selectFrom('messages')
      .select(['account_id', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .groupBy(['account_id', 'direction'])
      .execute();
    const contacts = await this.db
      .selectFrom('contacts')
      .select(['account_id', 'source', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .groupBy(['account_id', 'source'])
      .execute();
    return {
      messages: messages.map((m) => ({ accountId: m.account_id, direction: m.direction, n: Number(m.n) })),
      contacts: contacts.map((c) => ({ accountId: c.account_id, source: c.source, n: Number(c.n) })),
    };
  }
}
