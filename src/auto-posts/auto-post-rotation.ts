import { newId } from '../db/ids.js';
import { nextCronRun } from '../jobs/cron.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { AutoPostRepository, AutoPostRow } from './auto-post.repository.js';
import { emptyProgress } from './auto-post-progress.js';
import type { SlotProducts } from './auto-post-publisher.js';
import type { AutoPostScheduler } from './auto-post-scheduler.js';
import type { AutoPostSeriesRepository, AutoPostSeriesRow } from './auto-post-series.repository.js';
import type { SeriesNext } from './auto-post-settle.js';
import type { AutoPostWriter } from './auto-post-writer.js';

/** the first slot of the series strictly after `afterMs` (its time of day on its days, in its timezone) */
export function nextSlot(s: Pick<AutoPostSeriesRow, 'time_of_day' | 'days' | 'timezone'>, afterMs: number) {
  const [hh, mm] = s.time_of_day.split(':').map(Number);
  const days = (JSON.parse(s.days) as number[]).join(',');
  return nextCronRun(`${mm} ${hh} * * ${days}`, afterMs, s.timezone);
}

/**
 * A rotation keeps exactly one post ahead: the next slot's post is made when the current one ends
 * (published, failed, skipped or cancelled), with the next product in turn. Stock is checked twice:
 * when the post is planned and again when its slot comes, so a product that sold out meanwhile is
 * passed over for the next one in stock; when none is in stock, the slot is skipped.
 */
export class AutoPostRotation implements SeriesNext, SlotProducts {
  constructor(
    private readonly series: AutoPostSeriesRepository,
    private readonly posts: Pick<AutoPostRepository, 'insertSlot'>,
    private readonly products: Pick<ProductRepository, 'findRow'>,
    private readonly scheduler: Pick<AutoPostScheduler, 'wake'>,
    private readonly writer: Pick<AutoPostWriter, 'announce'>,
    private readonly clock: () => number,
  ) {}

  async materializeNext(post: AutoPostRow): Promise<void> {
    const s = post.series_id ? await this.series.findById(post.series_id) : undefined;
    if (s?.is_active !== 1) return;
    // a post that went out late (server down) does not pile up the slots it missed
    await this.materialize(s, Math.max(Date.parse(post.scheduled_at), this.clock()));
  }

  /** the post of the first slot after `afterMs`; null when that slot already has its post */
  async materialize(s: AutoPostSeriesRow, afterMs: number): Promise<AutoPostRow | null> {
    const ids = JSON.parse(s.product_ids) as string[];
    const pick = (await this.firstInStock(s, ids, s.position)) ?? { index: s.position % ids.length };
    const now = this.clock();
    const at = new Date(now).toISOString();
    const scheduledAt = new Date(nextSlot(s, afterMs)).toISOString();
    const row: AutoPostRow = {
      id: newId(now),
      workspace_id: s.workspace_id,
      account_id: s.account_id,
      product_id: ids[pick.index] ?? null,
      series_id: s.id,
      media_type: s.media_type,
      media: null,
      cover_url: null,
      share_to_feed: 1,
      caption: null,
      caption_template: s.caption_template,
      caption_template_id: s.caption_template_id,
      locale: s.locale,
      first_comment: s.first_comment,
      scheduled_at: scheduledAt,
      status: 'pending',
      ...emptyProgress,
      next_run_at: scheduledAt,
      locked_until: null,
      created_at: at,
      updated_at: at,
    };
    if (!(await this.posts.insertSlot(row))) return null;
    await this.series.update(s.id, { position: (pick.index + 1) % ids.length, updated_at: at });
    await this.scheduler.wake(row);
    this.writer.announce(row);
    return row;
  }

  async slotProduct(post: AutoPostRow): Promise<{ productId: string | null; skip: boolean }> {
    const asPlanned = { productId: post.product_id, skip: false };
    if (!post.series_id) return asPlanned;
    const planned = post.product_id
      ? await this.products.findRow(post.workspace_id, post.product_id)
      : undefined;
    if (planned?.in_stock === 1) return asPlanned;
    const s = await this.series.findById(post.series_id);
    if (!s) return asPlanned;
    const ids = JSON.parse(s.product_ids) as string[];
    const pick = await this.firstInStock(s, ids, s.position);
    if (!pick) return { productId: post.product_id, skip: true };
    await this.series.update(s.id, { position: (pick.index + 1) % ids.length });
    return { productId: ids[pick.index] ?? null, skip: false };
  }

  /** from `from` on, round the rotation once: the first product that exists and is in stock */
  private async firstInStock(s: AutoPostSeriesRow, ids: string[], from: number) {
    for (let k = 0; k < ids.length; k++) {
      const index = (from + k) % ids.length;
      const row = await this.products.findRow(s.workspace_id, ids[index] as string);
      if (row?.in_stock === 1) return { index };
    }
    return null;
  }
}
