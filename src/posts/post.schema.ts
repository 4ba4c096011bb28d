import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { Media } from '../providers/instagram/graph-media-schemas.js';
import type { PostRow, PostSyncRow } from './post.repository.js';

/** an item of a carousel (Meta gives children no caption, counts or comments) */
export const postChild = z.object({
  igMediaId: z.string(),
  mediaType: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  permalink: z.string().nullable(),
});
export type PostChild = z.infer<typeof postChild>;

export const postView = z.object({
  id: z.string(),
  accountId: z.string(),
  igMediaId: z.string(),
  /** IMAGE, VIDEO, CAROUSEL_ALBUM */
  mediaType: z.string().nullable(),
  /** FEED, REELS, STORY, AD */
  mediaProductType: z.string().nullable(),
  caption: z.string().nullable(),
  permalink: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  timestamp: z.string(),
  likeCount: z.number().nullable(),
  commentsCount: z.number().nullable(),
  children: z.array(postChild),
  syncedAt: z.string(),
});
export type PostView = z.infer<typeof postView>;

export const postQuery = pageQuery.extend({ accountId: z.string().max(64).optional() });
export const recentQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const syncAccepted = z.object({ jobId: z.string() });

export const syncResult = z.object({
  mode: z.enum(['full', 'incremental']),
  pages: z.number(),
  seen: z.number(),
  created: z.number(),
  updated: z.number(),
  removed: z.number(),
  /** the page bound stopped a full walk while Meta had more */
  truncated: z.boolean(),
  commentPosts: z.number(),
  commentsImported: z.number(),
  error: z.string().optional(),
  errorKind: z.string().optional(),
});
export type SyncResult = z.infer<typeof syncResult>;

export const syncJobParams = z.object({ id: z.string().min(1).max(64), jobId: z.string().min(1).max(64) });

/** one sync-media job as its account's users see it (GET /accounts/:id/sync-media/:jobId) */
export const syncJobView = z.object({
  jobId: z.string(),
  state: z.enum(['waiting', 'delayed', 'active', 'completed', 'dead']),
  /** 0–100; 100 once completed */
  progress: z.number(),
  /** the account's last finished sync (this one's, once it completed) */
  lastResult: syncResult.nullable(),
});

export const syncStateView = z.object({
  fullSyncAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastResult: syncResult.nullable(),
});

export function toSyncStateView(s: PostSyncRow | undefined): z.infer<typeof syncStateView> {
  return {
    fullSyncAt: s?.full_sync_at ?? null,
    lastSyncAt: s?.last_sync_at ?? null,
    lastResult: s?.last_result ? (JSON.parse(s.last_result) as SyncResult) : null,
  };
}

export function toPostView(p: PostRow): PostView {
  return {
    id: p.id,
    accountId: p.account_id,
    igMediaId: p.ig_media_id,
    mediaType: p.media_type,
    mediaProductType: p.media_product_type,
    caption: p.caption,
    permalink: p.permalink,
    mediaUrl: p.media_url,
    thumbnailUrl: p.thumbnail_url,
    timestamp: p.timestamp,
    likeCount: p.like_count,
    commentsCount: p.comments_count,
    children: JSON.parse(p.children) as PostChild[],
    syncedAt: p.synced_at,
  };
}

/** the columns a Graph media fills (everything but ids, bookkeeping and times of our own) */
export type MediaFields = Pick<
  PostRow,
  | 'media_type'
  | 'media_product_type'
  | 'caption'
  | 'permalink'
  | 'media_url'
  | 'thumbnail_url'
  | 'timestamp'
  | 'like_count'
  | 'comments_count'
  | 'children'
>;

export function mediaFields(m: Media, timestamp: string): MediaFields {
  const children: PostChild[] = m.children.map((c) => ({
    igMediaId: c.id,
    mediaType: c.mediaType,
    mediaUrl: c.mediaUrl,
    thumbnailUrl: c.thumbnailUrl,
    permalink: c.permalink,
  }));
  return {
    media_type: m.mediaType,
    media_product_type: m.mediaProductType,
    caption: m.caption,
    permalink: m.permalink,
    media_url: m.mediaUrl,
    thumbnail_url: m.thumbnailUrl,
    timestamp,
    like_count: m.likeCount,
    comments_count: m.commentsCount,
    children: JSON.stringify(children),
  };
}
