import type { Db } from '../db/database.js';
import type { PostSyncTable, PostTable } from '../db/schema.js';

export type PostRow = PostTable;
export type PostSyncRow = PostSyncTable;

export interface PostFilter {
  accountId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** keyset cursor of the gallery: newest first by Meta's timestamp, ties broken by our id */
export const postCursor = (p: Pick<PostRow, 'timestamp' | 'id'>) => `${p.timestamp}|${p.id}`;

export class PostRepository {
  constructor(private readonly db: Db) {}

  findByMediaIds(accountId: string, igMediaIds: string[]): Promise<PostRow[]> {
    if (igMediaIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('posts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('ig_media_id', 'in', igMediaIds)
      .execute();
  }

  /** new rows (a concurrent sync may have inserted the same media: then theirs stays) and updates, in one commit */
  async save(inserts: PostRow[], updates: { id: string; patch: Partial<PostRow> }[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (inserts.length)
        await trx
          .insertInto('posts')
          .values(inserts)
          .onConflict((oc) => oc.columns(['account_id', 'ig_media_id']).doNothing())
          .execute();
      for (const u of updates) await trx.updateTable('posts').set(u.patch).where('id', '=', u.id).execute();
    });
  }

  findVisible(workspaceId: string, id: string): Promise<PostRow | undefined> {
    return this.db
      .selectFrom('posts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  list(workspaceId: string, f: PostFilter): Promise<PostRow[]> {
    let q = this.db.selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId);
    if (f.accountId) q = q.where('account_id', '=', f.accountId);
    if (f.cursor) {
      const [at = '', id = ''] = f.cursor.split('|');
      // a row-value comparison is one index range scan on both databases (see message.repository.ts)
      q = q.where((eb) => eb(eb.refTuple('timestamp', 'id'), '<', eb.tuple(at, id)));
    }
    return q
      .orderBy('timestamp', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1)
      .execute();
  }

  /**
   * Media a complete walk did not see any more (deleted on Instagram), with their comments; returns
   * their ids. Rows stored after the walk began (by anything else) are not the walk's to judge.
   */
  async deleteUnseen(accountId: string, walkStarted: string): Promise<string[]> {
    const gone = await this.db
      .selectFrom('posts')
      .select('ig_media_id')
      .where('account_id', '=', accountId)
      .where('synced_at', '<', walkStarted)
      .where('created_at', '<', walkStarted)
      .execute();
    if (gone.length === 0) return [];
    const ids = gone.map((g) => g.ig_media_id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('posts')
        .where('account_id', '=', accountId)
        .where('ig_media_id', 'in', ids)
        .where('synced_at', '<', walkStarted)
        .execute();
      await trx
        .deleteFrom('comments')
        .where('account_id', '=', accountId)
        .where('ig_media_id', 'in', ids)
        .execute();
    });
    return ids;
  }

  /** posts whose comments Graph counts differently from the last comment sync, newest first */
  needingComments(accountId: string, limit: number): Promise<PostRow[]> {
    return this.db
      .selectFrom('posts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('comments_count', '>', 0)
      .where((eb) =>
        eb.or([
          eb('comments_synced_count', 'is', null),
          eb('comments_synced_count', '!=', eb.ref('comments_count')),
        ]),
      )
      .orderBy('timestamp', 'desc')
      .limit(limit)
      .execute();
  }

  async setCommentsSynced(id: string, count: number | null): Promise<void> {
    await this.db.updateTable('posts').set({ comments_synced_count: count }).where('id', '=', id).execute();
  }

  findSync(accountId: string): Promise<PostSyncRow | undefined> {
    return this.db
      .selectFrom('post_syncs')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  }

  async saveSync(row: PostSyncRow): Promise<void> {
    const { account_id, ...rest } = row;
    await this.db
      .insertInto('post_syncs')
      .values(row)
      .onConflict((oc) => oc.column('account_id').doUpdateSet(rest))
      .execute();
  }
}
