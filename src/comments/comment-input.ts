import { z } from 'zod';
import type { AccountRow } from '../accounts/account.repository.js';
import { newId } from '../db/ids.js';
import type { CommentSource } from '../db/schema.js';
import type { Comment } from '../providers/instagram/graph-message-schemas.js';
import { idOf, toIsoTime } from '../providers/instagram/webhook-parser.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import type { CommentRow } from './comment.repository.js';

/** a comment as any source describes it, before it becomes a row */
export interface CommentInput {
  igCommentId: string;
  igMediaId: string;
  parentIgCommentId: string | null;
  fromIgsid: string | null;
  fromUsername: string | null;
  text: string | null;
  hidden: boolean;
  likeCount: number | null;
  timestamp: string;
}

const id = z.unknown().transform(idOf);
const str = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? v : null))
  .nullish();

// The `comments` webhook value: IG Login sends `id`, FB Login `comment_id`; both nest `from` and
// `media`; `parent_id` only on replies. No timestamp: the entry's time (occurred_at) stands in.
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples (comments)
const webhookValue = z.object({
  id: id.optional(),
  comment_id: id.optional(),
  parent_id: id.optional(),
  text: str,
  from: z.object({ id: id.optional(), username: str }).nullish(),
  media: z.object({ id: id.optional() }).nullish(),
});

/** a stored `comment` event → input; null when Meta left out the comment or media id */
export function fromWebhookEvent(e: EventRow): CommentInput | null {
  let payload: unknown;
  try {
    payload = JSON.parse(e.payload);
  } catch {
    return null;
  }
  // changes[i] ({field, value}) and the flat entry ({id, time, field, value}) both carry `value`
  const parsed = webhookValue.safeParse((payload as { value?: unknown } | null)?.value);
  if (!parsed.success) return null;
  const v = parsed.data;
  const igCommentId = v.id ?? v.comment_id ?? null;
  const igMediaId = v.media?.id ?? null;
  if (!igCommentId || !igMediaId) return null;
  return {
    igCommentId,
    igMediaId,
    parentIgCommentId: v.parent_id ?? null,
    fromIgsid: v.from?.id ?? e.sender_id,
    fromUsername: v.from?.username ?? null,
    text: v.text ?? null,
    hidden: false,
    likeCount: null,
    timestamp: e.occurred_at,
  };
}

/** a comment read through Graph; `parent` is the comment whose replies were listed */
export function fromGraph(c: Comment, igMediaId: string, parent: string | null, now: string): CommentInput {
  return {
    igCommentId: c.id,
    igMediaId: c.mediaId ?? igMediaId,
    parentIgCommentId: c.parentId ?? parent,
    fromIgsid: c.fromId,
    fromUsername: c.username,
    text: c.text,
    hidden: c.hidden === true,
    likeCount: c.likeCount,
    timestamp: toIsoTime(c.timestamp) ?? now,
  };
}

export function toCommentRow(
  account: AccountRow,
  c: CommentInput,
  source: CommentSource,
  postId: string | null,
  now: string,
): CommentRow {
  return {
    id: newId(Date.parse(now)),
    workspace_id: account.workspace_id,
    account_id: account.id,
    ig_comment_id: c.igCommentId,
    ig_media_id: c.igMediaId,
    post_id: postId,
    parent_ig_comment_id: c.parentIgCommentId,
    from_igsid: c.fromIgsid,
    from_username: c.fromUsername,
    text: c.text,
    hidden: c.hidden ? 1 : 0,
    deleted: 0,
    like_count: c.likeCount,
    timestamp: c.timestamp,
    // The account's own comments and replies (ours, or typed in the Instagram app) come back as
    // comments too: from.id is then the professional account's id, the webhook entry id.
    from_self: c.fromIgsid !== null && c.fromIgsid === account.external_id ? 1 : 0,
    source,
    webhook_at: source === 'webhook' ? now : null,
    created_at: now,
    updated_at: now,
  };
}
