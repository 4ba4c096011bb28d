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

  async timezone(workspaceId: string): Promise<string> {
    const w = await this.db
      .selectFrom('workspaces')
      .select('timezone')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return w?.timezone ?? 'UTC';
  }

  /**
   * Messages (both directions) since `since`. Only conversations active since then are looked
   * into, each through its thread index, so a large inbox is not scanned.
   */
  async countMessagesSince(workspaceId: string, since: string): Promise<number> {
    const r = await this.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', 'in', (eb) =>
        eb
          .selectFrom('conversations')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('last_message_at', '>=', since),
      )
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** posts published on Instagram since `since` (synced media) */
  async countPostsSince(workspaceId: string, since: string): Promise<number> {
    const r = await this.db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('timestamp', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** per account, the latest follower count read from its profile (statistics snapshots) */
  async latestFollowers(workspaceId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('account_insight_days as d')
      .select(['d.account_id', 'd.followers_count'])
      .where('d.workspace_id', '=', workspaceId)
      .where('d.followers_count', 'is not', null)
      .where('d.day', '=', (eb) =>
        eb
          .selectFrom('account_insight_days as l')
          .select((l) => l.fn.max('l.day').as('day'))
          .whereRef('l.account_id', '=', 'd.account_id')
          .where('l.followers_count', 'is not', null),
      )
      .execute();
    return new Map(rows.map((r) => [r.account_id, Number(r.followers_count)]));
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
