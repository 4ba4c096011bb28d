import { z } from 'zod';
import { maxDays } from './account-insight-sync.service.js';
import { isDay } from './insight-day.js';

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** YYYY-MM-DD (a Meta insight day) or an ISO time (the day it falls in) */
const dateOrTime = z
  .string()
  .max(40)
  .refine((v) => isDay(v) || (isoTime.test(v) && !Number.isNaN(Date.parse(v))), {
    message: 'must be a date (YYYY-MM-DD) or an ISO time (2026-01-15T10:00:00Z)',
  });

const range = { from: dateOrTime.optional(), to: dateOrTime.optional() };

export const statisticsQuery = z.object({
  ...range,
  granularity: z.enum(['day', 'week', 'month']).default('day'),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

export const rankMetrics = [
  'reach',
  'views',
  'likes',
  'comments',
  'saved',
  'shares',
  'totalInteractions',
  'engagementRate',
  'avgWatchTimeMs',
  'replies',
] as const;

export const topPostsQuery = z.object({
  ...range,
  metric: z.enum(rankMetrics).default('reach'),
  productType: z.enum(['FEED', 'REELS', 'STORY']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type TopPostsQuery = z.infer<typeof topPostsQuery>;

export const refreshBody = z
  .object({ days: z.number().int().min(1).max(maxDays).optional() })
  .strict()
  .default({});

export const refreshAccepted = z.object({ accountJobId: z.string(), postsJobId: z.string() });

const n = z.number().nullable();
const day = z.string();

export const statisticsPoint = z.object({
  start: day,
  end: day,
  days: z.number(),
  daysWithData: z.number(),
  followers: n,
  followerGrowth: n,
  following: n,
  mediaCount: n,
  reach: n,
  views: n,
  accountsEngaged: n,
  totalInteractions: n,
  likes: n,
  comments: n,
  shares: n,
  saves: n,
  replies: n,
  profileLinksTaps: n,
  followsAndUnfollows: n,
  engagementRate: n,
});

const formula = z.object({ expression: z.string(), description: z.string() });

export const formulasView = z.object({
  engagementRate: formula,
  postEngagementRate: formula,
  followerGrowth: formula,
  periodValues: formula,
});

export const statisticsView = z.object({
  accountId: z.string(),
  from: day,
  to: day,
  granularity: z.enum(['day', 'week', 'month']),
  /** Meta's insight days run midnight to midnight in this time zone */
  dayTimeZone: z.string(),
  /** Meta's numbers for a day can still grow this long after it ended */
  dataLagHours: z.number(),
  /** the last time Relaydesk read this account's insights or profile; null: never */
  updatedAt: z.string().nullable(),
  series: z.array(statisticsPoint),
  totals: statisticsPoint,
  formulas: formulasView,
});

export const postInsightMetrics = z.object({
  views: n,
  reach: n,
  likes: n,
  comments: n,
  saved: n,
  shares: n,
  totalInteractions: n,
  replies: n,
  avgWatchTimeMs: n,
  tapsForward: n,
  tapsBack: n,
  exits: n,
});

export const postInsightView = z.object({
  /** null for a story known only from its webhook */
  postId: z.string().nullable(),
  accountId: z.string(),
  igMediaId: z.string(),
  mediaType: z.string().nullable(),
  mediaProductType: z.string().nullable(),
  caption: z.string().nullable(),
  permalink: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  timestamp: z.string(),
  /** pending: not read yet; not_enough_viewers: a story seen by fewer than 5 accounts */
  status: z.enum(['pending', 'ok', 'not_enough_viewers', 'unavailable']),
  source: z.enum(['graph', 'webhook']).nullable(),
  observedAt: z.string().nullable(),
  nextRefreshAt: z.string().nullable(),
  metrics: postInsightMetrics,
  /** total interactions per account reached */
  engagementRate: n,
});
export type PostInsightView = z.infer<typeof postInsightView>;

export const postInsightResponse = postInsightView.extend({ formulas: formulasView });

export const topPostsView = z.object({
  items: z.array(postInsightView),
  nextCursor: z.null(),
  metric: z.enum(rankMetrics),
  from: day,
  to: day,
  formulas: formulasView,
});
