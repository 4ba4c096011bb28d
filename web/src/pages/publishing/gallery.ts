import type { CommentThread, CommentView, PostView } from './types.js';

// How a synced media shows in the gallery. Meta's media_type says IMAGE, VIDEO or CAROUSEL_ALBUM;
// media_product_type tells a reel or a story from a feed video. A video's media_url is the video
// itself, so its card uses the thumbnail.
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media

export const postKinds = ['photo', 'video', 'reel', 'carousel', 'story'] as const;
export type PostKind = (typeof postKinds)[number];

export function postKind(p: Pick<PostView, 'mediaType' | 'mediaProductType'>): PostKind {
  if (p.mediaProductType === 'STORY') return 'story';
  if (p.mediaType === 'CAROUSEL_ALBUM') return 'carousel';
  if (p.mediaProductType === 'REELS') return 'reel';
  return p.mediaType === 'VIDEO' ? 'video' : 'photo';
}

const isVideo = (type: string | null) => type === 'VIDEO';

/** the picture for the card: a video's thumbnail, an image itself, an album's cover or first item */
export function thumbnailOf(p: Pick<PostView, 'mediaType' | 'mediaUrl' | 'thumbnailUrl' | 'children'>) {
  if (p.thumbnailUrl) return p.thumbnailUrl;
  if (p.mediaUrl && !isVideo(p.mediaType)) return p.mediaUrl;
  for (const c of p.children) {
    const url = c.thumbnailUrl ?? (isVideo(c.mediaType) ? null : c.mediaUrl);
    if (url) return url;
  }
  return null;
}

/** the first line or so of a caption, cut at a whole character (never half an emoji) */
export function captionExcerpt(caption: string | null, max = 120): string {
  const text = (caption ?? '').replace(/\s+/gu, ' ').trim();
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** the comments to show: deleted ones go, a thread's replies oldest first like Instagram shows them */
export function visibleThreads(items: readonly CommentThread[]): CommentThread[] {
  return items
    .filter((c) => !c.deleted)
    .map((c) => ({
      ...c,
      replies: c.replies
        .filter((r) => !r.deleted)
        .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp)),
    }));
}

/** comment.created / comment.updated as the live stream sends them (`data` is the comment view) */
export interface CommentEvent {
  type: 'comment.created' | 'comment.updated';
  comment: Pick<CommentView, 'id' | 'postId' | 'igMediaId' | 'fromSelf'>;
}

export const commentEventTypes = ['comment.created', 'comment.updated'] as const;

export function parseCommentEvent(type: string, data: unknown): CommentEvent | null {
  if (!(commentEventTypes as readonly string[]).includes(type) || !data || typeof data !== 'object')
    return null;
  const d = data as Record<string, unknown>;
  if (typeof d.id !== 'string' || typeof d.igMediaId !== 'string') return null;
  return {
    type: type as CommentEvent['type'],
    comment: {
      id: d.id,
      postId: typeof d.postId === 'string' ? d.postId : null,
      igMediaId: d.igMediaId,
      fromSelf: d.fromSelf === true,
    },
  };
}

export interface CommentPlan {
  /** the open post's comments changed: reload them */
  reloadOpen: boolean;
  /** customers' new comments per post (the cards show a "new" mark until the post is opened) */
  fresh: Map<string, number>;
}

/** what a burst of comment events means for the gallery with `openPostId` open */
export function planComments(
  events: readonly CommentEvent[],
  open: Pick<PostView, 'id' | 'igMediaId'> | null,
) {
  const plan: CommentPlan = { reloadOpen: false, fresh: new Map() };
  for (const e of events) {
    const onOpen = open !== null && (e.comment.postId === open.id || e.comment.igMediaId === open.igMediaId);
    if (onOpen) plan.reloadOpen = true;
    else if (e.type === 'comment.created' && !e.comment.fromSelf && e.comment.postId)
      plan.fresh.set(e.comment.postId, (plan.fresh.get(e.comment.postId) ?? 0) + 1);
  }
  return plan;
}
