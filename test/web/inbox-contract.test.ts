import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import type { contactView } from '../../src/inbox/contact.schema.js';
import type { conversationView } from '../../src/inbox/conversation.schema.js';
import * as server from '../../src/inbox/message.schema.js';
import { createApi } from '../../web/src/lib/api.js';
import {
  type ContactView,
  type ConversationView,
  type MessageView,
  messageStatuses,
  outgoingAttachmentTypes,
  type SendAccepted,
  type SendBody,
} from '../../web/src/pages/inbox/types.js';

// The dashboard's copies of the inbox response shapes must stay the server's zod schemas:
// the type assertions fail `tsc --noEmit` when they drift, the rest fails here.

describe('inbox API contract', () => {
  it('has the same types as the server schemas', () => {
    expectTypeOf<ConversationView>().toEqualTypeOf<z.infer<typeof conversationView>>();
    expectTypeOf<ContactView>().toEqualTypeOf<z.infer<typeof contactView>>();
    expectTypeOf<MessageView>().toEqualTypeOf<z.infer<typeof server.messageView>>();
    expectTypeOf<SendAccepted>().toEqualTypeOf<z.infer<typeof server.sendAccepted>>();
    expectTypeOf<SendBody>().toEqualTypeOf<z.input<typeof server.sendBody>>();
    expect([...messageStatuses]).toEqual(server.messageStatus.options);
    expect([...outgoingAttachmentTypes]).toEqual([...server.outgoingAttachmentTypes]);
  });

  it('describes a story reply with a reaction as the server would send it', () => {
    const story: MessageView = {
      id: '0193',
      conversationId: 'c1',
      externalId: 'aWdfZAG1',
      direction: 'inbound',
      kind: 'story_reply',
      text: 'Де купити?',
      attachments: [],
      replyTo: { story: { id: '1800', url: 'https://lookaside.fbsbx.com/story' } },
      quickReplyPayload: null,
      quickReplies: [],
      postback: null,
      referral: null,
      reactions: [{ actor: 'business', reaction: 'love', emoji: null }],
      status: 'received',
      error: null,
      sentBy: 'customer',
      sentByUserId: null,
      tag: null,
      editCount: 0,
      isDeleted: false,
      createdAt: '2026-11-22T12:00:00.000Z',
      updatedAt: '2026-11-22T12:00:00.000Z',
    };
    expect(server.messageView.parse(story)).toEqual(story);
    expect(server.sendBody.safeParse({ attachment: { type: 'image', attachmentId: 'a1' } }).success).toBe(
      true,
    );
    expect(server.sendBody.safeParse({ reaction: { messageId: story.id, reaction: null } }).success).toBe(
      true,
    );
  });
});

describe('api client additions', () => {
  it('uploads a file as the raw body with its own type and extra headers', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      Response.json({ id: 'att1' }, { status: 201 }),
    );
    const api = createApi({ getToken: () => 'tok', onUnauthorized: () => {}, fetch });
    const file = new Blob(['png-bytes'], { type: 'image/png' });
    expect(await api.upload('/attachments', file, { 'x-file-name': 'photo%20%D1%84.png' })).toEqual({
      id: 'att1',
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/attachments');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer tok',
      'content-type': 'image/png',
      'x-file-name': 'photo%20%D1%84.png',
    });
  });

  it('deletes, with no body, and accepts an empty 204 answer', async () => {
    const fetch = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) => new Response(null, { status: 204 }),
    );
    const api = createApi({ getToken: () => 'tok', onUnauthorized: () => {}, fetch });
    expect(await api.del('/x/1')).toBeUndefined();
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'DELETE', body: undefined });
  });
});
