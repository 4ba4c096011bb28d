import type { InboxOp, IncomingMessage } from '../../src/inbox/inbox-op.js';

/** a plain text message as the inbox receives it from any source */
export function textOp(
  customerId: string,
  mid: string,
  at: string,
  text: string,
  direction: IncomingMessage['direction'] = 'inbound',
): InboxOp {
  return {
    type: 'message',
    customerId,
    at,
    message: {
      mid,
      direction,
      kind: 'text',
      text,
      attachments: [],
      replyTo: null,
      quickReplyPayload: null,
      postbackPayload: null,
      referral: null,
      sentBy: direction === 'inbound' ? 'customer' : 'instagram_app',
    },
  };
}
