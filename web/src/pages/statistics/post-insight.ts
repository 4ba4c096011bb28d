import type { ValueKind } from './stats-format.js';
import type { PostMetrics, RankMetric } from './types.js';

// Which of a post's insights apply to it: Meta reports watch time only for reels, and taps and
// exits only for stories, so the panel does not list "unknown" for numbers that cannot exist.

export type PostMetricKey = keyof PostMetrics;

const common: PostMetricKey[] = [
  'views',
  'reach',
  'likes',
  'comments',
  'saved',
  'shares',
  'totalInteractions',
];

export function postMetricKeys(productType: string | null): PostMetricKey[] {
  if (productType === 'STORY')
    return ['views', 'reach', 'replies', 'shares', 'totalInteractions', 'tapsForward', 'tapsBack', 'exits'];
  if (productType === 'REELS') return [...common, 'avgWatchTimeMs'];
  return common;
}

export const metricKind = (key: PostMetricKey | RankMetric): ValueKind =>
  key === 'engagementRate' ? 'rate' : key === 'avgWatchTimeMs' ? 'duration' : 'count';

/** a ranked post's value of the metric it is ranked by */
export function rankValue(
  post: { metrics: PostMetrics; engagementRate: number | null },
  metric: RankMetric,
): number | null {
  return metric === 'engagementRate' ? post.engagementRate : post.metrics[metric];
}

const tableColumns: RankMetric[] = [
  'reach',
  'views',
  'likes',
  'comments',
  'saved',
  'shares',
  'totalInteractions',
  'engagementRate',
];

/** the top-posts table's number columns: the ranked metric first, then the usual ones */
export function topColumns(metric: RankMetric): RankMetric[] {
  return [metric, ...tableColumns.filter((c) => c !== metric)];
}

/** the dictionary key of a post's kind: reel, story, carousel, photo, video */
export function postKind(p: { mediaProductType: string | null; mediaType: string | null }) {
  if (p.mediaProductType === 'REELS') return 'reel' as const;
  if (p.mediaProductType === 'STORY') return 'story' as const;
  if (p.mediaType === 'CAROUSEL_ALBUM') return 'carousel' as const;
  if (p.mediaType === 'VIDEO') return 'video' as const;
  return 'photo' as const;
}
