import type { SimContext } from './context.js';
import type { SimAccount, SimComment, SimMedia, SimMessage } from './types.js';

// The Instagram-Login delivery shapes (shared/fixtures/webhooks-ig-login/). Messaging events put
// entry[].time in milliseconds; `changes` events (comments) in seconds — as Meta does.
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples

export function messagingPayload(account: SimAccount, now: number, event: Record<string, unknown>) {
  return { object: 'instagram', entry: [{ id: account.userId, time: now, messaging: [event] }] };
}

export function messageEvent(account: SimAccount, m: SimMessage): Record<string, unknown> {
  const message: Record<string, unknown> = { mid: m.id };
  if (m.text !== undefined) message.text = m.text;
  if (m.attachments.length) {
    message.attachments = m.attachments.map((a) => ({
      type: a.type,
      payload: a.url ? { url: a.url } : { id: a.id },
    }));
  }
  if (m.replyToMid) message.reply_to = { mid: m.replyToMid };
  if (!m.fromCustomer) message.is_echo = true;
  const business = { id: account.userId };
  const customer = { id: m.igsid };
  return {
    sender: m.fromCustomer ? customer : business,
    recipient: m.fromCustomer ? business : customer,
    timestamp: m.createdAt,
    message,
  };
}

export function commentPayload(sim: SimContext, account: SimAccount, comment: SimComment, media: SimMedia) {
  const value: Record<string, unknown> = {
    from: { id: comment.fromId, username: comment.fromUsername },
    media: { id: media.id, media_product_type: media.productType },
    id: comment.id,
    text: comment.text,
  };
  if (comment.parentId) value.parent_id = comment.parentId;
  const time = Math.floor(comment.timestamp / 1000);
  const entry =
    sim.settings.commentWebhookShape === 'flat'
      ? { id: account.userId, time, field: 'comments', value }
      : { id: account.userId, time, changes: [{ field: 'comments', value }] };
  return { object: 'instagram', entry: [entry] };
}
