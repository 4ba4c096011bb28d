import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** a text column that may name a stored attachment's id (as a column value, in JSON or in a URL) */
export interface AttachmentRef {
  table: string;
  column: string;
}

/** where the committed features keep attachment ids; features that store more add theirs */
export const defaultAttachmentRefs: AttachmentRef[] = [
  { table: 'messages', column: 'attachments' },
  { table: 'contacts', column: 'profile_pic_attachment_id' },
  { table: 'dm_keyword_rules', column: 'attachment' },
];

/** the catalogue's and auto-posts' media lists, which may hold our own attachment URLs */
export const publishingAttachmentRefs: AttachmentRef[] = [
  { table: 'products', column: 'image_urls' },
  { table: 'auto_posts', column: 'media' },
  { table: 'auto_posts', column: 'cover_url' },
  { table: 'auto_posts', column: 'published_media' },
  { table: 'auto_posts', column: 'published_cover_url' },
];

/** our ids are UUIDs: no LIKE wildcard can hide in one; anything else is never matched (so never deleted) */
const likeSafe = /^[0-9a-f-]{1,64}$/i;

/**
 * The cleanup's SQL. Every statement picks at most `limit` rows by id and repeats its conditions in
 * the outer statement, so a row that changed in between (a replayed delivery, a retried dead job)
 * is left alone.
 */
export class CleanupRepository {
  constructor(private readonly db: Db) {}

  workspaces(): Promise<{ id: string; timezone: string }[]> {
    return this.db.selectFrom('workspaces').select(['id', 'timezone']).execute();
  }

  /** bodies of processed deliveries received before `before`; null workspace: deliveries of no workspace */
  async pruneDeliveryBodies(workspaceIds: string[] | null, before: string, limit: number): Promise<number> {
    const res = await this.db
      .updateTable('webhook_events')
      .set({ body: null })
      .where('status', '=', 'processed')
      .where('received_at', '<', before)
      .where('body', 'is not', null)
      .where('id', 'in', (eb) => {
        let q = eb
          .selectFrom('webhook_events')
          .select('id')
          .where('status', '=', 'processed')
          .where('received_at', '<', before)
          .where('body', 'is not', null);
        q = workspaceIds ? q.where('workspace_id', 'in', workspaceIds) : q.where('workspace_id', 'is', null);
        return q.limit(limit);
      })
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  /** completed and dead rows of the embedded queue that finished before `before` */
  async deleteFinishedJobs(before: string, limit: number): Promise<number> {
    const finished = ['completed', 'dead'] as const;
    const res = await this.db
      .deleteFrom('jobs')
      .where('state', 'in', finished)
      .where('finished_at', '<', before)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('state', 'in', finished)
          .where('finished_at', '<', before)
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  /** attachment rows created before `before`, in id order after `afterId` */
  oldAttachments(workspaceIds: string[], before: string, afterId: string, limit: number) {
    if (workspaceIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('attachments')
      .select(['id', 'sha256'])
      .where('workspace_id', 'in', workspaceIds)
      .where('created_at', '<', before)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** which of these ids some row still names (one scan per reference column for the whole batch) */
  async referenced(ids: string[], refs: AttachmentRef[]): Promise<Set<string>> {
    const found = new Set(ids.filter((id) => !likeSafe.test(id)));
    const checkable = ids.filter((id) => likeSafe.test(id));
    if (checkable.length === 0) return found;
    for (const ref of refs) {
      const col = sql.ref(ref.column);
      const any = sql.join(
        checkable.map((id) => sql`${col} like ${`%${id}%`}`),
        sql` or `,
      );
      const rows = await sql<{
        v: string | null;
      }>`select ${col} as v from ${sql.table(ref.table)} where ${any}`.execute(this.db);
      for (const r of rows.rows) for (const id of checkable) if (r.v?.includes(id)) found.add(id);
    }
    return found;
  }

  async deleteAttachments(ids: string[]): Promise<void> {
    if (ids.length) await this.db.deleteFrom('attachments').where('id', 'in', ids).execute();
  }

  /** content hashes some attachment row (of any workspace) still points at: their files stay */
  async shasInUse(shas: string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('attachments')
      .select('sha256')
      .where('sha256', 'in', shas)
      .execute();
    return new Set(rows.map((r) => r.sha256));
  }
}
