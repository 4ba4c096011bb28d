import type { ChatraceMessage } from '../providers/chatrace/chatrace-inbound.js';
import { idOf } from '../providers/instagram/webhook-parser.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';

// What one routed event means for the inbox. Pure: a stored event in, an operation out (or null
// for events the inbox does not show: comments, mentions of posts, story insights…). Shapes:
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples

export interface StoredAttachment {
  /** Meta's type: image, video, audio, file, share, ig_reel, reel, ig_post, story_mention, story, unsupported_type, ephemeral… */
  type: string;
  /** Meta's URL (expires after a while) */
  sourceUrl: string | null;
  /** our copy in the attachment store, once made */
  attachmentId: string | null;
  mimeType: string | null;
}

export type ReplyTo =
  | { mid: string }
  | { story: { id: string | null; url: string | null } }
  /** our private reply to a comment (https://developers.facebook.com/docs/instagram-platform/private-replies) */
  | { comment: { id: string; text: string | null } };

export interface IncomingMessage {
  mid: string;
  direction: 'inbound' | 'outbound';
  kind: 'text' | 'attachment' | 'story_reply' | 'story_mention' | 'postback' | 'unsupported';
  text: string | null;
  attachments: StoredAttachment[];
  replyTo: ReplyTo | null;
  quickReplyPayload: string | null;
  postbackPayload: string | null;
  referral: Record<string, unknown> | null;
  /** customer, or instagram_app for an echo of a message the business sent outside Relaydesk */
  sentBy: 'customer' | 'instagram_app';
}

/** contact details a source volunteers (Chatrace sends name and username with each message) */
export interface ContactHint {
  username: string | null;
  name: string | null;
}

interface Base {
  /** the customer (IGSID or Chatrace contact id) */
  customerId: string;
  /** ISO time of the event */
  at: string;
}

export type InboxOp = Base &
  (
    | { type: 'message'; message: IncomingMessage; hint?: ContactHint }
    | {
        type: 'reaction';
        mid: string;
        actor: 'customer' | 'business';
        reaction: string | null;
        emoji: string | null;
      }
    | { type: 'seen'; mid: string | null }
    | { type: 'edit'; mid: string; text: string | null; editCount: number }
    | { type: 'delete'; mid: string; direction: 'inbound' | 'outbound' }
    | { type: 'referral'; referral: Record<string, unknown> }
  );

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export function toInboxOp(event: EventRow, accountExternalId: string): InboxOp | null {
  const customerId = event.sender_id;
  if (!customerId || customerId === accountExternalId) return null;
  const payload = parsePayload(event.payload);
  const base = { customerId, at: event.occurred_at };
  if (event.source === 'chatrace') {
    return event.kind === 'message' ? chatraceOp(base, payload as unknown as ChatraceMessage) : null;
  }
  const fromAccount = idOf(rec(payload.sender)?.id) === accountExternalId;
  switch (event.kind) {
    case 'message':
    case 'echo':
      return messageOp(base, rec(payload.message), fromAccount || event.kind === 'echo');
    case 'postback':
      return postbackOp(base, rec(payload.postback));
    case 'reaction': {
      const r = rec(payload.reaction);
      const mid = idOf(r?.mid);
      if (!mid) return null;
      const react = r?.action !== 'unreact';
      return {
        ...base,
        type: 'reaction',
        mid,
        actor: fromAccount ? 'business' : 'customer',
        reaction: react ? (str(r?.reaction) ?? 'love') : null,
        emoji: react ? str(r?.emoji) : null,
      };
    }
    case 'seen':
      // Only the customer's read receipts mark our messages read.
      return fromAccount ? null : { ...base, type: 'seen', mid: idOf(rec(payload.read)?.mid) };
    case 'edit': {
      const e = rec(payload.message_edit);
      const mid = idOf(e?.mid);
      if (!mid) return null;
      const count = typeof e?.num_edit === 'number' ? e.num_edit : 1;
      return { ...base, type: 'edit', mid, text: str(e?.text), editCount: count };
    }
    case 'delete': {
      const mid = idOf(rec(payload.message)?.mid);
      return mid ? { ...base, type: 'delete', mid, direction: fromAccount ? 'outbound' : 'inbound' } : null;
    }
    case 'referral': {
      const referral = rec(payload.referral);
      return referral ? { ...base, type: 'referral', referral } : null;
    }
    default:
      return null;
  }
}

function parsePayload(payload: string): Rec {
  try {
    return rec(JSON.parse(payload)) ?? {};
  } catch {
    return {};
  }
}

function messageOp(base: Base, m: Rec | null, outbound: boolean): InboxOp | null {
  const mid = idOf(m?.mid);
  if (!m || !mid) return null;
  const attachments = (Array.isArray(m.attachments) ? m.attachments : []).map(toAttachment);
  if (m.is_unsupported === true && attachments.length === 0) {
    attachments.push({ type: 'unsupported_type', sourceUrl: null, attachmentId: null, mimeType: null });
  }
  const reply = rec(m.reply_to);
  const story = rec(reply?.story);
  const replyTo: ReplyTo | null = story
    ? { story: { id: idOf(story.id), url: str(story.url) } }
    : idOf(reply?.mid)
      ? { mid: idOf(reply?.mid) as string }
      : null;
  const message: IncomingMessage = {
    mid,
    direction: outbound ? 'outbound' : 'inbound',
    kind: kindOf(attachments, story !== null),
    text: str(m.text),
    attachments,
    replyTo,
    quickReplyPayload: str(rec(m.quick_reply)?.payload),
    postbackPayload: null,
    referral: rec(m.referral),
    sentBy: outbound ? 'instagram_app' : 'customer',
  };
  return { ...base, type: 'message', message };
}

function kindOf(attachments: StoredAttachment[], storyReply: boolean): IncomingMessage['kind'] {
  if (storyReply) return 'story_reply';
  if (attachments.some((a) => a.type === 'story_mention')) return 'story_mention';
  if (attachments.length > 0 && attachments.every((a) => a.type === 'unsupported_type')) return 'unsupported';
  return attachments.length > 0 ? 'attachment' : 'text';
}

function toAttachment(a: unknown): StoredAttachment {
  const r = rec(a);
  const type = str(r?.type) ?? 'unknown';
  return { type, sourceUrl: str(rec(r?.payload)?.url), attachmentId: null, mimeType: null };
}

function postbackOp(base: Base, p: Rec | null): InboxOp | null {
  // A postback without a mid (older Messenger-style payloads) gets a stable id from its time.
  const mid = idOf(p?.mid) ?? `postback:${base.customerId}:${base.at}`;
  if (!p) return null;
  const message: IncomingMessage = {
    mid,
    direction: 'inbound',
    kind: 'postback',
    text: str(p.title),
    attachments: [],
    replyTo: null,
    quickReplyPayload: null,
    postbackPayload: str(p.payload),
    referral: rec(p.referral),
    sentBy: 'customer',
  };
  return { ...base, type: 'message', message };
}

function chatraceOp(base: Base, m: ChatraceMessage): InboxOp | null {
  if (!m || typeof m.messageId !== 'string') return null;
  const attachments = (m.attachments ?? []).map((a) => ({
    type: a.type,
    sourceUrl: a.url,
    attachmentId: null,
    mimeType: null,
  }));
  const message: IncomingMessage = {
    mid: m.messageId,
    direction: 'inbound',
    kind: attachments.length ? 'attachment' : 'text',
    text: m.text,
    attachments,
    replyTo: null,
    quickReplyPayload: null,
    postbackPayload: null,
    referral: null,
    sentBy: 'customer',
  };
  return { ...base, type: 'message', message, hint: { username: m.username, name: m.name } };
}

/** the customer's activity opens the 24 h window: messages, postbacks and referrals */
export function isCustomerActivity(op: InboxOp): boolean {
  return (op.type === 'message' && op.message.direction === 'inbound') || op.type === 'referral';
}
