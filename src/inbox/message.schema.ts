import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { ReplyTo, StoredAttachment } from './inbox-op.js';
import type { MessageRow, ReactionRow } from './message.repository.js';

export const attachmentView = z.object({
  /** image, video, audio, file, share, ig_reel, reel, ig_post, story_mention, story, unsupported_type, ephemeral… */
  type: z.string(),
  /** our stored copy when there is one (a signed URL), else Meta's URL (which expires) */
  url: z.string().nullable(),
  /** Meta's original URL */
  sourceUrl: z.string().nullable(),
  attachmentId: z.string().nullable(),
  mimeType: z.string().nullable(),
});

export const messageStatus = z.enum(['received', 'queued', 'sending', 'sent', 'read', 'failed']);

export const messageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** Meta's mid; null while queued */
  externalId: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  /** text, attachment, story_reply, story_mention, postback, unsupported */
  kind: z.string(),
  text: z.string().nullable(),
  attachments: z.array(attachmentView),
  replyTo: z
    .union([
      z.object({ mid: z.string(), messageId: z.string().nullable(), text: z.string().nullable() }),
      z.object({ story: z.object({ id: z.string().nullable(), url: z.string().nullable() }) }),
      /** a private reply to this comment */
      z.object({ comment: z.object({ id: z.string(), text: z.string().nullable() }) }),
    ])
    .nullable(),
  quickReplyPayload: z.string().nullable(),
  /** buttons we offered with this text */
  quickReplies: z.array(z.object({ title: z.string(), payload: z.string() })),
  /** the button the customer tapped */
  postback: z.object({ title: z.string().nullable(), payload: z.string().nullable() }).nullable(),
  referral: z.record(z.string(), z.unknown()).nullable(),
  reactions: z.array(
    z.object({ actor: z.enum(['customer', 'business']), reaction: z.string(), emoji: z.string().nullable() }),
  ),
  status: messageStatus,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** customer, user, automation, api, instagram_app */
  sentBy: z.string(),
  sentByUserId: z.string().nullable(),
  tag: z.string().nullable(),
  editCount: z.number(),
  isDeleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;

export const messageQuery = pageQuery;

export const outgoingAttachmentTypes = ['image', 'video', 'audio', 'file'] as const;

/** a file to send: by URL, or an upload from POST /api/v1/attachments */
export const outgoingAttachment = z
  .object({
    type: z.enum(outgoingAttachmentTypes),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    attachmentId: z.string().max(64).optional(),
  })
  .strict()
  .refine((a) => (a.url === undefined) !== (a.attachmentId === undefined), {
    message: 'give either url or attachmentId',
  });

// Meta's limits for Instagram quick replies: at most 13, titles of up to 20 characters
// (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api/quick-replies).
export const quickReply = z.object({
  title: z.string().trim().min(1).max(20),
  /** what the webhook reports when tapped; defaults to the title */
  payload: z.string().max(1000).optional(),
});
export const quickReplies = z
  .array(quickReply)
  .max(13)
  .transform((list) => list.map((q) => ({ title: q.title, payload: q.payload ?? q.title })));

export const sendBody = z.union([
  z.object({ text: z.string().trim().min(1).max(1000), quickReplies: quickReplies.optional() }).strict(),
  z
    .object({
      attachment: outgoingAttachment,
    })
    .strict(),
  z
    .object({
      reaction: z.object({
        messageId: z.string().max(64),
        /** 'love' (the only reaction Instagram accepts), or null to remove ours */
        reaction: z.literal('love').nullable(),
      }),
    })
    .strict(),
]);
export type SendBody = z.infer<typeof sendBody>;

export const sendAccepted = z.object({ id: z.string(), status: messageStatus });

export interface MessageViewContext {
  /** the customer has seen our messages up to this time */
  customerReadAt: string | null;
  reactions: ReactionRow[];
  /** messages a reply points at, by mid */
  replied: Map<string, Pick<MessageRow, 'id' | 'text'>>;
  /** a signed URL for a stored copy */
  attachmentUrl(attachmentId: string): string;
}

export function toMessageView(m: MessageRow, ctx: MessageViewContext): MessageView {
  const attachments = (JSON.parse(m.attachments) as StoredAttachment[]).map((a) => ({
    type: a.type,
    url: a.attachmentId ? ctx.attachmentUrl(a.attachmentId) : a.sourceUrl,
    sourceUrl: a.sourceUrl,
    attachmentId: a.attachmentId,
    mimeType: a.mimeType,
  }));
  const reply = m.reply_to ? (JSON.parse(m.reply_to) as ReplyTo) : null;
  const replyTo =
    reply && 'mid' in reply
      ? {
          mid: reply.mid,
          messageId: ctx.replied.get(reply.mid)?.id ?? null,
          text: ctx.replied.get(reply.mid)?.text ?? null,
        }
      : reply;
  const read =
    m.direction === 'outbound' &&
    m.status === 'sent' &&
    ctx.customerReadAt !== null &&
    m.created_at <= ctx.customerReadAt;
  return {
    id: m.id,
    conversationId: m.conversation_id,
    externalId: m.external_id,
    direction: m.direction,
    kind: m.kind,
    text: m.text,
    attachments,
    replyTo,
    quickReplyPayload: m.quick_reply_payload,
    quickReplies: m.quick_replies ? JSON.parse(m.quick_replies) : [],
    postback: m.kind === 'postback' ? { title: m.text, payload: m.postback_payload } : null,
    referral: m.referral ? (JSON.parse(m.referral) as Record<string, unknown>) : null,
    reactions: ctx.reactions
      .filter((r) => r.message_external_id === m.external_id && r.reaction !== null)
      .map((r) => ({
        actor: r.actor as 'customer' | 'business',
        reaction: r.reaction as string,
        emoji: r.emoji,
      })),
    status: read ? 'read' : m.status,
    error: m.error_code ? { code: m.error_code, message: m.error_message ?? '' } : null,
    sentBy: m.sent_by,
    sentByUserId: m.sent_by_user_id,
    tag: m.tag,
    editCount: m.edit_count,
    isDeleted: m.is_deleted === 1,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}
