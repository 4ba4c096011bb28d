import { describe, expect, it } from 'vitest';
import { backoffMs, parseLiveEvent } from '../../web/src/lib/use-workspace-events.js';
import {
  type InboxEvent,
  type PlanContext,
  planRefetch,
  toInboxEvent,
} from '../../web/src/pages/inbox/live.js';

/** a `data:` line as the stream carries it, read the way the page reads it */
const inboxEvent = (raw: string) => toInboxEvent(parseLiveEvent(raw));

// What the page does with Server-Sent Events: which rows and threads to fetch again, when to
// mark read, and how long to wait before reconnecting.

type ConversationEventType = 'message.created' | 'message.updated' | 'conversation.updated';
const ev = (
  type: ConversationEventType,
  conversationId: string,
  messageId: string | null = null,
): InboxEvent => ({
  type,
  accountId: 'acc-1',
  conversationId,
  messageId,
});
const rows = [
  { id: 'c1', contact: { id: 'ct1' } },
  { id: 'c2', contact: { id: 'ct2' } },
  { id: 'c3', contact: { id: 'ct1' } },
];
/** c1 (contact ct1) is open in a visible tab unless said otherwise */
const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  openId: 'c1',
  openContactId: 'ct1',
  visible: true,
  rows,
  ...over,
});

describe('event parsing', () => {
  it('reads the event bus envelope {type, data, at}', () => {
    const raw = JSON.stringify({
      type: 'message.created',
      data: { accountId: 'acc-1', conversationId: 'c1', messageId: 'm1' },
      at: '2026-11-22T12:00:00.000Z',
    });
    expect(inboxEvent(raw)).toEqual(ev('message.created', 'c1', 'm1'));
    expect(
      inboxEvent(JSON.stringify({ type: 'conversation.updated', data: { conversationId: 'c2' } })),
    ).toEqual({
      type: 'conversation.updated',
      accountId: '',
      conversationId: 'c2',
      messageId: null,
    });
  });

  it('reads a contact update, which names no conversation', () => {
    const raw = JSON.stringify({ type: 'contact.updated', data: { accountId: 'acc-1', contactId: 'ct1' } });
    expect(inboxEvent(raw)).toEqual({ type: 'contact.updated', accountId: 'acc-1', contactId: 'ct1' });
  });

  it('ignores other events and anything malformed', () => {
    expect(inboxEvent(JSON.stringify({ type: 'job.progress', data: { conversationId: 'c1' } }))).toBeNull();
    expect(inboxEvent(JSON.stringify({ type: 'message.created', data: {} }))).toBeNull();
    expect(inboxEvent(JSON.stringify({ type: 'message.created' }))).toBeNull();
    expect(inboxEvent(JSON.stringify({ type: 'contact.updated', data: { accountId: 'a' } }))).toBeNull();
    expect(inboxEvent('not json')).toBeNull();
    expect(inboxEvent('null')).toBeNull();
  });
});

describe('refetch plan', () => {
  it('fetches each affected row once, and the open thread only for message events', () => {
    const plan = planRefetch(
      [ev('message.created', 'c4'), ev('message.updated', 'c4'), ev('conversation.updated', 'c2')],
      ctx({ openId: 'c2', openContactId: 'ct2' }),
    );
    expect(plan).toEqual({ conversations: ['c4', 'c2'], thread: false, markRead: false, contact: false });
  });

  it('refreshes the open thread on a new or changed message, marking a new one read when visible', () => {
    expect(planRefetch([ev('message.created', 'c1')], ctx())).toEqual({
      conversations: ['c1'],
      thread: true,
      markRead: true,
      contact: false,
    });
    expect(planRefetch([ev('message.updated', 'c1')], ctx()).markRead).toBe(false);
    // In a background tab the message stays unread until the operator looks.
    expect(planRefetch([ev('message.created', 'c1')], ctx({ visible: false }))).toMatchObject({
      thread: true,
      markRead: false,
    });
    expect(
      planRefetch([ev('message.created', 'c1')], ctx({ openId: null, openContactId: null })),
    ).toMatchObject({
      thread: false,
      markRead: false,
    });
  });

  it('refreshes every row of a contact whose profile arrived, and the panel when it is the open one', () => {
    const updated: InboxEvent = { type: 'contact.updated', accountId: 'acc-1', contactId: 'ct1' };
    expect(planRefetch([updated], ctx())).toEqual({
      conversations: ['c1', 'c3'],
      thread: false,
      markRead: false,
      contact: true,
    });
    expect(planRefetch([updated], ctx({ openId: 'c2', openContactId: 'ct2' }))).toMatchObject({
      conversations: ['c1', 'c3'],
      contact: false,
    });
    // A contact not shown anywhere costs nothing.
    expect(planRefetch([{ ...updated, contactId: 'ct9' }], ctx()).conversations).toEqual([]);
  });
});

describe('reconnect backoff', () => {
  it('doubles from 1 s to a 30 s ceiling', () => {
    const mid = () => 0.5; // no jitter
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('spreads tabs out by ±20 %', () => {
    expect(backoffMs(2, () => 0)).toBe(3200);
    expect(backoffMs(2, () => 1)).toBe(4800);
  });
});
