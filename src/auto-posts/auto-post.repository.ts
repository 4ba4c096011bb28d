import type { ExpressionBuilder, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AutoPostStatus, AutoPostTable, Database } from '../db/schema.js';

export type AutoPostRow = AutoPostTable;
export type AutoPostPatch = Updateable<AutoPostTable>;

export interface AutoPostPageQuery {
  status?: AutoPostStatus;
  accountId?: string;
  seriesId?: string;
  /** scheduled at or after / before (ISO) */
  from?: string;
  to?: string;
  /** keyset: the last item of the previous page, in (scheduled_at, id) order */
  after?: { at: string; id: string };
  limit: number;
}

// A row is free when no run holds it: API changes and runs exclude each other through this.
const unlocked = (now: string) => (eb: ExpressionBuilder<Database, 'auto_posts'>) =>
  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]);

export class AutoPostRepository {
  constructor(private readonly db: Db) {}

  async insert(row: AutoPostRow): Promise<void> {
    await this.db.insertInto('auto_posts').values(row).execute();
  }

  /** a rotation's post for one slot; false when that slot already has its post */
  async insertSlot(row: AutoPostRow): Promise<boolean> {
    const inserted = await this.db
      .insertInto('auto_posts')
      .values(row)
      .onConflict((oc) => oc.columns(['series_id', 'scheduled_at']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  findById(id: string): Promise<AutoPostRow | undefined> {
    return this.db.selectFrom('auto_posts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  find(workspaceId: string, id: string): Promise<AutoPostRow | undefined> {
    return this.db
      .selectFrom('auto_posts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** a workspace's posts by scheduled time (the list and the calendar) */
  page(workspaceId: string, q: AutoPostPageQuery): Promise<AutoPostRow[]> {
    let s = this.db.selectFrom('auto_posts').selectAll().where('workspace_id', '=', workspaceId);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.accountId) s = s.where('account_id', '=', q.accountId);
    if (q.seriesId) s = s.where('series_id', '=', q.seriesId);
    if (q.from) s = s.where('scheduled_at', '>=', q.from);
    if (q.to) s = s.where('scheduled_at', '<', q.to);
    const after = q.after;
    if (after) {
      s = s.where((eb) =>
        eb.or([
          eb('scheduled_at', '>', after.at),
          eb.and([eb('scheduled_at', '=', after.at), eb('id', '>', after.id)]),
        ]),
      );
    }
    return s.orderBy('scheduled_at').orderBy('id').limit(q.limit).execute();
  }

  /** a run's write: the run holds the row, so nothing else changes it meanwhile */
  async update(id: string, patch: AutoPostPatch): Promise<void> {
    await this.db.updateTable('auto_posts').set(patch).where('id', '=', id).execute();
  }

  /** an API change, only while the post is in one of `statuses` and no run holds it */
  async updateIf(
    workspaceId: string,
    id: string,
    statuses: AutoPostStatus[],
    now: string,
    patch: AutoPostPatch,
  ): Promise<AutoPostRow | undefined> {
    const res = await this.db
      .updateTable('auto_posts')
      .set(patch)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', 'in', statuses)
      .where(unlocked(now))
      .executeTakeFirst();
    return res.numUpdatedRows > 0n ? this.find(workspaceId, id) : undefined;
  }

  async deleteIf(workspaceId: string, id: string, statuses: AutoPostStatus[], now: string) {
    const res = await this.db
      .deleteFrom('auto_posts')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', 'in', statuses)
      .where(unlocked(now))
      .executeTakeFirst();
    return res.numDeletedRows > 0n;
  }

  /** takes the row for one run until `until` and returns it; undefined when another run holds it */
  claim(id: string, now: string, until: string): Promise<AutoPostRow | undefined> {
    return this.db
      .updateTable('auto_posts')
      .set({ locked_until: until })
      .where('id', '=', id)
      .where(unlocked(now))
      .returningAll()
      .executeTakeFirst();
  }

  /** another post of the account already records this Instagram media */
  async mediaTaken(accountId: string, mediaId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('auto_posts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('ig_media_id', '=', mediaId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async release(id: string): Promise<void> {
    await this.db.updateTable('auto_posts').set({ locked_until: null }).where('id', '=', id).execute();
  }

  /** rows whose work was due before `before`, oldest first (the sweeper) */
  due(before: string, limit: number): Promise<{ id: string; next_run_at: string | null }[]> {
    return this.db
      .selectFrom('auto_posts')
      .select(['id', 'next_run_at'])
      .where('next_run_at', '<=', before)
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
  }

  /** the oldest publish of the account after `since`: when it leaves the 24 h window, quota frees */
  async oldestPublishedSince(accountId: string, since: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('auto_posts')
      .select('published_at')
      .where('account_id', '=', accountId)
      .where('published_at', '>', since)
      .orderBy('published_at')
      .limit(1)
      .executeTakeFirst();
    return row?.published_at ?? null;
  }
}
