// Statistics: daily account snapshots and per-media insights; schema.ts says why ids and times
// are text. Every metric column is nullable on purpose: NULL is "Meta gave no value" (too few
// followers or viewers, an empty data set, not fetched yet) and is never the same as 0.

/** one account on one of Meta's insight days (midnight to midnight Pacific time) */
export interface AccountInsightDayTable {
  account_id: string;
  workspace_id: string;
  /** YYYY-MM-DD: the date of Meta's insight day */
  day: string;
  /** from the profile (GET /{ig-user-id}); the latest reading taken during the day wins */
  followers_count: number | null;
  follows_count: number | null;
  media_count: number | null;
  profile_read_at: string | null;
  reach: number | null;
  views: number | null;
  accounts_engaged: number | null;
  total_interactions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  replies: number | null;
  profile_links_taps: number | null;
  follows_and_unfollows: number | null;
  /** the last time the day's insights were read (days within Meta's 48 h lag are read again) */
  insights_read_at: string | null;
  created_at: string;
  updated_at: string;
}

export type MediaInsightStatus = 'ok' | 'not_enough_viewers' | 'unavailable';

/** the latest lifetime insights of one media (a synced post, or a story from the webhook) */
export interface MediaInsightTable {
  id: string;
  workspace_id: string;
  account_id: string;
  ig_media_id: string;
  /** FEED, REELS, STORY */
  media_product_type: string;
  /** when the media was published (a story known only from its webhook: when that arrived) */
  media_timestamp: string;
  status: MediaInsightStatus;
  source: 'graph' | 'webhook';
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  saved: number | null;
  shares: number | null;
  total_interactions: number | null;
  replies: number | null;
  /** reels: ig_reels_avg_watch_time, milliseconds */
  avg_watch_time_ms: number | null;
  /** stories (webhook) */
  taps_forward: number | null;
  taps_back: number | null;
  exits: number | null;
  /** when Meta measured these values: our read, or the webhook's time (an older event never overwrites) */
  observed_at: string;
  /** when the values are read again (decaying: often while the post is new, then weekly); null: never */
  next_refresh_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}
