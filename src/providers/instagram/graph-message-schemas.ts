import { z } from 'zod';
import { idSchema, nbool, nnum, nstr } from './graph-schemas.js';

// Messaging and comment response schemas (lenient; see graph-schemas.ts for the policy).
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api

const participantSchema = z
  .object({ id: idSchema, username: nstr, user_id: idSchema.nullish().transform((v) => v ?? null) })
  .transform((p) => ({ id: p.id, username: p.username, userId: p.user_id }));
export type Participant = z.output<typeof participantSchema>;

const listOf = <T extends z.ZodType>(item: T) =>
  z
    .object({ data: z.array(item) })
    .nullish()
    .transform((v) => v?.data ?? []);

const storyRefSchema = z
  .object({ id: idSchema, link: nstr })
  .nullish()
  .transform((v) => v ?? null);

const attachmentSchema = z
  .object({
    id: nstr,
    name: nstr,
    mime_type: nstr,
    image_data: z.object({ url: z.string() }).nullish(),
    video_data: z.object({ url: z.string() }).nullish(),
    file_url: nstr,
  })
  .transform((a) => ({
    id: a.id,
    name: a.name,
    mimeType: a.mime_type,
    imageUrl: a.image_data?.url ?? null,
    videoUrl: a.video_data?.url ?? null,
    fileUrl: a.file_url,
  }));

export const messageSchema = z
  .object({
    id: idSchema,
    created_time: nstr,
    from: participantSchema.nullish(),
    to: listOf(participantSchema),
    message: nstr,
    is_unsupported: nbool,
    attachments: listOf(attachmentSchema),
    reactions: listOf(z.object({ reaction: z.string(), users: z.array(participantSchema).nullish() })),
    shares: listOf(z.object({ link: nstr })),
    story: z.object({ reply_to: storyRefSchema, mention: storyRefSchema }).nullish(),
  })
  .transform((m) => ({
    id: m.id,
    createdTime: m.created_time,
    from: m.from ?? null,
    to: m.to,
    text: m.message,
    isUnsupported: m.is_unsupported ?? false,
    attachments: m.attachments,
    reactions: m.reactions.map((r) => ({ reaction: r.reaction, users: r.users ?? [] })),
    shares: m.shares.map((s) => ({ link: s.link })),
    story: { replyTo: m.story?.reply_to ?? null, mention: m.story?.mention ?? null },
  }));
export type InstagramMessage = z.output<typeof messageSchema>;

export const conversationSchema = z
  .object({
    id: idSchema,
    updated_time: nstr,
    participants: listOf(participantSchema),
    messages: listOf(messageSchema),
  })
  .transform((c) => ({
    id: c.id,
    updatedTime: c.updated_time,
    participants: c.participants,
    /** newest first; Meta returns at most the 20 most recent messages of a thread */
    messages: c.messages,
  }));
export type Conversation = z.output<typeof conversationSchema>;

// `{recipient_id, message_id}` for messages, `{recipient_id}` for sender actions (reactions),
// `{id}` when an account messages itself.
export const sendResultSchema = z
  .object({ recipient_id: nstr, message_id: nstr, id: nstr })
  .refine((r) => r.recipient_id !== null || r.message_id !== null || r.id !== null, {
    message: 'expected recipient_id, message_id or id',
  })
  .transform((r) => ({ recipientId: r.recipient_id, messageId: r.message_id ?? r.id }));
export type SendResult = z.output<typeof sendResultSchema>;

// ---- comments -------------------------------------------------------------------------------

const commentBase = z.object({
  id: idSchema,
  text: nstr,
  timestamp: nstr,
  username: nstr,
  from: z.object({ id: idSchema, username: nstr }).nullish(),
  user: z.object({ id: idSchema }).nullish(),
  like_count: nnum,
  hidden: nbool,
  parent_id: nstr,
  media: z.object({ id: idSchema, media_product_type: nstr }).nullish(),
});

function toComment(c: z.output<typeof commentBase>) {
  return {
    id: c.id,
    text: c.text,
    timestamp: c.timestamp,
    username: c.username ?? c.from?.username ?? null,
    /** the commenter's IGSID */
    fromId: c.from?.id ?? c.user?.id ?? null,
    likeCount: c.like_count,
    hidden: c.hidden,
    parentId: c.parent_id,
    mediaId: c.media?.id ?? null,
    mediaProductType: c.media?.media_product_type ?? null,
  };
}
type CommentCore = ReturnType<typeof toComment>;
export type Comment = CommentCore & { replies: CommentCore[] };

export const commentSchema: z.ZodType<Comment> = commentBase
  .extend({ replies: listOf(commentBase.transform(toComment)) })
  .transform((c) => ({ ...toComment(c), replies: c.replies }));

export const mentionedCommentSchema = z
  .object({ mentioned_comment: commentSchema })
  .transform((r) => r.mentioned_comment);
