import type { GraphRequest, Route } from './context.js';
import { route } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { obj, str } from './http-io.js';
import type { SimAccount, SimAttachment, SimConversation, SimMessage } from './types.js';
import { messageEvent, messagingPayload } from './webhook-payloads.js';

// The Send API: POST /{ig-user-id}/messages. Text, attachments, reactions, private replies to
// comments; the 24 h window from the customer's last message (7 days with HUMAN_AGENT).
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
// https://developers.facebook.com/docs/instagram-platform/private-replies

const HOUR = 3600_000;
const STANDARD_WINDOW = 24 * HOUR;
const HUMAN_AGENT_WINDOW = 7 * 24 * HOUR;
const PRIVATE_REPLY_WINDOW = 7 * 24 * HOUR;
const ATTACHMENT_TYPES = ['image', 'video', 'audio', 'file', 'MEDIA_SHARE', 'like_heart'];

/** observed: messaging_ig_login_10_2534022_outside_window_IGApiException.observed.json */
const outsideWindow = () =>
  new GraphError({
    message: 'This message is sent outside of allowed window.',
    type: 'IGApiException',
    code: 10,
    subcode: 2534022,
  });
const invalidMessage = () =>
  new GraphError({ message: 'Invalid message data', type: 'IGApiException', code: 100, subcode: 2534015 });

export const messagingRoutes: Route[] = [
  route('user', 'POST', 'messages', 'instagram_business_manage_messages', (r, account) => send(r, account)),
];

function send(r: GraphRequest, account: SimAccount): unknown {
  const recipient = obj(r.req.params.recipient);
  if (!recipient) throw graphErrors.missingParam('recipient');
  const commentId = str(recipient.comment_id);
  if (commentId) return privateReply(r, account, commentId);
  const igsid = str(recipient.id) ?? '';
  const conversation = r.sim.state.conversationsOf(account.userId).find((c) => c.igsid === igsid);
  // observed: messaging_100_2018001_no_matching_user.observed.json
  if (!conversation)
    throw new GraphError({ message: '(#100) No matching user found', code: 100, subcode: 2018001 });
  checkWindow(r, conversation);

  const action = str(r.req.params.sender_action);
  if (action) return senderAction(r, conversation, action);
  const message = obj(r.req.params.message);
  const { text, attachments } = content(message);
  const sent = r.sim.state.addMessage(conversation, {
    fromCustomer: false,
    text,
    attachments,
    quickReplies: quickReplies(message),
    tag: str(r.req.params.tag),
  });
  echo(r, account, sent.id);
  return { recipient_id: igsid, message_id: sent.id };
}

function checkWindow(r: GraphRequest, conversation: SimConversation): void {
  const last = conversation.lastCustomerMessageAt;
  const age = last === null ? Number.POSITIVE_INFINITY : r.sim.clock() - last;
  const limit = str(r.req.params.tag) === 'HUMAN_AGENT' ? HUMAN_AGENT_WINDOW : STANDARD_WINDOW;
  if (age > limit) throw outsideWindow();
}

function senderAction(r: GraphRequest, conversation: SimConversation, action: string): unknown {
  if (action === 'react' || action === 'unreact') {
    const payload = obj(r.req.params.payload);
    const target = r.sim.state.messages.get(str(payload?.message_id) ?? '');
    if (!target || target.conversationId !== conversation.id)
      throw graphErrors.param('Invalid message_id', 2534015);
    target.reactions = target.reactions.filter((x) => x.byCustomer);
    if (action === 'react')
      target.reactions.push({ reaction: str(payload?.reaction) ?? 'love', byCustomer: false });
  } else if (!['typing_on', 'typing_off', 'mark_seen'].includes(action)) {
    throw graphErrors.param(
      `Param sender_action must be one of {typing_on, typing_off, mark_seen, react, unreact} - got "${action}"`,
    );
  }
  return { recipient_id: conversation.igsid };
}

function content(message: Record<string, unknown> | undefined): {
  text?: string;
  attachments: SimAttachment[];
} {
  const text = str(message?.text);
  const attachment = obj(message?.attachment);
  if (text === undefined && !attachment) throw invalidMessage();
  if (text !== undefined && Buffer.byteLength(text) > 1000) {
    throw graphErrors.param('Length of param message[text] must be less than or equal to 1000');
  }
  if (!attachment) return { text, attachments: [] };
  const type = str(attachment.type) ?? '';
  const payload = obj(attachment.payload);
  const url = str(payload?.url);
  const id = str(payload?.id);
  if (!ATTACHMENT_TYPES.includes(type) || (type !== 'like_heart' && !url && !id)) throw invalidMessage();
  return { text, attachments: [{ type, url, id }] };
}

// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api/quick-replies
// At most 13; titles past 20 characters are truncated by Instagram, not refused.
function quickReplies(message: Record<string, unknown> | undefined): SimMessage['quickReplies'] {
  const list = message?.quick_replies;
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length > 13 || str(message?.text) === undefined)
    throw graphErrors.param('Param message[quick_replies] must be an array of at most 13 items with a text');
  return list.map((q) => {
    const item = obj(q);
    const title = str(item?.title);
    const payload = str(item?.payload);
    if (str(item?.content_type) !== 'text' || !title || payload === undefined)
      throw graphErrors.param('Each quick reply needs content_type "text", a title and a payload');
    return { title: title.slice(0, 20), payload };
  });
}

function privateReply(r: GraphRequest, account: SimAccount, commentId: string): unknown {
  const state = r.sim.state;
  const comment = state.comments.get(commentId);
  if (!comment || comment.accountId !== account.userId || comment.fromId === account.userId) {
    throw new GraphError({
      message: 'The comment is invalid for a private reply',
      type: 'IGApiException',
      code: 100,
      subcode: 2534025,
    });
  }
  // One private reply per comment. INFERRED for Instagram: Meta documents the rule, and uses
  // "(#10900) Activity already replied to" for the same case on Messenger.
  if (comment.privateReplyMid)
    throw new GraphError({ message: '(#10900) Activity already replied to', code: 10900 });
  if (r.sim.clock() - comment.timestamp > PRIVATE_REPLY_WINDOW) throw outsideWindow();
  const { text, attachments } = content(obj(r.req.params.message));
  const conversation = state.conversationFor(account.userId, comment.fromId);
  const sent = state.addMessage(conversation, {
    fromCustomer: false,
    text,
    attachments,
    privateReplyTo: comment.id,
  });
  comment.privateReplyMid = sent.id;
  echo(r, account, sent.id);
  return { recipient_id: comment.fromId, message_id: sent.id };
}

/** our own sends come back as `is_echo` deliveries, as they do from Meta */
function echo(r: GraphRequest, account: SimAccount, mid: string): void {
  const message = r.sim.state.messages.get(mid);
  if (message)
    r.sim.webhooks.emit(
      account,
      'messages',
      messagingPayload(account, r.sim.clock(), messageEvent(account, message)),
    );
}
