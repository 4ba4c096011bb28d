import type { LiveEvent } from '../../lib/use-workspace-events.js';

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

/** A live event (`{type, data:{accountId, conversationId, messageId?}}`) as the inbox uses it, or null. */
export function toInboxEvent(event: LiveEvent | null): InboxEvent | null {
  if (!event || !(inboxEventTypes as readonly string[]).includes(event.type)) return null;
  const { type, data: d } = event;
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
