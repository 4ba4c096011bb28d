import { z } from 'zod';
import type { CommentRow } from './comment.repository.js';

const commentFields = {
  id: z.string(),
  accountId: z.string(),
  /** our post, once its media is synced */
  postId: z.string().nullable(),
  igCommentId: z.string(),
  igMediaId: z.string(),
  /** Instagram id of the top-level comment this replies to; null for a top-level comment */
  parentIgCommentId: z.string().nullable(),
  from: z.object({ igsid: z.string().nullable(), username: z.string().nullable() }),
  text: z.string().nullable(),
  hidden: z.boolean(),
  deleted: z.boolean(),
  likeCount: z.number().nullable(),
  timestamp: z.string(),
  /** written by the account itself */
  fromSelf: z.boolean(),
};

export const commentView = z.object(commentFields);
export type CommentView = z.infer<typeof commentView>;

/** a top-level comment with its replies (newest first) */
export const commentThreadView = z.object({ ...commentFields, replies: z.array(commentView) });

// Instagram allows comments of up to 2,200 characters.
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/comment-moderation
export const replyBody = z.object({ message: z.string().trim().min(1).max(2200) });
/** optional: `POST /comments/:id/hide` with no body hides (the seed's call), `{hidden:false}` unhides */
export const hideBody = z.object({ hidden: z.boolean().default(true) }).nullish();

export function toCommentView(c: CommentRow): CommentView {
  return {
    id: c.id,
    accountId: c.account_id,
    postId: c.post_id,
    igCommentId: c.ig_comment_id,
    igMediaId: c.ig_media_id,
    parentIgCommentId: c.parent_ig_comment_id,
    from: { igsid: c.from_igsid, username: c.from_username },
    text: c.text,
    hidden: c.hidden === 1,
    deleted: c.deleted === 1,
    likeCount: c.like_count,
    timestamp: c.timestamp,
    fromSelf: c.from_self === 1,
  };
}

/** what SSE and outbound webhooks carry about a comment */
export function commentEventData(c: CommentRow) {
  return toCommentView(c);
}
