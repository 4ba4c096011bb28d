import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface LastDelivery {
  /** when Relaydesk stored the account's newest event; null when none ever arrived */
  lastAt: string | null;
  /** events stored for the account since `since` */
  recent: number;
}

export interface Refusals {
  count: number;
  lastAt: string | null;
  lastError: string | null;
}

/** The read-only facts diagnostics need from the delivery log, the inbox and publishing. */
export class DiagnosticRepository {
  constructor(private readonly db: Db) {}

  /** events routed to the account: every stored webhook for it, Meta or Chatrace */
  async lastDelivery(accountId: string, since: string): Promise<LastDelivery> {
    const last = await this.db
      .selectFrom('inbound_events')
      .select('created_at')
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const recent = await this.db
      .selectFrom('inbound_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return { lastAt: last?.created_at ?? null, recent: Number(recent.n) };
  }

  /**
   * Meta deliveries rejected for their signature since `since`. A rejected body is never trusted,
   * so these belong to no account: they are facts about the instance.
   */
  async signatureFailures(since: string): Promise<Refusals> {
    const base = this.db
      .selectFrom('webhook_events')
      .where('status', '=', 'rejected')
      .where('source', '=', 'meta')
      .where('signature_valid', '=', 0)
      .where('received_at', '>=', since);
    const last = await base
      .select(['received_at', 'error'])
      .orderBy('received_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const n = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { count: Number(n.n), lastAt: last?.received_at ?? null, lastError: last?.error ?? null };
  }

  async lastValidMetaDelivery(): Promise<string | null> {
    const row = await this.db
      .selectFrom('webhook_events')
      .select('received_at')
      .where('source', '=', 'meta')
      .where('signature_valid', '=', 1)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.received_at ?? null;
  }

  /** sends and publications Meta refused with a permission error (stored as permission_missing) */
  async permissionRefusals(accountId: string, since: string): Promise<Refusals> {
    const found = await Promise.all(
      (['messages', 'auto_posts'] as const).map((table) =>
        this.db
          .selectFrom(table)
          .select(['updated_at', 'error_message'])
          .where('account_id', '=', accountId)
          .where('error_code', '=', 'permission_missing')
          .where('updated_at', '>=', since)
          .orderBy('updated_at', 'desc')
          .execute(),
      ),
    );
    const all = found.flat().sort((a, b) => b.updated_at.localeCompare(a.updated_at));
    return {
      count: all.length,
      lastAt: all[0]?.updated_at ?? null,
      lastError: all[0]?.error_message ?? null,
    };
  }

  /** auto-posts still to be published: the account uses content publishing */
  async scheduledPosts(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('auto_posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('status', 'in', ['pending', 'publishing'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Chatrace deliveries stored but unreadable (no sender or text in the body) */
  async unreadableChatrace(workspaceId: string, accountId: string, since: string): Promise<Refusals> {
    const base = this.db
      .selectFrom('webhook_events')
      .where('workspace_id', '=', workspaceId)
      .where('account_id', '=', accountId)
      .where('source', '=', 'chatrace')
      .where('status', '=', 'failed')
      .where('received_at', '>=', since);
    const last = await base
      .select(['received_at', 'error'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const n = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { count: Number(n.n), lastAt: last?.received_at ?? null, lastError: last?.error ?? null };
  }

  /** rows in Kysely's migration table; 0 when the table does not exist yet (a new, empty database) */
  async appliedMigrations(): Promise<number> {
    try {
      const row = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(this.db);
      return Number(row.rows[0]?.n ?? 0);
    } catch {
      return 0;
    }
  }

  /** a Meta delivery by its exact bytes (ingest keys an unrouted Meta delivery `meta::<sha256>`) */
  findMetaDelivery(bodySha256: string) {
    return this.db
      .selectFrom('webhook_events')
      .select(['id', 'status', 'error', 'event_count', 'account_id', 'processed_at'])
      .where('dedupe_key', '=', `meta::${bodySha256}`)
      .executeTakeFirst();
  }
}
