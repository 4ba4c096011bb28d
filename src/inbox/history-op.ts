import type { Conversation, InstagramMessage } from '../providers/instagram/graph-message-schemas.js';
import { toIsoTime } from '../providers/instagram/webhook-parser.js';
import type { InboxOp, IncomingMessage, ReplyTo, StoredAttachment } from './inbox-op.js';

// A message read through the Conversations API, as the same inbox operations a webhook would have
// produced, so history, missed messages and live deliveries merge by mid into one thread. Pure.
// Field reference: https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api

type GraphAttachment = InstagramMessage['attachments'][number];

const attachment = (type: string, sourceUrl: string | null, mimeType: string | null = null) => ({
  type,
  sourceUrl,
  attachmentId: null,
  mimeType,
});

/**
 * Graph describes an attachment by which `*_data` it carries rather than by a type. A video also
 * carries a preview image on some versions, so video wins; audio arrives as a plain file whose
 * MIME type says what it is.
 */
function toAttachment(a: GraphAttachment): StoredAttachment {
  if (a.videoUrl) return attachment('video', a.videoUrl, a.mimeType);
  if (a.imageUrl) return attachment('image', a.imageUrl, a.mimeType);
  const audio = a.mimeType?.startsWith('audio/') ?? false;
  return attachment(audio ? 'audio' : 'file', a.fileUrl, a.mimeType);
}

function kindOf(attachments: StoredAttachment[], storyReply: boolean): IncomingMessage['kind'] {
  if (storyReply) return 'story_reply';
  if (attachments.some((a) => a.type === 'story_mention')) return 'story_mention';
  if (attachments.length > 0 && attachments.every((a) => a.type === 'unsupported_type')) return 'unsupported';
  return attachments.length > 0 ? 'attachment' : 'text';
}

/**
 * One Graph message as an inbox `message` operation, or null when it cannot be placed (no time).
 * `customerIgsid` is the other participant of the thread; whatever the business sent (from the
 * Instagram app, or through Relaydesk: then the mid matches and nothing is added) is outbound.
 */
export function graphMessageToOp(
  m: InstagramMessage,
  accountExternalId: string,
  customerIgsid: string,
): InboxOp | null {
  const at = toIsoTime(m.createdTime);
  if (!at) return null;
  const fromId = m.from?.id ?? null;
  const outbound =
    fromId === accountExternalId ||
    m.from?.userId === accountExternalId ||
    (fromId !== null && fromId !== customerIgsid);
  const attachments = m.attachments.map(toAttachment);
  for (const share of m.shares) attachments.push(attachment('share', share.link));
  if (m.story.mention) attachments.push(attachment('story_mention', m.story.mention.link));
  const storyReply = m.story.replyTo;
  // A message Graph cannot show (is_unsupported, or nothing readable at all) is still a message.
  if (attachments.length === 0 && (m.isUnsupported || (!m.text && !storyReply))) {
    attachments.push(attachment('unsupported_type', null));
  }
  const replyTo: ReplyTo | null = storyReply ? { story: { id: storyReply.id, url: storyReply.link } } : null;
  const message: IncomingMessage = {
    mid: m.id,
    direction: outbound ? 'outbound' : 'inbound',
    kind: kindOf(attachments, storyReply !== null),
    text: m.text || null,
    attachments,
    replyTo,
    quickReplyPayload: null,
    postbackPayload: null,
    referral: null,
    sentBy: outbound ? 'instagram_app' : 'customer',
  };
  return { type: 'message', customerId: customerIgsid, at, message };
}

/**
 * Graph's `reaction` is the word webhooks call `reaction` ("love"); an emoji in its place is the
 * webhook's `other` reaction with that emoji.
 */
function reactionOf(value: string): { reaction: string; emoji: string | null } {
  return /^[a-z_]+$/.test(value) ? { reaction: value, emoji: null } : { reaction: 'other', emoji: value };
}

/**
 * The message and the reactions on it. A reaction's own time is not in Graph, so it takes the
 * message's: a reaction a webhook reported (later) is never overwritten by this older one.
 */
export function graphMessageToOps(
  m: InstagramMessage,
  accountExternalId: string,
  customerIgsid: string,
): InboxOp[] {
  const op = graphMessageToOp(m, accountExternalId, customerIgsid);
  if (!op) return [];
  const ops: InboxOp[] = [op];
  for (const r of m.reactions) {
    for (const user of r.users) {
      const actor = user.id === customerIgsid ? 'customer' : 'business';
      ops.push({
        type: 'reaction',
        customerId: customerIgsid,
        at: op.at,
        mid: m.id,
        actor,
        ...reactionOf(r.reaction),
      });
    }
  }
  return ops;
}

/** a thread's messages (Graph: newest first) as operations in the order they happened */
export function threadToOps(
  messages: InstagramMessage[],
  accountExternalId: string,
  customerIgsid: string,
): InboxOp[] {
  return [...messages]
    .reverse()
    .flatMap((m) => graphMessageToOps(m, accountExternalId, customerIgsid))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * The customer of a Graph thread: the participant that is not the account. The account may
 * appear under its professional id or, as `user_id`, beside another id; an unclear thread
 * (no other participant, or several) is skipped rather than guessed.
 */
export function customerOf(
  participants: Conversation['participants'],
  account: { external_id: string; username: string | null },
): string | null {
  const others = participants.filter(
    (p) =>
      p.id !== account.external_id &&
      p.userId !== account.external_id &&
      !(account.username && p.username === account.username),
  );
  return others.length === 1 ? (others[0]?.id ?? null) : null;
}

/**
 * The moment from which on a message read through the Conversations API is news rather than
 * history (history is stored as read and never answered). Graph times have whole seconds, so a
 * message stamped with the cutoff's own second may lie on either side of it; `sameSecond` says
 * where it goes. Whatever a webhook also delivers is still stored, and answered, once (by mid).
 */
export interface Cutoff {
  at: number;
  sameSecond: 'history' | 'news';
}

export function splitAtCutoff(ops: InboxOp[], cutoff: Cutoff): { history: InboxOp[]; fresh: InboxOp[] } {
  const second = Math.floor(cutoff.at / 1000) * 1000;
  const firstNews = cutoff.sameSecond === 'news' ? second : second + 1000;
  const history: InboxOp[] = [];
  const fresh: InboxOp[] = [];
  for (const op of ops) (Date.parse(op.at) < firstNews ? history : fresh).push(op);
  return { history, fresh };
}
