import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import { isLocale } from '../products/price-format.js';
import type { AutoPostRow } from './auto-post.repository.js';
import type { MediaItem } from './auto-post-media.js';

export const mediaTypes = ['image', 'carousel', 'reel', 'story'] as const;
export const statuses = [
  'pending',
  'publishing',
  'held',
  'published',
  'failed',
  'cancelled',
  'skipped',
] as const;

const id = z.string().min(1).max(64);
const url = z.string().trim().min(1).max(2048);
const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
/** a locale Intl can format prices in (a typo would quietly format them in English) */
export const locale = z
  .string()
  .trim()
  .max(35)
  .refine(isLocale, 'must be a BCP 47 locale such as uk-UA, ru-RU or en-US');

export const mediaItem = z.object({ type: z.enum(['image', 'video']), url });

const fields = {
  productId: id.nullable().optional(),
  mediaType: z.enum(mediaTypes).optional(),
  /** explicit media; absent or null: the product's images */
  media: z.array(mediaItem).min(1).max(10).nullable().optional(),
  /** reels: the cover image */
  coverUrl: url.nullable().optional(),
  /** reels: also in the feed (default true) */
  shareToFeed: z.boolean().optional(),
  /** a template body such as `🎁 {product_name} - {product_price}₴\n{hashtags}` */
  captionTemplate: z.string().max(5000).nullable().optional(),
  /** a saved caption template (its current body is rendered at publish time) */
  captionTemplateId: id.nullable().optional(),
  /** a literal caption, when there is no template */
  caption: z.string().max(5000).nullable().optional(),
  /** formats the price in the template (default: the saved template's locale, else en-US) */
  locale: locale.optional(),
  /** posted as the account's first comment right after publishing */
  firstComment: z.string().trim().min(1).max(2200).nullable().optional(),
  /** to the second; absent: now */
  scheduledAt: isoTime.optional(),
};

export const createBody = z.object({ accountId: id, ...fields });
export type CreateAutoPost = z.infer<typeof createBody>;

/** while pending; `status: "cancelled"` cancels */
export const patchBody = z.object({ ...fields, status: z.literal('cancelled').optional() });
export type PatchAutoPost = z.infer<typeof patchBody>;

export const listQuery = pageQuery.extend({
  status: z.enum(statuses).optional(),
  accountId: id.optional(),
  seriesId: id.optional(),
  /** scheduled at or after */
  from: isoTime.optional(),
  /** scheduled before */
  to: isoTime.optional(),
});

export const autoPostView = z.object({
  id: z.string(),
  accountId: z.string(),
  productId: z.string().nullable(),
  seriesId: z.string().nullable(),
  captionTemplate: z.string().nullable(),
  captionTemplateId: z.string().nullable(),
  /** the caption as published (rendered at publish time), else the literal caption */
  caption: z.string().nullable(),
  locale: z.string(),
  mediaType: z.enum(mediaTypes),
  /** as given; null: the product's images */
  media: z.array(z.object({ type: z.string(), url: z.string() })).nullable(),
  coverUrl: z.string().nullable(),
  shareToFeed: z.boolean(),
  firstComment: z.string().nullable(),
  firstCommentId: z.string().nullable(),
  scheduledAt: z.string(),
  status: z.enum(statuses),
  igMediaId: z.string().nullable(),
  permalink: z.string().nullable(),
  publishedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** how far publishing got (every step is stored before the next) */
  steps: z.object({
    childContainerIds: z.array(z.string()),
    containerId: z.string().nullable(),
    containerStatus: z.string().nullable(),
    polls: z.number(),
    attempts: z.number(),
    publishAttemptedAt: z.string().nullable(),
    nextRunAt: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AutoPostView = z.infer<typeof autoPostView>;

export function toAutoPostView(r: AutoPostRow): AutoPostView {
  return {
    id: r.id,
    accountId: r.account_id,
    productId: r.product_id,
    seriesId: r.series_id,
    captionTemplate: r.caption_template,
    captionTemplateId: r.caption_template_id,
    caption: r.published_caption ?? r.caption,
    locale: r.locale,
    mediaType: r.media_type,
    media: r.media ? (JSON.parse(r.media) as MediaItem[]) : null,
    coverUrl: r.cover_url,
    shareToFeed: r.share_to_feed === 1,
    firstComment: r.first_comment,
    firstCommentId: r.first_comment_id,
    scheduledAt: r.scheduled_at,
    status: r.status,
    igMediaId: r.ig_media_id,
    permalink: r.permalink,
    publishedAt: r.published_at,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    steps: {
      childContainerIds: r.children ? (JSON.parse(r.children) as string[]) : [],
      containerId: r.container_id,
      containerStatus: r.container_status,
      polls: Number(r.polls),
      attempts: Number(r.attempts),
      publishAttemptedAt: r.publish_attempted_at,
      nextRunAt: r.next_run_at,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
