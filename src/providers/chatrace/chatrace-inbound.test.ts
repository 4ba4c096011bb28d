import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ChatraceMessage,
  type ChatraceNormalized,
  chatraceToEvent,
  normalizeChatrace,
  validateChatraceOverrides,
} from './chatrace-inbound.js';

const dir = new URL('../../../test/fixtures/chatrace/', import.meta.url);
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const SEED_TIME = '2024-11-13T12:00:00.000Z';

function ok(res: ChatraceNormalized): ChatraceMessage {
  if (!res.ok) throw new Error(`expected ok, missing ${res.missing.join(', ')}`);
  return res.message;
}

describe('normalizeChatrace on the seed bodies', () => {
  it('maps the seed body field by field, timestamp in seconds', () => {
    const res = normalizeChatrace(load('seed_external_request.json'));
    expect(res).toEqual({
      ok: true,
      found: ['senderId', 'messageId', 'text', 'username', 'timestamp'],
      message: {
        senderId: 'test123',
        messageId: 'test-msg-1',
        messageIdGenerated: false,
        text: 'Тестовое сообщение',
        username: 'test_user',
        name: null,
        timestamp: SEED_TIME,
        attachments: [],
      },
    });
  });

  it('generates a stable message id when the body has none, so a replay dedupes', () => {
    const a = ok(normalizeChatrace(load('seed_external_request_minimal.json')));
    expect(a).toMatchObject({ senderId: 'test123', text: 'Тест', messageIdGenerated: true });
    expect(a.messageId).toMatch(/^gen_[0-9a-f]{40}$/);
    expect(ok(normalizeChatrace({ text: 'Тест', senderId: 'test123' })).messageId).toBe(a.messageId);
    expect(ok(normalizeChatrace({ senderId: 'test123', text: 'Тест!' })).messageId).not.toBe(a.messageId);
    expect(ok(normalizeChatrace({ senderId: 'test124', text: 'Тест' })).messageId).not.toBe(a.messageId);
    const later = ok(normalizeChatrace({ senderId: 'test123', text: 'Тест', timestamp: 1731499260 }));
    expect(later.messageId).not.toBe(a.messageId);
  });

  it('reads the OSS convention body: contact_id, ISO time and the last user turn of chat_history', () => {
    expect(ok(normalizeChatrace(load('external_request_body.oss_project_convention.json')))).toMatchObject({
      senderId: '5511999998888',
      text: "I'm interested in the apartment listing",
      timestamp: '2024-10-15T14:32:00.000Z',
    });
  });

  it('refuses every Chatrace API request/response fixture (none is an inbound message) without throwing', () => {
    const files = readdirSync(dir).filter(
      (f) => f.startsWith('swagger_') || f.includes('rich_messages') || f.includes('whitelabel'),
    );
    expect(files.length).toBeGreaterThanOrEqual(19);
    for (const f of files) {
      const res = normalizeChatrace(load(f));
      expect(res.ok, f).toBe(false);
      if (!res.ok) expect(res.missing, f).toContain('senderId');
    }
    expect(normalizeChatrace(load('swagger_POST_contacts_send_text.request.json'))).toEqual({
      ok: false,
      found: ['text'],
      missing: ['senderId'],
    });
  });
});

describe('normalizeChatrace on body variants', () => {
  const attachment = { type: 'image', url: 'https://cdn.test/a.jpg' };
  it.each<[string, unknown, Partial<ChatraceMessage>]>([
    [
      'snake_case',
      { sender_id: 's1', message_id: 'm1', text: 'hi', user_name: 'u' },
      { senderId: 's1', messageId: 'm1', username: 'u' },
    ],
    [
      'user_id + numeric ids',
      { user_id: 123456, message_id: 987, text: 'hi' },
      { senderId: '123456', messageId: '987' },
    ],
    ['contact_id', { contact_id: 'c1', text: 'hi' }, { senderId: 'c1' }],
    ['subscriber_id', { subscriber_id: 'sub1', text: 'hi' }, { senderId: 'sub1' }],
    ['psid', { psid: 'p1', text: 'hi' }, { senderId: 'p1' }],
    ['igsid', { igsid: '6983345578376412', text: 'hi' }, { senderId: '6983345578376412' }],
    [
      'nested contact and message',
      {
        contact: { id: 'c2', username: '@jane', first_name: 'Jane', last_name: 'Doe' },
        message: { id: 'm2', text: 'ціна?' },
      },
      { senderId: 'c2', messageId: 'm2', text: 'ціна?', username: 'jane', name: 'Jane Doe' },
    ],
    ['nested user', { user: { id: 'u3', name: 'Олена' }, text: 'hi' }, { senderId: 'u3', name: 'Олена' }],
    [
      'nested subscriber',
      { subscriber: { psid: 'p4', username: 'x' }, content: 'hi' },
      { senderId: 'p4', text: 'hi' },
    ],
    ['last_input_text', { user_id: 'u', last_input_text: 'купить' }, { text: 'купить' }],
    ['content', { user_id: 'u', content: 'c' }, { text: 'c' }],
    ['body', { user_id: 'u', body: 'b' }, { text: 'b' }],
    ['message as a string', { user_id: 'u', message: 'm' }, { text: 'm' }],
    ['a data wrapper', { data: { senderId: 'd1', text: 'wrapped' } }, { senderId: 'd1', text: 'wrapped' }],
    [
      'attachments list',
      { user_id: 'u', attachments: [attachment] },
      { text: null, attachments: [attachment] },
    ],
    [
      'Meta-style attachment and url guessing',
      {
        user_id: 'u',
        attachments: [{ type: 'video', payload: { url: 'https://cdn.test/v' } }, 'https://cdn.test/x.mp3'],
      },
      {
        attachments: [
          { type: 'video', url: 'https://cdn.test/v' },
          { type: 'audio', url: 'https://cdn.test/x.mp3' },
        ],
      },
    ],
    [
      'attachment_url',
      { user_id: 'u', attachment_url: 'https://cdn.test/a.jpg' },
      { attachments: [attachment] },
    ],
    [
      'attachments as a JSON string (form body)',
      { user_id: 'u', attachments: JSON.stringify([{ url: 'https://cdn.test/doc.pdf' }]) },
      { attachments: [{ type: 'file', url: 'https://cdn.test/doc.pdf' }] },
    ],
    ['timestamp in ms', { user_id: 'u', text: 't', timestamp: 1731499200000 }, { timestamp: SEED_TIME }],
    [
      'timestamp as a digit string',
      { user_id: 'u', text: 't', timestamp: '1731499200' },
      { timestamp: SEED_TIME },
    ],
    [
      'timestamp as ISO',
      { user_id: 'u', text: 't', timestamp: '2024-11-13T14:00:00+02:00' },
      { timestamp: SEED_TIME },
    ],
    ['created_at', { user_id: 'u', text: 't', created_at: '2024-11-13T12:00:00Z' }, { timestamp: SEED_TIME }],
    ['a wrapping array', [{ senderId: 'arr', text: 't' }], { senderId: 'arr' }],
  ])('%s', (_, body, want) => {
    expect(ok(normalizeChatrace(body))).toMatchObject(want);
  });

  it('prefers the explicit senderId over a nested person id', () => {
    expect(ok(normalizeChatrace({ senderId: 'top', user: { id: 'nested' }, text: 'x' })).senderId).toBe(
      'top',
    );
  });

  it('drops unsafe or broken attachment URLs and unusable times', () => {
    const res = normalizeChatrace({
      user_id: 'u',
      attachments: ['javascript:alert(1)', 'data:text/html,x', 'not a url', { url: 'ftp://x.test/a' }],
      timestamp: 'yesterday',
    });
    expect(res).toEqual({ ok: false, found: ['senderId'], missing: ['text'] });
  });
});

describe('normalizeChatrace reports what is missing', () => {
  it.each<[string, unknown, string[], string[]]>([
    [
      'username and time only',
      { username: 'x', timestamp: 1 },
      ['username', 'timestamp'],
      ['senderId', 'text'],
    ],
    ['no text nor attachment', { senderId: '1' }, ['senderId'], ['text']],
    ['no sender', { text: 'hi', username: 'x' }, ['text', 'username'], ['senderId']],
    ['empty strings', { senderId: '  ', text: '' }, [], ['senderId', 'text']],
    [
      'unfilled Chatrace placeholders',
      { senderId: '{{user_id}}', text: '{{last_input_text}}' },
      [],
      ['senderId', 'text'],
    ],
    ['wrong types', { senderId: { id: 1 }, text: ['a'], timestamp: {} }, [], ['senderId', 'text']],
  ])('%s', (_, body, found, missing) => {
    expect(normalizeChatrace(body)).toEqual({ ok: false, found, missing });
  });

  it.each([[null], [undefined], ['text'], [42], [[]], [{}]])('%j is refused without throwing', (body) => {
    expect(normalizeChatrace(body)).toEqual({ ok: false, found: [], missing: ['senderId', 'text'] });
  });

  it('survives deep nesting and huge lists', () => {
    let nested: unknown = { text: 'deep' };
    for (let i = 0; i < 50_000; i++) nested = { message: nested, user: nested };
    expect(normalizeChatrace(nested).ok).toBe(false);
    const big = {
      senderId: 'u',
      chat_history: Array.from({ length: 100_000 }, () => ({ role: 'bot', content: 'x' })),
    };
    expect(normalizeChatrace(big)).toEqual({ ok: false, found: ['senderId'], missing: ['text'] });
  });
});

describe('normalizeChatrace with JSONPath overrides', () => {
  it('maps an odd body with dotted, bracketed and indexed paths', () => {
    const body = {
      data: { user: { id: 'cust-9' } },
      contact: { id: 'c-1', 'first name': 'Іван' },
      items: [{ text: 'ціна?' }],
    };
    const res = normalizeChatrace(body, {
      senderId: '$.data.user.id',
      username: "$['contact']['id']",
      name: '$.contact["first name"]',
      text: '$.items[0].text',
    });
    expect(ok(res)).toMatchObject({ senderId: 'cust-9', username: 'c-1', name: 'Іван', text: 'ціна?' });
  });

  it('lets an override win over the built-in guess', () => {
    const res = normalizeChatrace(
      { senderId: 'wrong', user: { id: 'right' }, text: 'x' },
      { senderId: '$.user.id' },
    );
    expect(ok(res).senderId).toBe('right');
  });

  it('falls back to the guess when an override is invalid or finds nothing', () => {
    const seed = load('seed_external_request.json');
    expect(ok(normalizeChatrace(seed, { senderId: '$.nope', text: '$[[' })).senderId).toBe('test123');
    expect(ok(normalizeChatrace(seed, { text: 42 } as never)).text).toBe('Тестовое сообщение');
  });

  it('maps timestamp and attachments through overrides too', () => {
    const res = normalizeChatrace(
      { who: 'w', at: { ms: 1731499200000 }, files: { list: [{ url: 'https://cdn.test/p.png' }] } },
      { senderId: '$.who', timestamp: '$.at.ms', attachments: '$.files.list' },
    );
    expect(ok(res)).toMatchObject({
      timestamp: SEED_TIME,
      attachments: [{ type: 'image', url: 'https://cdn.test/p.png' }],
    });
  });

  it('validates a field map before it is saved', () => {
    expect(validateChatraceOverrides({ senderId: '$.a.b', text: "$['x']" })).toEqual([]);
    expect(validateChatraceOverrides(undefined)).toEqual([]);
    expect(validateChatraceOverrides('x')).toHaveLength(1);
    const problems = validateChatraceOverrides({ sender: '$.a', text: '$.a[', username: 5 });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^sender: not a field/);
    expect(problems[1]).toMatch(/^text: /);
    expect(problems[2]).toBe('username: the path must be a string');
  });
});

describe('chatraceToEvent', () => {
  it('makes a message event keyed by the message id', () => {
    const message = ok(normalizeChatrace(load('seed_external_request.json')));
    expect(chatraceToEvent(message, '1234567', '2030-01-01T00:00:00.000Z')).toEqual({
      kind: 'message',
      field: 'chatrace',
      accountExternalId: '1234567',
      externalId: 'test-msg-1',
      senderId: 'test123',
      occurredAt: SEED_TIME,
      payload: message,
    });
  });

  it('uses the receive time when the body carries none', () => {
    const message = ok(normalizeChatrace({ senderId: 's', text: 't' }));
    expect(chatraceToEvent(message, null, '2030-01-01T00:00:00.000Z').occurredAt).toBe(
      '2030-01-01T00:00:00.000Z',
    );
  });
});
