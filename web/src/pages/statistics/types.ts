// Response shapes of the statistics routes (src/insights/insight.schema.ts is the source).
// Every metric is number | null: null means Meta did not say, and is never shown as zero.

export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

export interface StatisticsPoint {
  /** first and last Meta insight day (YYYY-MM-DD) of the period, clipped to the range */
  start: string;
  end: string;
  days: number;
  daysWithData: number;
  followers: number | null;
  followerGrowth: number | null;
  following: number | null;
  mediaCount: number | null;
  reach: number | null;
  views: number | null;
  accountsEngaged: number | null;
  totalInteractions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  replies: number | null;
  profileLinksTaps: number | null;
  followsAndUnfollows: number | null;
  /** total interactions per follower, a fraction (0.034 = 3.4 %) */
  engagementRate: number | null;
}
export type PointMetric = Exclude<keyof StatisticsPoint, 'start' | 'end' | 'days' | 'daysWithData'>;

export interface Formula {
  expression: string;
  description: string;
}
export interface Formulas {
  engagementRate: Formula;
  postEngagementRate: Formula;
  followerGrowth: Formula;
  periodValues: Formula;
}

export interface StatisticsView {
  accountId: string;
  from: string;
  to: string;
  granularity: Granularity;
  dayTimeZone: string;
  dataLagHours: number;
  updatedAt: string | null;
  series: StatisticsPoint[];
  totals: StatisticsPoint;
  formulas: Formulas;
}

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
export type RankMetric = (typeof rankMetrics)[number];

export const productTypes = ['FEED', 'REELS', 'STORY'] as const;
export type ProductType = (typeof productTypes)[number];

export interface PostMetrics {
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  saved: number | null;
  shares: number | null;
  totalInteractions: number | null;
  replies: number | null;
  avgWatchTimeMs: number | null;
  tapsForward: number | null;
  tapsBack: number | null;
  exits: number | null;
}

export type InsightStatus = 'pending' | 'ok' | 'not_enough_viewers' | 'unavailable';

export interface PostInsight {
  /** null for a story known only from its webhook */
  postId: string | null;
  accountId: string;
  igMediaId: string;
  mediaType: string | null;
  mediaProductType: string | null;
  caption: string | null;
  permalink: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  timestamp: string;
  status: InsightStatus;
  source: 'graph' | 'webhook' | null;
  observedAt: string | null;
  nextRefreshAt: string | null;
  metrics: PostMetrics;
  engagementRate: number | null;
}

export interface PostInsightResponse extends PostInsight {
  formulas: Formulas;
}

export interface TopPostsView {
  items: PostInsight[];
  nextCursor: null;
  metric: RankMetric;
  from: string;
  to: string;
  formulas: Formulas;
}

export interface RefreshAccepted {
  accountJobId: string;
  postsJobId: string;
}
