// What a provider parser makes of one delivery: a flat list of events, each with its kind and
// the account it belongs to. Later features (inbox, automation…) consume these.

export const eventKinds = [
  'message',
  'echo',
  'reaction',
  'seen',
  'postback',
  'referral',
  'edit',
  'delete',
  'comment',
  'live_comment',
  'mention',
  'story_insights',
  'unknown',
] as const;

export type EventKind = (typeof eventKinds)[number];

export interface ParsedEvent {
  kind: EventKind;
  /** the webhook field it came under: 'messages', 'comments', 'mentions'…, or 'messaging' for entry[].messaging[] */
  field: string | null;
  /** the professional account the event belongs to (entry[].id; for Chatrace the connection's account) */
  accountExternalId: string | null;
  /** the provider's own id for the thing: message mid, comment id, media id… */
  externalId: string | null;
  /** the customer's IGSID (for an echo: still the customer, i.e. the recipient) */
  senderId: string | null;
  /** ISO-8601 UTC; the delivery time when the event carries none */
  occurredAt: string;
  /** the event exactly as delivered (messaging[i] or changes[i]/flat value), for later processing */
  payload: unknown;
}
