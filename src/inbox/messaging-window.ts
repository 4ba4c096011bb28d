// Meta's messaging rules for Instagram, decided per outgoing message:
//  - within 24 h of the customer's last message (or postback, referral, story mention): send;
//  - up to 7 days, only for a message a person wrote, with the HUMAN_AGENT tag (the workspace
//    must opt in: Meta reviews the app for it); automation never uses the tag;
//  - otherwise Meta refuses (code 10, subcode 2534022), so we refuse first, with the time the
//    window closed.
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api#messaging-window
// https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags#human_agent

const HOUR = 3600_000;
export const standardWindowMs = 24 * HOUR;
export const humanAgentWindowMs = 7 * 24 * HOUR;

export type Author = 'human' | 'automation';

export type WindowDecision =
  | { send: true; tag: 'HUMAN_AGENT' | null }
  | {
      send: false;
      closedAt: string | null;
      /** a person could still answer if the workspace enabled HUMAN_AGENT */
      humanAgentAvailable: boolean;
    };

export function decideWindow(input: {
  now: number;
  lastCustomerAt: string | null;
  author: Author;
  humanAgentEnabled: boolean;
}): WindowDecision {
  const last = input.lastCustomerAt ? Date.parse(input.lastCustomerAt) : Number.NaN;
  if (Number.isNaN(last)) return { send: false, closedAt: null, humanAgentAvailable: false };
  const age = input.now - last;
  if (age <= standardWindowMs) return { send: true, tag: null };
  const humanMayAnswer = input.author === 'human' && age <= humanAgentWindowMs;
  if (humanMayAnswer && input.humanAgentEnabled) return { send: true, tag: 'HUMAN_AGENT' };
  return {
    send: false,
    closedAt: new Date(last + standardWindowMs).toISOString(),
    // the workspace could allow this reply by enabling HUMAN_AGENT
    humanAgentAvailable: humanMayAnswer,
  };
}

export function windowExpiresAt(lastCustomerAt: string | null): string | null {
  return lastCustomerAt ? new Date(Date.parse(lastCustomerAt) + standardWindowMs).toISOString() : null;
}

export function humanAgentExpiresAt(lastCustomerAt: string | null): string | null {
  return lastCustomerAt ? new Date(Date.parse(lastCustomerAt) + humanAgentWindowMs).toISOString() : null;
}

/**
 * A private reply to a comment has its own window: 7 days after the comment, one per comment
 * (https://developers.facebook.com/docs/instagram-platform/private-replies). Never tagged.
 */
export const privateReplyWindowMs = 7 * 24 * HOUR;

export function privateReplyWindow(now: number, commentedAt: string): WindowDecision {
  const closes = Date.parse(commentedAt) + privateReplyWindowMs;
  return now <= closes
    ? { send: true, tag: null }
    : { send: false, closedAt: new Date(closes).toISOString(), humanAgentAvailable: false };
}
