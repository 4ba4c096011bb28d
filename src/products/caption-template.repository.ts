import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { CaptionTemplateTable } from '../db/products-schema.js';

export interface CaptionTemplate {
  id: string;
  workspaceId: string;
  name: string;
  body: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

export type TemplateFields = Pick<CaptionTemplate, 'name' | 'body' | 'locale'>;

function fromRow(r: CaptionTemplateTable): CaptionTemplate {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    body: r.body,
    locale: r.locale,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class CaptionTemplateRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  /** one page, newest first (UUIDv7 ids sort by creation) */
  async page(workspaceId: string, opts: { before?: string; limit: number }): Promise<CaptionTemplate[]> {
    let q = this.db.selectFrom('caption_templates').selectAll().where('workspace_id', '=', workspaceId);
    if (opts.before) q = q.where('id', '<', opts.before);
    const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
    return rows.map(fromRow);
  }

  async find(workspaceId: string, id: string): Promise<CaptionTemplate | undefined> {
    const row = await this.db
      .selectFrom('caption_templates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  async insert(workspaceId: string, f: TemplateFields): Promise<CaptionTemplate> {
    const now = new Date(this.clock()).toISOString();
    const row: CaptionTemplateTable = {
      id: newId(this.clock()),
      workspace_id: workspaceId,
      name: f.name,
      body: f.body,
      locale: f.locale,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('caption_templates').values(row).execute();
    return fromRow(row);
  }

  async update(workspaceId: string, id: string, f: TemplateFields): Promise<CaptionTemplate | undefined> {
    await this.db
      .updateTable('caption_templates')
      .set({ name: f.name, body: f.body, locale: f.locale, updated_at: new Date(this.clock()).toISOString() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return this.find(workspaceId, id);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom('caption_templates')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
