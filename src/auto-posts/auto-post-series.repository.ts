import type { Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AutoPostSeriesTable } from '../db/schema.js';

export type AutoPostSeriesRow = AutoPostSeriesTable;

export class AutoPostSeriesRepository {
  constructor(private readonly db: Db) {}

  async insert(row: AutoPostSeriesRow): Promise<void> {
    await this.db.insertInto('auto_post_series').values(row).execute();
  }

  findById(id: string): Promise<AutoPostSeriesRow | undefined> {
    return this.db.selectFrom('auto_post_series').selectAll().where('id', '=', id).executeTakeFirst();
  }

  find(workspaceId: string, id: string): Promise<AutoPostSeriesRow | undefined> {
    return this.db
      .selectFrom('auto_post_series')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** oldest first (ids are UUIDv7) */
  page(workspaceId: string, opts: { after?: string; limit: number }): Promise<AutoPostSeriesRow[]> {
    let q = this.db.selectFrom('auto_post_series').selectAll().where('workspace_id', '=', workspaceId);
    if (opts.after) q = q.where('id', '>', opts.after);
    return q.orderBy('id').limit(opts.limit).execute();
  }

  async update(id: string, patch: Updateable<AutoPostSeriesTable>): Promise<void> {
    await this.db.updateTable('auto_post_series').set(patch).where('id', '=', id).execute();
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom('auto_post_series')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return res.numDeletedRows > 0n;
  }

  /** the series' posts still waiting for their slot */
  pendingPosts(seriesId: string): Promise<{ id: string; workspace_id: string }[]> {
    return this.db
      .selectFrom('auto_posts')
      .select(['id', 'workspace_id'])
      .where('series_id', '=', seriesId)
      .where('status', 'in', ['pending', 'held'])
      .execute();
  }
}
