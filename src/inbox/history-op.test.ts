import { describe, expect, it } from 'vitest';
import { graphFixture } from '../../test/support/graph-stub-server.js';
import {
  conversationSchema,
  type InstagramMessage,
  messageSchema,
} from '../providers/instagram/graph-message-schemas.js';
import { customerOf, graphMessageToOp, graphMessageToOps, threadToOps } from './history-op.js';
import { hasNews } from './history-pace.js';

// Graph messages (test/fixtures/graph-api, parsed by the GraphClient's own schemas) become the
// same inbox operations the webhook of that message would have produced.

const ACCOUNT = '17841405309211844';
const CUSTOMER = '6983345578376412';
const message = (name: string): InstagramMessage => messageSchema.parse(graphFixture(name));
const raw = (over: Record<string, unknown>) =>
  messageSchema.parse({ id: 'm_1', created_time: '2025-06-03T12:25:18+0000', ...over });
const msgOf = (op: ReturnType<typeof graphMessageToOp>) => {
  if (op?.type !== 'message') throw new Error(`expected a message op, got ${op?.type}`);
  return op.message;
};

describe('graphMessageToOp', () => {
  it('turns a customer text (message_fields.doc.json) into an inbound message at created_time', () => {
    const op = graphMessageToOp(message('message_fields.doc.json'), ACCOUNT, CUSTOMER);
    expect(op).toMatchObject({ type: 'message', customerId: CUSTOMER, at: '2022-07-12T19:11:07.000Z' });
    expect(msgOf(op)).toEqual({
      mid: 'aWdGGiblWZ...',
      direction: 'inbound',
      kind: 'text',
      text: 'Hi Kitty!',
      attachments: [],
      replyTo: null,
      quickReplyPayload: null,
      postbackPayload: null,
      referral: null,
      sentBy: 'customer',
    });
  });

  it('makes what the business sent outbound, sent from the Instagram app', () => {
    const m = raw({
      from: { id: ACCOUNT, username: 'acme.studio' },
      to: { data: [{ id: CUSTOMER }] },
      message: 'Hello',
    });
    expect(msgOf(graphMessageToOp(m, ACCOUNT, CUSTOMER))).toMatchObject({
      direction: 'outbound',
      sentBy: 'instagram_app',
      text: 'Hello',
    });
    // the account named by another id (app-scoped) beside its professional user_id
    const other = raw({ from: { id: '999', user_id: ACCOUNT }, message: 'Hi' });
    expect(msgOf(graphMessageToOp(other, ACCOUNT, CUSTOMER)).direction).toBe('outbound');
  });

  it('maps image, video, audio and file attachments by the data they carry', () => {
    const m = raw({
      from: { id: CUSTOMER },
      attachments: {
        data: [
          { id: 'a1', image_data: { url: 'https://cdn.example/i.jpg' }, mime_type: 'image/jpeg' },
          {
            id: 'a2',
            video_data: { url: 'https://cdn.example/v.mp4' },
            image_data: { url: 'https://cdn.example/p.jpg' },
          },
          { id: 'a3', file_url: 'https://cdn.example/a.m4a', mime_type: 'audio/mp4' },
          { id: 'a4', file_url: 'https://cdn.example/f.pdf', mime_type: 'application/pdf', name: 'f.pdf' },
        ],
      },
    });
    const out = msgOf(graphMessageToOp(m, ACCOUNT, CUSTOMER));
    expect(out.kind).toBe('attachment');
    expect(out.text).toBeNull();
    expect(out.attachments.map((a) => [a.type, a.sourceUrl, a.mimeType])).toEqual([
      ['image', 'https://cdn.example/i.jpg', 'image/jpeg'],
      ['video', 'https://cdn.example/v.mp4', null],
      ['audio', 'https://cdn.example/a.m4a', 'audio/mp4'],
      ['file', 'https://cdn.example/f.pdf', 'application/pdf'],
    ]);
    expect(out.attachments.every((a) => a.attachmentId === null)).toBe(true);
  });

  it('reads a story reply (restfb_v10_instagram-message-story.json) as kind story_reply with the story', () => {
    const m = message('restfb_v10_instagram-message-story.json');
    const out = msgOf(graphMessageToOp(m, ACCOUNT, '123456789'));
    expect(out.kind).toBe('story_reply');
    expect(out.direction).toBe('inbound');
    expect(out.text).toBe('Nice shot !👍🏼');
    expect(out.replyTo).toEqual({
      story: { id: '18074819347285670', url: expect.stringContaining('asset_id=18074819347285670') },
    });
  });

  it('reads a story mention (story_mention_message_fields.doc.json) as a story_mention attachment', () => {
    const fixture = graphFixture('story_mention_message_fields.doc.json') as Record<string, unknown>;
    // the doc asks only for `story`; the fields Relaydesk requests add the time and the sender
    const m = messageSchema.parse({
      ...fixture,
      created_time: '2025-06-03T12:25:18+0000',
      from: { id: CUSTOMER },
    });
    const out = msgOf(graphMessageToOp(m, ACCOUNT, CUSTOMER));
    expect(out.kind).toBe('story_mention');
    expect(out.attachments).toEqual([
      {
        type: 'story_mention',
        sourceUrl: expect.stringContaining('asset_id=17952683714873429'),
        attachmentId: null,
        mimeType: null,
      },
    ]);
  });

  it('keeps every part of the full reference message (restfb_v10_instagram-message.json)', () => {
    const fixture = graphFixture('restfb_v10_instagram-message.json') as Record<string, unknown>;
    const m = messageSchema.parse({ ...fixture, created_time: '2021-06-15T22:08:01+0000' });
    const ops = graphMessageToOps(m, ACCOUNT, 'customer-1');
    const out = msgOf(ops[0] ?? null);
    // the placeholder sender is neither the account nor the customer: it is the business side
    expect(out.direction).toBe('outbound');
    expect(out.text).toBe('<MESSAGE_TEXT>');
    expect(out.kind).toBe('story_reply');
    expect(out.replyTo).toEqual({ story: { id: '<STORY_ID>', url: '<CDN_URL>' } });
    expect(out.attachments.map((a) => a.type)).toEqual(['video', 'share', 'story_mention']);
    expect(out.attachments[1]?.sourceUrl).toBe('<URL>');
    // one reaction: a separate operation on this message, not a message of its own
    expect(ops.slice(1)).toEqual([
      {
        type: 'reaction',
        customerId: 'customer-1',
        at: '2021-06-15T22:08:01.000Z',
        mid: '<MESSAGE_ID>',
        actor: 'business',
        reaction: 'love',
        emoji: null,
      },
    ]);
  });

  it('shows what Graph cannot show as an unsupported message', () => {
    const flagged = msgOf(
      graphMessageToOp(raw({ from: { id: CUSTOMER }, is_unsupported: true }), ACCOUNT, CUSTOMER),
    );
    expect(flagged.kind).toBe('unsupported');
    expect(flagged.attachments.map((a) => a.type)).toEqual(['unsupported_type']);
    // the simulator (and Graph for stickers) answers an empty text for content it does not describe
    const empty = msgOf(graphMessageToOp(raw({ from: { id: CUSTOMER }, message: '' }), ACCOUNT, CUSTOMER));
    expect(empty.kind).toBe('unsupported');
    expect(empty.text).toBeNull();
  });

  it('skips a message without a usable time', () => {
    expect(graphMessageToOp(raw({ created_time: null }), ACCOUNT, CUSTOMER)).toBeNull();
    expect(graphMessageToOps(raw({ created_time: 'yesterday' }), ACCOUNT, CUSTOMER)).toEqual([]);
  });

  it('maps reactions by who reacted, an emoji as the "other" reaction', () => {
    const m = raw({
      from: { id: ACCOUNT },
      message: 'Thanks!',
      reactions: {
        data: [
          { reaction: 'love', users: [{ id: CUSTOMER }] },
          { reaction: '😂', users: [{ id: ACCOUNT }] },
        ],
      },
    });
    const [, ...reactions] = graphMessageToOps(m, ACCOUNT, CUSTOMER);
    expect(reactions).toMatchObject([
      { type: 'reaction', mid: 'm_1', actor: 'customer', reaction: 'love', emoji: null },
      { type: 'reaction', mid: 'm_1', actor: 'business', reaction: 'other', emoji: '😂' },
    ]);
  });
});

describe('threads', () => {
  it('orders a thread (conversation_messages.doc.json, newest first) oldest first', () => {
    const c = conversationSchema.parse(graphFixture('conversation_messages.doc.json'));
    const ops = threadToOps(c.messages, ACCOUNT, CUSTOMER);
    // the doc asks for id and created_time only: no sender, no content
    expect(ops.map((op) => op.at)).toEqual([
      '2025-06-03T12:20:40.000Z',
      '2025-06-03T12:24:02.000Z',
      '2025-06-03T12:25:18.000Z',
    ]);
    expect(ops.every((op) => op.type === 'message' && op.message.direction === 'inbound')).toBe(true);
  });

  it('finds the customer among the participants (restfb_v10_instagram-conversation.json)', () => {
    const c = conversationSchema.parse(graphFixture('restfb_v10_instagram-conversation.json'));
    // The placeholders name both participants' IGIDs alike; in reality the customer has its own.
    const parts = c.participants.map((p, i) => (i === 0 ? { ...p, userId: '<CUSTOMER_IGID>' } : p));
    expect(customerOf(parts, { external_id: '<IGID>', username: null })).toBe('<IGSID>');
    const both = [
      { id: ACCOUNT, username: 'acme.studio', userId: null },
      { id: CUSTOMER, username: 'jane', userId: null },
    ];
    expect(customerOf(both, { external_id: ACCOUNT, username: 'acme.studio' })).toBe(CUSTOMER);
    // the account under another id, recognised by its username
    const aliased = [
      { id: '555', username: 'acme.studio', userId: null },
      { id: CUSTOMER, username: 'jane', userId: null },
    ];
    expect(customerOf(aliased, { external_id: ACCOUNT, username: 'acme.studio' })).toBe(CUSTOMER);
    // unclear threads are skipped, not guessed
    expect(customerOf([both[0]!], { external_id: ACCOUNT, username: null })).toBeNull();
    expect(
      customerOf([{ id: '1', username: null, userId: null }, ...both], {
        external_id: ACCOUNT,
        username: null,
      }),
    ).toBeNull();
  });

  it('lists conversations with their Graph time (conversations_list.doc.json)', () => {
    const list = graphFixture('conversations_list.doc.json') as { data: unknown[] };
    const [newest, older] = list.data.map((c) => conversationSchema.parse(c));
    const backfilledAt = '2025-06-01T00:00:00.000Z';
    // stored up to the same second: nothing new (Graph has whole seconds, we keep milliseconds)
    expect(hasNews(newest!.updatedTime, '2025-06-03T12:25:18.734Z', undefined, backfilledAt)).toBe(false);
    expect(hasNews(newest!.updatedTime, '2025-06-03T12:25:17.999Z', undefined, backfilledAt)).toBe(true);
    // already read at that updated_time in an earlier poll
    expect(
      hasNews(
        newest!.updatedTime,
        '2025-06-03T12:00:00.000Z',
        Date.parse('2025-06-03T12:25:18Z'),
        backfilledAt,
      ),
    ).toBe(false);
    // a thread never stored: news only when it changed after the history import
    expect(hasNews(older!.updatedTime, null, undefined, backfilledAt)).toBe(true);
    expect(hasNews(older!.updatedTime, null, undefined, '2025-06-02T08:01:44.999Z')).toBe(true);
    expect(hasNews(older!.updatedTime, null, undefined, '2025-06-02T08:01:45.000Z')).toBe(false);
    expect(hasNews(null, null, undefined, backfilledAt)).toBe(false);
  });
});
