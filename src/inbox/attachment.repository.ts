import type { Db } from '../db/database.js';
import type { AttachmentTable } from '../db/schema.js';

export type AttachmentRow = AttachmentTable;

/**
 * Rows describe stored files; the bytes live in DATA_DIR under their sha256, so two rows with the
 * same content (in different workspaces) share one file.
 */
export class AttachmentRepository {
  constructor(private readonly db: Db) {}

  async insert(row: AttachmentRow): Promise<AttachmentRow> {
    await this.db.insertInto('attachments').values(row).execute();
    return row;
  }

  async touch(row: AttachmentRow, at: string): Promise<AttachmentRow> {
    await this.db.updateTable('attachments').set({ created_at: at }).where('id', '=', row.id).execute();
    return { ...row, created_at: at };
  }

  findById(id: string): Promise<AttachmentRow | undefined> {
    return this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** the oldest row with this content in the workspace: an upload of the same bytes reuses it */
  findByWorkspaceAndSha(workspaceId: string, sha256: string): Promise<AttachmentRow | undefined> {
    return this.db
      .selectFrom('attachments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('sha256', '=', sha256)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }
}
