// The insight metrics Relaydesk reads, by their current names (Meta retired impressions, plays and
// the reels play counts in v22, video_views before that). Every account metric is asked for with
// period=day and metric_type=total_value, which all of them accept and most of them require.
// https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights

export const accountMetrics = [
  'reach',
  'views',
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'replies',
  'profile_links_taps',
  'follows_and_unfollows',
] as const;
export type AccountMetric = (typeof accountMetrics)[number];

const feedMetrics = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions'] as const;

/** per media_product_type; anything else (AD, unknown) is read like a feed post */
export const mediaMetrics = {
  FEED: feedMetrics,
  REELS: [...feedMetrics, 'ig_reels_avg_watch_time'],
  STORY: ['views', 'reach', 'replies', 'shares', 'total_interactions'],
} as const satisfies Record<string, readonly string[]>;
export type MediaMetric = (typeof mediaMetrics)[keyof typeof mediaMetrics][number];

export function mediaMetricsFor(productType: string | null): readonly MediaMetric[] {
  return productType === 'REELS' || productType === 'STORY' ? mediaMetrics[productType] : mediaMetrics.FEED;
}

/** retired metrics: never requested (Meta answers them with error 100 since v22) */
export const retiredMetrics = [
  'impressions',
  'plays',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
  'video_views',
];

/** Meta's media metric → its column in media_insights */
export const mediaColumn = {
  views: 'views',
  reach: 'reach',
  likes: 'likes',
  comments: 'comments',
  saved: 'saved',
  shares: 'shares',
  total_interactions: 'total_interactions',
  replies: 'replies',
  ig_reels_avg_watch_time: 'avg_watch_time_ms',
} as const satisfies Record<MediaMetric, string>;
