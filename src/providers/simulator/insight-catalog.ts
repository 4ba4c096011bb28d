import type { MediaProductType, SimAccount, SimMedia } from './types.js';

// Which insight metrics exist today, and deterministic numbers for them: the same account,
// metric and day always give the same value, so tests and the demo dashboard are stable.
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-user/insights
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights

export interface AccountMetric {
  title: string;
  /** needs metric_type=total_value (Meta rejects these as a time series) */
  totalValueOnly: boolean;
  /** share of followers per day, before noise */
  rate: number;
  breakdowns: string[];
}

export const accountMetrics: Record<string, AccountMetric> = {
  reach: {
    title: 'Accounts reached',
    totalValueOnly: false,
    rate: 0.22,
    breakdowns: ['media_product_type', 'follow_type'],
  },
  follower_count: { title: 'Follower count', totalValueOnly: false, rate: 0.003, breakdowns: [] },
  views: {
    title: 'Views',
    totalValueOnly: true,
    rate: 0.55,
    breakdowns: ['media_product_type', 'follow_type'],
  },
  accounts_engaged: { title: 'Accounts engaged', totalValueOnly: true, rate: 0.03, breakdowns: [] },
  total_interactions: {
    title: 'Content interactions',
    totalValueOnly: true,
    rate: 0,
    breakdowns: ['media_product_type'],
  },
  likes: { title: 'Likes', totalValueOnly: true, rate: 0.04, breakdowns: ['media_product_type'] },
  comments: { title: 'Comments', totalValueOnly: true, rate: 0.005, breakdowns: ['media_product_type'] },
  shares: { title: 'Shares', totalValueOnly: true, rate: 0.004, breakdowns: ['media_product_type'] },
  saves: { title: 'Saves', totalValueOnly: true, rate: 0.006, breakdowns: ['media_product_type'] },
  replies: { title: 'Replies', totalValueOnly: true, rate: 0.002, breakdowns: [] },
  profile_links_taps: {
    title: 'Profile links taps',
    totalValueOnly: true,
    rate: 0.003,
    breakdowns: ['contact_button_type'],
  },
  follows_and_unfollows: {
    title: 'Follows and unfollows',
    totalValueOnly: true,
    rate: 0.004,
    breakdowns: ['follow_type'],
  },
  profile_views: { title: 'Profile views', totalValueOnly: true, rate: 0.02, breakdowns: [] },
};

/** metrics removed in v22 (Jan 2025, all versions since Apr 2025) answer with this text */
export const removedInV22 = [
  'impressions',
  'plays',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
];

/** "not available on Instagram business or creator accounts with fewer than 100 followers" */
export const followerGated = ['follower_count', 'follows_and_unfollows'];

const DIMENSIONS: Record<string, string[]> = {
  media_product_type: ['POST', 'CAROUSEL_CONTAINER', 'REEL', 'STORY'],
  follow_type: ['FOLLOWER', 'NON_FOLLOWER'],
  contact_button_type: ['BOOK_NOW', 'CALL', 'DIRECTION', 'EMAIL', 'TEXT'],
};

export const mediaMetrics: Record<MediaProductType, string[]> = {
  FEED: [
    'reach',
    'views',
    'likes',
    'comments',
    'shares',
    'saved',
    'total_interactions',
    'profile_visits',
    'profile_activity',
    'follows',
  ],
  REELS: [
    'reach',
    'views',
    'likes',
    'comments',
    'shares',
    'saved',
    'total_interactions',
    'ig_reels_avg_watch_time',
    'ig_reels_video_view_total_time',
  ],
  STORY: [
    'reach',
    'views',
    'replies',
    'shares',
    'total_interactions',
    'follows',
    'profile_visits',
    'profile_activity',
    'navigation',
  ],
  AD: ['reach', 'views', 'likes', 'comments', 'shares', 'saved', 'total_interactions'],
};

/** FNV-1a → [0, 1) */
export function noise(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h / 0x1_0000_0000;
}

/** what total_interactions adds up */
export const interactionParts = ['likes', 'comments', 'shares', 'saves', 'replies'];

/** one day's value of an account metric; total_interactions is the sum of its parts */
export function accountDaily(account: SimAccount, metric: string, day: number): number {
  if (metric === 'total_interactions')
    return interactionParts.reduce((sum, m) => sum + accountDaily(account, m, day), 0);
  const def = accountMetrics[metric];
  if (!def) return 0;
  const weekday = [0.85, 1, 1.05, 1.1, 1.15, 1.3, 1.2][((day % 7) + 7) % 7] ?? 1;
  return Math.round(
    account.followersCount * def.rate * (0.6 + 0.8 * noise(`${account.userId}:${metric}:${day}`)) * weekday,
  );
}

/** splits a total over a dimension's values, deterministically, summing to the total */
export function breakdown(total: number, dimension: string, key: string) {
  const values = DIMENSIONS[dimension] ?? [];
  const weights = values.map((v) => 0.2 + noise(`${key}:${dimension}:${v}`));
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  return values.map((v, i) => {
    const value = i === values.length - 1 ? left : Math.round((total * (weights[i] ?? 0)) / sum);
    left -= value;
    return { dimension_values: [v], value };
  });
}

/** lifetime value of a media metric, consistent with the media's like and comment counts */
export function mediaValue(media: SimMedia, comments: number, metric: string): number {
  const n = (k: string) => noise(`${media.id}:${k}`);
  const likes = media.likeCount;
  const reach = Math.round(likes * (9 + 6 * n('reach')) + 40);
  const shares = Math.round(likes * 0.08 * n('shares') + 1);
  const saved = Math.round(likes * 0.12 * n('saved') + 1);
  const replies = Math.round(reach * 0.01 * n('replies'));
  const values: Record<string, number> = {
    reach,
    views: Math.round(reach * (1.4 + n('views'))),
    likes,
    comments,
    shares,
    saved,
    replies,
    total_interactions: media.productType === 'STORY' ? replies + shares : likes + comments + shares + saved,
    profile_visits: Math.round(reach * 0.03 * n('visits')),
    profile_activity: Math.round(reach * 0.02 * n('activity')),
    follows: Math.round(reach * 0.005 * n('follows')),
    navigation: Math.round(reach * 0.8),
    ig_reels_avg_watch_time: Math.round(3000 + 9000 * n('watch')),
    ig_reels_video_view_total_time: Math.round(reach * (3000 + 9000 * n('watch'))),
  };
  return values[metric] ?? 0;
}
