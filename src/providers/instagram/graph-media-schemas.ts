import { z } from 'zod';
import { publishingErrorMessage } from './graph-error-messages.js';
import { idSchema, nbool, nnum, nstr } from './graph-schemas.js';

// Media, publishing and insights response schemas (lenient; see graph-schemas.ts for the policy).

const mediaBase = z.object({
  id: idSchema,
  ig_id: idSchema.nullish().transform((v) => v ?? null),
  media_type: nstr,
  media_product_type: nstr,
  media_url: nstr,
  thumbnail_url: nstr,
  permalink: nstr,
  shortcode: nstr,
  caption: nstr,
  timestamp: nstr,
  username: nstr,
  owner: z.object({ id: idSchema }).nullish(),
  like_count: nnum,
  comments_count: nnum,
  is_comment_enabled: nbool,
});

function toMedia(m: z.output<typeof mediaBase>) {
  return {
    id: m.id,
    igId: m.ig_id,
    /** IMAGE, VIDEO, CAROUSEL_ALBUM */
    mediaType: m.media_type,
    /** FEED, REELS, STORY, AD */
    mediaProductType: m.media_product_type,
    mediaUrl: m.media_url,
    thumbnailUrl: m.thumbnail_url,
    permalink: m.permalink,
    shortcode: m.shortcode,
    caption: m.caption,
    timestamp: m.timestamp,
    username: m.username,
    ownerId: m.owner?.id ?? null,
    likeCount: m.like_count,
    commentsCount: m.comments_count,
    isCommentEnabled: m.is_comment_enabled,
  };
}
type MediaCore = ReturnType<typeof toMedia>;
/** children: the items of a CAROUSEL_ALBUM (empty otherwise) */
export type Media = MediaCore & { children: MediaCore[] };

export const mediaSchema: z.ZodType<Media> = mediaBase
  .extend({
    children: z
      .object({ data: z.array(mediaBase.transform(toMedia)) })
      .nullish()
      .transform((v) => v?.data ?? []),
  })
  .transform((m) => ({ ...toMedia(m), children: m.children }));

export const mediaDeleteSchema = z
  .object({ success: z.boolean(), deleted_id: idSchema.nullish() })
  .transform((r) => ({ success: r.success, deletedId: r.deleted_id ?? null }));
export type MediaDeleteResult = z.output<typeof mediaDeleteSchema>;

// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing
export const containerStatusCodes = ['EXPIRED', 'ERROR', 'FINISHED', 'IN_PROGRESS', 'PUBLISHED'] as const;
export type ContainerStatusCode = (typeof containerStatusCodes)[number];

export const containerStatusSchema = z
  .object({ id: idSchema, status_code: z.enum(containerStatusCodes), status: nstr })
  .transform((c) => {
    // status reads like "Error: Media upload has failed with error code 2207082"
    const found = c.status_code === 'ERROR' ? /\b(22\d{5})\b/.exec(c.status ?? '') : null;
    const errorSubcode = found?.[1] ? Number(found[1]) : null;
    return {
      id: c.id,
      statusCode: c.status_code,
      status: c.status,
      errorSubcode,
      errorMessage:
        c.status_code !== 'ERROR' ? null : errorSubcode ? publishingErrorMessage(errorSubcode) : c.status,
    };
  });
export type ContainerStatus = z.output<typeof containerStatusSchema>;

export const publishingLimitSchema = z
  .object({
    data: z
      .array(
        z.object({
          quota_usage: z.number(),
          config: z.object({ quota_total: nnum, quota_duration: nnum }).nullish(),
        }),
      )
      .min(1),
  })
  .transform((r) => {
    const first = r.data[0]!;
    return {
      quotaUsage: first.quota_usage,
      quotaTotal: first.config?.quota_total ?? null,
      quotaDurationSec: first.config?.quota_duration ?? null,
    };
  });
export type PublishingLimit = z.output<typeof publishingLimitSchema>;

// ---- insights -------------------------------------------------------------------------------
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/insights

const insightValue = z.union([z.number(), z.record(z.string(), z.number())]);

const insightSchema = z
  .object({
    name: z.string(),
    period: nstr,
    title: nstr,
    description: nstr,
    id: nstr,
    values: z.array(z.object({ value: insightValue, end_time: nstr })).nullish(),
    total_value: z
      .object({
        value: z.number(),
        breakdowns: z
          .array(
            z.object({
              dimension_keys: z.array(z.string()),
              results: z.array(z.object({ dimension_values: z.array(z.string()), value: z.number() })),
            }),
          )
          .nullish(),
      })
      .nullish(),
  })
  .transform((i) => ({
    name: i.name,
    period: i.period,
    title: i.title,
    description: i.description,
    id: i.id,
    /** time series (metric_type=time_series, and media insights) */
    values: (i.values ?? []).map((v) => ({ value: v.value, endTime: v.end_time })),
    /** metric_type=total_value, with optional breakdowns */
    totalValue: i.total_value
      ? {
          value: i.total_value.value,
          breakdowns: (i.total_value.breakdowns ?? []).map((b) => ({
            dimensionKeys: b.dimension_keys,
            results: b.results.map((r) => ({ dimensionValues: r.dimension_values, value: r.value })),
          })),
        }
      : null,
  }));
export type Insight = z.output<typeof insightSchema>;

export const insightsSchema = z.object({ data: z.array(insightSchema) }).transform((r) => r.data);

// ---- mentions -------------------------------------------------------------------------------

export const mentionedMediaSchema = z
  .object({ mentioned_media: mediaSchema })
  .transform((r) => r.mentioned_media);
