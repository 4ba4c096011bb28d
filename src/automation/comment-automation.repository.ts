import type { Kysely } from 'kysely';
import type { CommentRow } from '../comments/comment.repository.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * Comment automation's hand-over queue (comments stored but not yet decided on) and what it reads
 * from other features' tables (contacts, synced posts).
 */
export class CommentAutomationRepository {
  constructor(private readonly db: Db) {}

  /** inside the commit that stores the comments */
  async handOver(trx: Kysely<Database>, comments: CommentRow[], at: string): Promise<void> {
    if (comments.length === 0) return;
    await trx
      .insertInto('automation_pending_comments')
      .values(comments.map((c) => ({ comment_id: c.id, account_id: c.account_id, created_at: at })))
      .onConflict((oc) => oc.column('comment_id').doNothing())
      .execute();
  }

  async decided(commentIds: string[]): Promise<void> {
    if (commentIds.length === 0) return;
    await this.db.deleteFrom('automation_pending_comments').where('comment_id', 'in', commentIds).execute();
  }

  /** comments handed over before then and still undecided (their job died), oldest first */
  async stalled(before: string, limit: number): Promise<{ pending: string[]; comments: CommentRow[] }> {
    const pending = (
      await this.db
        .selectFrom('automation_pending_comments')
        .select('comment_id')
        .where('created_at', '<', before)
        .orderBy('created_at')
        .limit(limit)
        .execute()
    ).map((r) => r.comment_id);
    if (pending.length === 0) return { pending, comments: [] };
    const comments = await this.db.selectFrom('comments').selectAll().where('id', 'in', pending).execute();
    return { pending, comments };
  }

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
