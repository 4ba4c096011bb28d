import type { AccountRepository } from '../accounts/account.repository.js';
import { newId } from '../db/ids.js';
import { errors } from '../errors.js';
import type { CaptionTemplateRepository } from '../products/caption-template.repository.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { AutoPostRepository } from './auto-post.repository.js';
import type { AutoPostContent } from './auto-post-content.js';
import { invalid } from './auto-post-input.js';
import type { AutoPostRotation } from './auto-post-rotation.js';
import type { AutoPostSeriesRepository, AutoPostSeriesRow } from './auto-post-series.repository.js';
import type { CreateSeries, PatchSeries } from './auto-post-series.schema.js';

export interface SeriesDeps {
  series: AutoPostSeriesRepository;
  posts: Pick<AutoPostRepository, 'deleteIf'>;
  rotation: Pick<AutoPostRotation, 'materialize'>;
  accounts: Pick<AccountRepository, 'findInWorkspace'>;
  products: Pick<ProductRepository, 'findRow'>;
  templates: Pick<CaptionTemplateRepository, 'find'>;
  content: Pick<AutoPostContent, 'validateTemplate'>;
  clock: () => number;
}

type SeriesFields = Omit<AutoPostSeriesRow, 'id' | 'workspace_id' | 'position' | 'created_at' | 'updated_at'>;

/** Rotations: CRUD, checked like a post at save time; any change re-plans the next post. */
export class AutoPostSeriesService {
  constructor(private readonly d: SeriesDeps) {}

  async list(workspaceId: string, q: { cursor?: string; limit: number }) {
    const rows = await this.d.series.page(workspaceId, { after: q.cursor, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
  }

  async get(workspaceId: string, id: string): Promise<AutoPostSeriesRow> {
    const row = await this.d.series.find(workspaceId, id);
    if (!row) throw errors.notFound('Auto-post series');
    return row;
  }

  async create(workspaceId: string, b: CreateSeries): Promise<AutoPostSeriesRow> {
    const fields = await this.check(workspaceId, {
      account_id: b.accountId,
      name: b.name,
      product_ids: JSON.stringify(b.productIds),
      media_type: b.mediaType,
      caption_template: b.captionTemplate ?? null,
      caption_template_id: b.captionTemplateId ?? null,
      locale: b.locale ?? 'en-US',
      first_comment: b.firstComment ?? null,
      time_of_day: b.timeOfDay,
      days: JSON.stringify(b.days ?? [0, 1, 2, 3, 4, 5, 6]),
      timezone: b.timezone,
      is_active: b.isActive ? 1 : 0,
    });
    const now = this.d.clock();
    const at = new Date(now).toISOString();
    const row: AutoPostSeriesRow = {
      id: newId(now),
      workspace_id: workspaceId,
      ...fields,
      position: 0,
      created_at: at,
      updated_at: at,
    };
    await this.d.series.insert(row);
    if (row.is_active) await this.d.rotation.materialize(row, now);
    return row;
  }

  async update(workspaceId: string, id: string, b: PatchSeries): Promise<AutoPostSeriesRow> {
    const cur = await this.get(workspaceId, id);
    const fields = await this.check(workspaceId, {
      account_id: cur.account_id,
      name: b.name ?? cur.name,
      product_ids: b.productIds ? JSON.stringify(b.productIds) : cur.product_ids,
      media_type: b.mediaType ?? cur.media_type,
      caption_template: b.captionTemplate === undefined ? cur.caption_template : b.captionTemplate,
      caption_template_id: b.captionTemplateId === undefined ? cur.caption_template_id : b.captionTemplateId,
      locale: b.locale ?? cur.locale,
      first_comment: b.firstComment === undefined ? cur.first_comment : b.firstComment,
      time_of_day: b.timeOfDay ?? cur.time_of_day,
      days: b.days ? JSON.stringify(b.days) : cur.days,
      timezone: b.timezone ?? cur.timezone,
      is_active: b.isActive === undefined ? cur.is_active : b.isActive ? 1 : 0,
    });
    const now = this.d.clock();
    const position = b.productIds ? 0 : cur.position;
    await this.d.series.update(id, { ...fields, position, updated_at: new Date(now).toISOString() });
    // the planned post follows the new settings: it is dropped and planned again
    await this.unplan(cur);
    const row = await this.get(workspaceId, id);
    if (row.is_active) await this.d.rotation.materialize(row, now);
    return row;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const cur = await this.get(workspaceId, id);
    await this.unplan(cur);
    await this.d.series.delete(workspaceId, id);
  }

  /** the series' waiting posts are only plans: deleted (one being published goes on) */
  private async unplan(s: AutoPostSeriesRow): Promise<void> {
    const now = new Date(this.d.clock()).toISOString();
    for (const p of await this.d.series.pendingPosts(s.id))
      await this.d.posts.deleteIf(s.workspace_id, p.id, ['pending', 'held'], now);
  }

  private async check(workspaceId: string, f: SeriesFields): Promise<SeriesFields> {
    const account = await this.d.accounts.findInWorkspace(workspaceId, f.account_id);
    if (!account) throw invalid('body.accountId', 'no such account in this workspace');
    if (account.provider !== 'instagram')
      throw errors.unprocessable('account_cannot_publish', 'Posts are published through the Instagram API');
    for (const [i, pid] of (JSON.parse(f.product_ids) as string[]).entries()) {
      if (!(await this.d.products.findRow(workspaceId, pid)))
        throw invalid(`body.productIds.${i}`, 'no such product in this workspace');
    }
    const saved = f.caption_template_id
      ? await this.d.templates.find(workspaceId, f.caption_template_id)
      : null;
    if (f.caption_template_id && !saved) throw invalid('body.captionTemplateId', 'no such caption template');
    const body = saved?.body ?? f.caption_template;
    if (body !== null && f.media_type === 'story')
      throw invalid('body.captionTemplate', 'a story carries no caption');
    if (f.first_comment !== null && f.media_type === 'story')
      throw invalid('body.firstComment', 'a story cannot be commented on');
    if (body !== null) await this.d.content.validateTemplate(workspaceId, body);
    return { ...f, caption_template: body, locale: saved && !f.locale ? saved.locale : f.locale };
  }
}
