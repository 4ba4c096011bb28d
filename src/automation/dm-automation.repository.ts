import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { MessageRow } from '../inbox/message.repository.js';

/** The engine's reads and writes on inbox rows: its hand-over queue and the contact's opt-out. */
export class DmAutomationRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** customer messages stored but not yet decided on, oldest first (a partial index keeps this tiny) */
  pending(accountId: string, limit: number): Promise<MessageRow[]> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('automation_state', '=', 'pending')
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** accounts with undecided messages older than `before` (the sweeper's view after a crash) */
  async stalledAccounts(before: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('messages')
      .select('account_id')
      .distinct()
      .where('automation_state', '=', 'pending')
      .where('updated_at', '<', before)
      .execute();
    return rows.map((r) => r.account_id);
  }

  async decided(messageId: string, db: Kysely<Database> = this.db): Promise<void> {
    await db.updateTable('messages').set({ automation_state: null }).where('id', '=', messageId).execute();
  }

  /** whether the customer wrote in this conversation before this message (welcome goes to the first) */
  async wroteBefore(m: MessageRow): Promise<boolean> {
    const r = await this.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', m.conversation_id)
      .where('direction', '=', 'inbound')
      .where('id', '!=', m.id)
      .where('created_at', '<=', m.created_at)
      .executeTakeFirst();
    return r !== undefined;
  }

  async decidedMany(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('messages').set({ automation_state: null }).where('id', 'in', ids).execute();
  }

  async setOptOut(contactId: string, at: string | null, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .updateTable('contacts')
      .set({ automation_opted_out_at: at })
      .where('id', '=', contactId)
      .execute();
  }
}
