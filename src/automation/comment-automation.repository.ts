import type { Db } from '../db/database.js';

/** What comment automation reads from other features' tables (contacts, synced posts). */
export class CommentAutomationRepository {
  constructor(private readonly db: Db) {}

  async optedOutAt(contactId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('contacts')
      .select('automation_opted_out_at')
      .where('id', '=', contactId)
      .executeTakeFirst();
    return r?.automation_opted_out_at ?? null;
  }

  async postPublishedAt(accountId: string, mediaId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('posts')
      .select('timestamp')
      .where('account_id', '=', accountId)
      .where('ig_media_id', '=', mediaId)
      .executeTakeFirst();
    return r?.timestamp ?? null;
  }

  /** whether the account published a (synced) post strictly between the two times */
  async postedBetween(accountId: string, after: string, before: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('posts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('timestamp', '>', after)
      .where('timestamp', '<', before)
      .executeTakeFirst();
    return r !== undefined;
  }
}
