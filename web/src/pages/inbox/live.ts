// Live updates from GET /api/v1/events (Server-Sent Events). Each message or conversation event
// names a conversation: the page refetches that row and, when it is the open one, its newest
// messages. contact.updated (a profile fetched) refreshes the rows and the panel of that contact.

export const inboxEventTypes = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'contact.updated',
] as const;
export type InboxEventType = (typeof inboxEventTypes)[number];

export type InboxEvent =
  | {
      type: Exclude<InboxEventType, 'contact.updated'>;
      accountId: string;
      conversationId: string;
      messageId: string | null;
    }
  | { type: 'contact.updated'; accountId: string; contactId: string };

/** The `data:` line of an event (`{type, data:{accountId, conversationId, messageId?}, at}`), or null. */
export function parseInboxEvent(raw: string): InboxEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const { type, data } = body as { type?: unknown; data?: unknown };
  if (!(inboxEventTypes as readonly unknown[]).includes(type) || !data || typeof data !== 'object')
    return null;
  const d = data as Record<string, unknown>;
  const accountId = typeof d.accountId === 'string' ? d.accountId : '';
  if (type === 'contact.updated')
    return typeof d.contactId === 'string' ? { type, accountId, contactId: d.contactId } : null;
  if (typeof d.conversationId !== 'string') return null;
  return {
    type: type as Exclude<InboxEventType, 'contact.updated'>,
    accountId,
    conversationId: d.conversationId,
    messageId: typeof d.messageId === 'string' ? d.messageId : null,
  };
}

export interface RefetchPlan {
  /** rows to fetch again, each once */
  conversations: string[];
  /** the open conversation's newest messages */
  thread: boolean;
  /** a new message arrived in the conversation the operator is looking at */
  markRead: boolean;
  /** the open conversation's contact changed: reload the panel */
  contact: boolean;
}

export interface PlanContext {
  openId: string | null;
  /** the open conversation's contact */
  openContactId: string | null;
  visible: boolean;
  /** the shown rows, to find those of a contact */
  rows: readonly { id: string; contact: { id: string } }[];
}

/** One plan for a burst of events (they are collected for a moment, then handled together). */
export function planRefetch(events: readonly InboxEvent[], ctx: PlanContext): RefetchPlan {
  const ids = new Set<string>();
  const contacts = new Set<string>();
  for (const e of events) {
    if (e.type !== 'contact.updated') ids.add(e.conversationId);
    else contacts.add(e.contactId);
  }
  for (const row of ctx.rows) if (contacts.has(row.contact.id)) ids.add(row.id);
  const contact = ctx.openContactId !== null && contacts.has(ctx.openContactId);
  if (contact && ctx.openId) ids.add(ctx.openId);
  const open = events.filter((e) => e.type !== 'contact.updated' && e.conversationId === ctx.openId);
  return {
    conversations: [...ids],
    thread: open.some((e) => e.type !== 'conversation.updated'),
    // Our own read mark comes back as conversation.updated, so it cannot start a loop.
    markRead: ctx.visible && open.some((e) => e.type === 'message.created'),
    contact,
  };
}

/** Wait before reconnecting: 1 s, 2 s, 4 s … up to 30 s, with ±20 % jitter so tabs spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}
