import { z } from 'zod';
import { isTimezone } from '../automation/keyword-match.js';
import { pageQuery } from '../http/schemas.js';
import { locale } from './auto-post.schema.js';
import type { AutoPostSeriesRow } from './auto-post-series.repository.js';

const id = z.string().min(1).max(64);
const seriesMediaTypes = ['image', 'carousel', 'story'] as const;

const fields = {
  name: z.string().trim().min(1).max(200),
  /** the rotation, in order; out-of-stock products are skipped when their turn comes */
  productIds: z.array(id).min(1).max(500),
  mediaType: z.enum(seriesMediaTypes),
  captionTemplate: z.string().max(5000).nullable(),
  captionTemplateId: id.nullable(),
  locale,
  firstComment: z.string().trim().min(1).max(2200).nullable(),
  /** local time of each post */
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)'),
  /** 0 = Sunday … 6 = Saturday; default every day */
  days: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .transform((d) => [...new Set(d)].sort((a, b) => a - b)),
  timezone: z.string().max(64).refine(isTimezone, 'must be an IANA timezone such as Europe/Kyiv'),
  isActive: z.boolean(),
};

export const createSeriesBody = z.object({
  accountId: id,
  ...fields,
  mediaType: fields.mediaType.default('image'),
  captionTemplate: fields.captionTemplate.optional(),
  captionTemplateId: fields.captionTemplateId.optional(),
  locale: fields.locale.optional(),
  firstComment: fields.firstComment.optional(),
  days: fields.days.optional(),
  timezone: fields.timezone.default('UTC'),
  isActive: fields.isActive.default(true),
});
export type CreateSeries = z.infer<typeof createSeriesBody>;

export const patchSeriesBody = z.object(fields).partial();
export type PatchSeries = z.infer<typeof patchSeriesBody>;

export const seriesListQuery = pageQuery;

export const seriesView = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  productIds: z.array(z.string()),
  /** index into productIds of the next product in turn */
  position: z.number(),
  mediaType: z.enum(seriesMediaTypes),
  captionTemplate: z.string().nullable(),
  captionTemplateId: z.string().nullable(),
  locale: z.string(),
  firstComment: z.string().nullable(),
  timeOfDay: z.string(),
  days: z.array(z.number()),
  timezone: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SeriesView = z.infer<typeof seriesView>;

export function toSeriesView(r: AutoPostSeriesRow): SeriesView {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    productIds: JSON.parse(r.product_ids) as string[],
    position: Number(r.position),
    mediaType: r.media_type,
    captionTemplate: r.caption_template,
    captionTemplateId: r.caption_template_id,
    locale: r.locale,
    firstComment: r.first_comment,
    timeOfDay: r.time_of_day,
    days: JSON.parse(r.days) as number[],
    timezone: r.timezone,
    isActive: r.is_active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
