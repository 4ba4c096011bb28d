// Media sync and comments; schema.ts says why ids and times are text, booleans 0/1 and JSON text.

/** one Instagram media of a connected account, as the last sync saw it */
export interface PostTable {
  id: string;
  workspace_id: string;
  account_id: string;
  ig_media_id: string;
  /** IMAGE, VIDEO, CAROUSEL_ALBUM */
  media_type: string | null;
  /** FEED, REELS, STORY, AD */
  media_product_type: string | null;
  caption: string | null;
  permalink: string | null;
  /** Meta's CDN URL: it expires, so every sync refreshes it (see post-sync.service.ts) */
  media_url: string | null;
  thumbnail_url: string | null;
  /** when Meta says it was published (ISO UTC) */
  timestamp: string;
  like_count: number | null;
  comments_count: number | null;
  /** JSON PostChild[]: the items of a carousel */
  children: string;
  /** the comments_count when this post's comments were last read through Graph; null before */
  comments_synced_count: number | null;
  synced_at: string;
  created_at: string;
  updated_at: string;
}

/** per account: how far media sync got */
export interface PostSyncTable {
  account_id: string;
  /** the last complete walk over all media; incremental runs stop early until it is a day old */
  full_sync_at: string | null;
  last_sync_at: string | null;
  /** JSON SyncResult of the last run */
  last_result: string | null;
}

export type CommentSource = 'webhook' | 'sync' | 'reply';

/** one comment (or reply) on a media of a connected account */
export interface CommentTable {
  id: string;
  workspace_id: string;
  account_id: string;
  ig_comment_id: string;
  ig_media_id: string;
  /** our post, once the media has been synced */
  post_id: string | null;
  /** the top-level comment this replies to (Instagram replies are one level deep) */
  parent_ig_comment_id: string | null;
  from_igsid: string | null;
  from_username: string | null;
  text: string | null;
  hidden: number;
  /** deleted through Relaydesk or no longer on Instagram */
  deleted: number;
  like_count: number | null;
  timestamp: string;
  /** written by the account itself (its replies): never a trigger for automation */
  from_self: number;
  /** how we first learned of it */
  source: CommentSource;
  /** the first time a webhook announced it: a comment is "new" to automation exactly once */
  webhook_at: string | null;
  created_at: string;
  updated_at: string;
}
