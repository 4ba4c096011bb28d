import type { Db } from '../db/database.js';

export interface StoredThread {
  /** the newest stored message's time (ISO), null when the conversation has none yet */
  lastMessageAt: string | null;
  /** the Graph conversation id, once known */
  externalId: string | null;
}

/** What the missed-message poll compares Graph's conversation list with. */
export class HistoryRepository {
  constructor(private readonly db: Db) {}

  /** the account's stored conversations with these customers (IGSIDs), by IGSID */
  async threads(accountId: string, igsids: string[]): Promise<Map<string, StoredThread>> {
    if (igsids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select([
        'contacts.external_id as igsid',
        'conversations.last_message_at as lastMessageAt',
        'conversations.external_id as externalId',
      ])
      .where('contacts.account_id', '=', accountId)
      .where('contacts.external_id', 'in', igsids)
      .where('conversations.account_id', '=', accountId)
      .execute();
    return new Map(rows.map((r) => [r.igsid, { lastMessageAt: r.lastMessageAt, externalId: r.externalId }]));
  }
}
