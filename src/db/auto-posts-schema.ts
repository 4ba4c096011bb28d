// Auto-posting's tables; schema.ts says why ids and times are text, booleans 0/1 and JSON text.

/**
 * pending → publishing → published | failed. `held`: Meta's 24 h publishing limit is used up, the
 * post waits for quota (error_code/error_message say so). `skipped`: a rotation slot whose products
 * were all out of stock. `cancelled`: by a user while pending.
 */
export type AutoPostStatus =
  | 'pending'
  | 'publishing'
  | 'held'
  | 'published'
  | 'failed'
  | 'cancelled'
  | 'skipped';

export type AutoPostMediaType = 'image' | 'carousel' | 'reel' | 'story';

/** one scheduled Instagram post and every publishing step taken so far (each persisted before the next) */
export interface AutoPostTable {
  id: string;
  workspace_id: string;
  account_id: string;
  product_id: string | null;
  series_id: string | null;
  media_type: AutoPostMediaType;
  /** JSON {type:'image'|'video', url}[]; null: the product's images */
  media: string | null;
  /** reels: the cover image */
  cover_url: string | null;
  /** reels: also show in the feed (Meta's default is true) */
  share_to_feed: number;
  /** a literal caption (used when there is no template) */
  caption: string | null;
  /** the template body, rendered at publish time so a changed price shows */
  caption_template: string | null;
  caption_template_id: string | null;
  /** BCP 47 locale that formats prices in the template */
  locale: string;
  first_comment: string | null;
  scheduled_at: string;
  status: AutoPostStatus;
  error_code: string | null;
  error_message: string | null;
  /** when the publish job should next look at this post; null: nothing left to do */
  next_run_at: string | null;
  /** a run owns the post until then (two runs never work one post at once) */
  locked_until: string | null;
  /** transient failures so far (bounded, then failed) */
  attempts: number;
  /** JSON string[]: carousel item containers, in order */
  children: string | null;
  /** the container media_publish is called with */
  container_id: string | null;
  container_status: string | null;
  containers_created_at: string | null;
  polls: number;
  /** set (and committed) right before media_publish: a later run checks Meta before trying again */
  publish_attempted_at: string | null;
  /** the caption as sent to Meta */
  published_caption: string | null;
  /** JSON {type, url}[] as sent to Meta, resolved when the post fell due (`media` stays the user's) */
  published_media: string | null;
  published_cover_url: string | null;
  ig_media_id: string | null;
  permalink: string | null;
  published_at: string | null;
  /** set right before the first comment is posted: it is posted at most once */
  first_comment_at: string | null;
  first_comment_id: string | null;
  created_at: string;
  updated_at: string;
}

/** a recurring rotation: one post per slot (time of day on some weekdays), products in turn */
export interface AutoPostSeriesTable {
  id: string;
  workspace_id: string;
  account_id: string;
  name: string;
  /** JSON string[]: the rotation, in order */
  product_ids: string;
  /** index into product_ids of the next product to post */
  position: number;
  media_type: 'image' | 'carousel' | 'story';
  caption_template: string | null;
  caption_template_id: string | null;
  locale: string;
  first_comment: string | null;
  /** HH:MM in `timezone` */
  time_of_day: string;
  /** JSON number[]: 0 = Sunday … 6 = Saturday */
  days: string;
  timezone: string;
  is_active: number;
  created_at: string;
  updated_at: string;
}
