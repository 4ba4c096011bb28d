import type { PostRow } from '../posts/post.repository.js';
import type { PostInsightView } from './insight.schema.js';
import type { MediaInsightRow, TopRow } from './media-insight.repository.js';

// Stored rows → the API's post insight view (a synced post, or a ranked media with its post).

function metricsOf(r: MediaInsightRow | undefined): PostInsightView['metrics'] {
  return {
    views: r?.views ?? null,
    reach: r?.reach ?? null,
    likes: r?.likes ?? null,
    comments: r?.comments ?? null,
    saved: r?.saved ?? null,
    shares: r?.shares ?? null,
    totalInteractions: r?.total_interactions ?? null,
    replies: r?.replies ?? null,
    avgWatchTimeMs: r?.avg_watch_time_ms ?? null,
    tapsForward: r?.taps_forward ?? null,
    tapsBack: r?.taps_back ?? null,
    exits: r?.exits ?? null,
  };
}

function insightPart(r: MediaInsightRow | undefined) {
  const m = metricsOf(r);
  return {
    status: r?.status ?? ('pending' as const),
    source: r?.source ?? null,
    observedAt: r?.observed_at ?? null,
    nextRefreshAt: r?.next_refresh_at ?? null,
    metrics: m,
    engagementRate: m.totalInteractions !== null && m.reach ? m.totalInteractions / m.reach : null,
  };
}

export function postView(p: PostRow, r: MediaInsightRow | undefined): PostInsightView {
  return {
    postId: p.id,
    accountId: p.account_id,
    igMediaId: p.ig_media_id,
    mediaType: p.media_type,
    mediaProductType: p.media_product_type,
    caption: p.caption,
    permalink: p.permalink,
    mediaUrl: p.media_url,
    thumbnailUrl: p.thumbnail_url,
    timestamp: p.timestamp,
    ...insightPart(r),
  };
}

export function topView(r: TopRow): PostInsightView {
  return {
    postId: r.post_id,
    accountId: r.account_id,
    igMediaId: r.ig_media_id,
    mediaType: r.media_type,
    mediaProductType: r.media_product_type,
    caption: r.caption,
    permalink: r.permalink,
    mediaUrl: r.media_url,
    thumbnailUrl: r.thumbnail_url,
    timestamp: r.media_timestamp,
    ...insightPart(r),
  };
}
