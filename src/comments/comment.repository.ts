import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { CommentTable, Database } from '../db/schema.js';

export type CommentRow = CommentTable;

export class CommentRepository {
  constructor(private readonly db: Db) {}

  /** our post ids by Instagram media id, for linking comments to synced posts */
  async postIds(accountId: string, igMediaIds: string[]): Promise<Map<string, string>> {
    if (igMediaIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('posts')
      .select(['id', 'ig_media_id'])
      .where('account_id', '=', accountId)
      .where('ig_media_id', 'in', igMediaIds)
      .execute();
    return new Map(rows.map((r) => [r.ig_media_id, r.id]));
  }

  /**
   * Comments announced by webhooks, in one commit. `inserted`: rows that did not exist. `firstSeen`:
   * rows no webhook had announced before (new ones, and ones a sync or our reply stored first).
   * Both come from the statements' own RETURNING, so two workers racing on one replayed delivery
   * can never both see a comment as new.
   */
  async ingestWebhook<T>(
    rows: CommentRow[],
    now: string,
    within: (trx: Transaction<Database>, firstSeen: CommentRow[]) => Promise<T>,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('comments')
        .values(rows)
        .onConflict((oc) => oc.columns(['account_id', 'ig_comment_id']).doNothing())
        .returningAll()
        .execute();
      const earlier = await trx
        .updateTable('comments')
        .set({ webhook_at: now, updated_at: now })
        .where('account_id', '=', rows[0]?.account_id ?? '')
        .where(
          'ig_comment_id',
          'in',
          rows.map((r) => r.ig_comment_id),
        )
        .where('webhook_at', 'is', null)
        .returningAll()
        .execute();
      const firstSeen = [...inserted, ...earlier];
      // In the same commit: whatever must follow a new comment (its outbound event, automation).
      return { inserted, firstSeen, handedOver: await within(trx, firstSeen) };
    });
  }

  /** announcing failed: the retried events must find these comments not yet announced */
  async forgetWebhook(ids: string[]): Promise<void> {
    if (ids.length)
      await this.db.updateTable('comments').set({ webhook_at: null }).where('id', 'in', ids).execute();
  }

  /** comments read through Graph: new ones inserted, known ones get Graph's hidden and like count */
  async upsertSynced(rows: CommentRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const known = await this.db
      .selectFrom('comments')
      .select('ig_comment_id')
      .where('account_id', '=', rows[0]?.account_id ?? '')
      .where(
        'ig_comment_id',
        'in',
        rows.map((r) => r.ig_comment_id),
      )
      .execute();
    await this.db
      .insertInto('comments')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['account_id', 'ig_comment_id']).doUpdateSet((eb) => ({
          hidden: eb.ref('excluded.hidden'),
          like_count: eb.ref('excluded.like_count'),
          post_id: eb.ref('excluded.post_id'),
        })),
      )
      .execute();
    return rows.length - known.length;
  }

  /** our own reply: stored at once (its webhook may come before or after and finds it) */
  async insertOwn(row: CommentRow): Promise<CommentRow> {
    await this.db
      .insertInto('comments')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'ig_comment_id']).doNothing())
      .execute();
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('account_id', '=', row.account_id)
      .where('ig_comment_id', '=', row.ig_comment_id)
      .executeTakeFirstOrThrow();
  }

  findVisible(workspaceId: string, id: string): Promise<CommentRow | undefined> {
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async update(id: string, patch: Partial<CommentRow>): Promise<void> {
    await this.db.updateTable('comments').set(patch).where('id', '=', id).execute();
  }

  /** Instagram deletes a comment's replies with it */
  async markDeleted(c: CommentRow, now: string): Promise<void> {
    await this.db
      .updateTable('comments')
      .set({ deleted: 1, updated_at: now })
      .where('account_id', '=', c.account_id)
      .where((eb) =>
        eb.or([eb('ig_comment_id', '=', c.ig_comment_id), eb('parent_ig_comment_id', '=', c.ig_comment_id)]),
      )
      .execute();
  }

  /** comments that arrived before their media was synced get its post id */
  async linkPosts(accountId: string): Promise<void> {
    await this.db
      .updateTable('comments')
      .set((eb) => ({
        post_id: eb
          .selectFrom('posts')
          .select('posts.id')
          .whereRef('posts.account_id', '=', 'comments.account_id')
          .whereRef('posts.ig_media_id', '=', 'comments.ig_media_id'),
      }))
      .where('comments.account_id', '=', accountId)
      .where('comments.post_id', 'is', null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('posts')
            .select('posts.id')
            .whereRef('posts.account_id', '=', 'comments.account_id')
            .whereRef('posts.ig_media_id', '=', 'comments.ig_media_id'),
        ),
      )
      .execute();
  }
}
