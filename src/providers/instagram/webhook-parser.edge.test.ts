import { describe, expect, it } from 'vitest';
import { isMetaDelivery, parseMetaDelivery, toIsoTime } from './webhook-parser.js';

const RECEIVED = '2030-01-01T00:00:00.000Z';
const ACCOUNT = '17841405309211844';

function deep(depth: number): unknown {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) v = { a: v, b: [v] };
  return v;
}

describe('telling a Meta delivery from anything else', () => {
  it.each([
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, 'number'],
    ['a string', '{"object":"instagram","entry":[]}', 'string'],
    ['an array (doc-page wrapping)', [{ object: 'instagram', entry: [] }], 'array'],
    ['an empty object', {}, '"object"'],
    ['no entry', { object: 'instagram' }, '"entry"'],
    ['entry not an array', { object: 'instagram', entry: { id: '1' } }, '"entry"'],
    ['a numeric object', { object: 5, entry: [] }, '"object"'],
    ['a Chatrace body', { senderId: 'x', text: 'hi' }, '"object"'],
  ])('%s is not a delivery: object null, no events, one problem', (_, body, why) => {
    expect(isMetaDelivery(body)).toBe(false);
    const res = parseMetaDelivery(body, RECEIVED);
    expect(res.object).toBeNull();
    expect(res.events).toEqual([]);
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toContain(why);
  });

  it('a valid delivery with no events is told apart by its object', () => {
    expect(parseMetaDelivery({ object: 'instagram', entry: [] }, RECEIVED)).toEqual({
      object: 'instagram',
      events: [],
      problems: [],
    });
    const empty = parseMetaDelivery(
      { object: 'instagram', entry: [{ id: ACCOUNT, time: 1, changes: [] }] },
      RECEIVED,
    );
    expect(empty).toEqual({ object: 'instagram', events: [], problems: [] });
  });

  it('tolerates object "page" and flags an unexpected object without dropping its events', () => {
    const entry = [{ id: '1', field: 'comments', value: { id: 'c1', from: { id: 'u1' } } }];
    expect(parseMetaDelivery({ object: 'page', entry }, RECEIVED)).toMatchObject({
      object: 'page',
      problems: [],
    });
    const user = parseMetaDelivery({ object: 'user', entry }, RECEIVED);
    expect(user.events).toHaveLength(1);
    expect(user.problems[0]).toContain('"user"');
  });
});

describe('hostile input never throws', () => {
  it('keeps odd entries as unknown or reports them, never losing a real event beside them', () => {
    const good = {
      sender: { id: 'c' },
      recipient: { id: ACCOUNT },
      timestamp: 1748953518987,
      message: { mid: 'm1' },
    };
    const body = {
      object: 'instagram',
      entry: [
        null,
        7,
        'x',
        [],
        { id: {}, messaging: 'nope' },
        { id: ACCOUNT, changes: { field: 'comments' } },
        { id: ACCOUNT, messaging: [null, 5, { sender: 'x', message: 'str' }, good] },
        { id: 12345, time: 'garbage', field: 5, value: [] },
        { id: ACCOUNT, time: 1 },
        { id: ACCOUNT, hop_context: [{ app_id: 1 }] },
      ],
    };
    const res = parseMetaDelivery(body, RECEIVED);
    expect(res.events.map((e) => [e.kind, e.accountExternalId, e.externalId])).toEqual([
      ['unknown', ACCOUNT, null],
      ['unknown', ACCOUNT, null],
      ['unknown', ACCOUNT, null],
      ['message', ACCOUNT, 'm1'],
      ['unknown', '12345', null],
      ['unknown', ACCOUNT, null],
    ]);
    expect(res.events[3]!.senderId).toBe('c');
    expect(res.events[4]).toMatchObject({ field: null, occurredAt: RECEIVED });
    expect(res.problems).toEqual([
      'entry[0] is not an object',
      'entry[1] is not an object',
      'entry[2] is not an object',
      'entry[3] is not an object',
      'entry[4] has no id',
      'entry[4].messaging is not an array',
      'entry[5].changes is not an array',
      'entry[8] carries no events',
      'entry[9] has no messaging, changes or field; kept as unknown (hop_context)',
    ]);
  });

  it('survives very deep nesting in an event and in an entry', () => {
    const nested = deep(50_000);
    const body = {
      object: 'instagram',
      entry: [
        { id: ACCOUNT, messaging: [{ sender: { id: 'c' }, message: { mid: 'deep', attachments: nested } }] },
        { id: ACCOUNT, changes: [{ field: 'comments', value: { id: 'c2', from: nested } }] },
        nested,
      ],
    };
    const res = parseMetaDelivery(body, RECEIVED);
    expect(res.events.map((e) => [e.kind, e.externalId, e.senderId])).toEqual([
      ['message', 'deep', 'c'],
      ['comment', 'c2', null],
      ['unknown', null, null],
    ]);
  });

  it('handles an entry with 10k events and caps the problem list of 10k broken entries', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      sender: { id: 'c' },
      message: { mid: `m${i}` },
    }));
    const res = parseMetaDelivery(
      { object: 'instagram', entry: [{ id: ACCOUNT, messaging: many }] },
      RECEIVED,
    );
    expect(res.events).toHaveLength(10_000);
    expect(res.events[9_999]!.externalId).toBe('m9999');

    const broken = parseMetaDelivery({ object: 'instagram', entry: Array(10_000).fill(null) }, RECEIVED);
    expect(broken.events).toEqual([]);
    expect(broken.problems).toHaveLength(51);
    expect(broken.problems.at(-1)).toBe('…and 9950 more problems');
  });

  it('does not treat prototype names as known fields', () => {
    const body = JSON.parse(
      '{"object":"instagram","entry":[{"id":"1","__proto__":{"field":"comments"},' +
        '"changes":[{"field":"__proto__","value":{"id":"a"}},{"field":"constructor","value":{"id":"b"}}]}]}',
    );
    const res = parseMetaDelivery(body, RECEIVED);
    expect(res.events.map((e) => [e.kind, e.field, e.externalId])).toEqual([
      ['unknown', '__proto__', 'a'],
      ['unknown', 'constructor', 'b'],
    ]);
    expect(({} as Record<string, unknown>).field).toBeUndefined();
  });

  it('ignores ids and flags of the wrong type instead of trusting them', () => {
    const ev = {
      sender: { id: ['c'] },
      recipient: { id: true },
      timestamp: {},
      message: { mid: 5, is_echo: 'true' },
    };
    const res = parseMetaDelivery(
      { object: 'instagram', entry: [{ id: null, time: 'x', messaging: [ev] }] },
      RECEIVED,
    );
    expect(res.events[0]).toMatchObject({
      kind: 'message',
      accountExternalId: null,
      externalId: '5',
      senderId: null,
      occurredAt: RECEIVED,
    });
  });
});

describe('classification details', () => {
  it('reads messaging events wrapped in changes[] as the App Dashboard test button sends them', () => {
    const value = {
      sender: { id: '12334' },
      recipient: { id: '23245' },
      timestamp: '1527459824',
      message: { mid: 'random_mid', text: 'random_text' },
    };
    const res = parseMetaDelivery(
      {
        object: 'instagram',
        entry: [{ id: '0', time: 1527459824, changes: [{ field: 'messages', value }] }],
      },
      RECEIVED,
    );
    expect(res.events[0]).toMatchObject({
      kind: 'message',
      field: 'messages',
      externalId: 'random_mid',
      senderId: '12334',
      occurredAt: '2018-05-27T22:23:44.000Z',
    });
    expect(res.events[0]!.payload).toBe(value);
  });

  it('names the customer for anything the account itself sent, and reads standby[] like messaging[]', () => {
    const deletedEcho = {
      sender: { id: ACCOUNT },
      recipient: { id: 'cust' },
      timestamp: 1748953518987,
      message: { mid: 'm9', is_echo: true, is_deleted: true },
    };
    const res = parseMetaDelivery(
      { object: 'instagram', entry: [{ id: ACCOUNT, standby: [deletedEcho] }] },
      RECEIVED,
    );
    expect(res.events[0]).toMatchObject({
      kind: 'delete',
      field: 'standby',
      externalId: 'm9',
      senderId: 'cust',
    });
  });

  it('keeps unknown messaging events (optins, handover…) with the messaging field', () => {
    const ev = {
      sender: { id: 'c' },
      recipient: { id: ACCOUNT },
      timestamp: 1748953518987,
      optin: { ref: 'x' },
    };
    const res = parseMetaDelivery(
      { object: 'instagram', entry: [{ id: ACCOUNT, messaging: [ev] }] },
      RECEIVED,
    );
    expect(res.events[0]).toMatchObject({ kind: 'unknown', field: 'messaging', senderId: 'c', payload: ev });
  });

  it('uses a change value timestamp before entry.time, and receivedAt when there is neither', () => {
    const res = parseMetaDelivery(
      {
        object: 'instagram',
        entry: [
          {
            id: ACCOUNT,
            time: 1748953520,
            changes: [{ field: 'comments', value: { id: 'a', timestamp: 1700000000 } }],
          },
          { id: ACCOUNT, changes: [{ field: 'comments', value: { id: 'b' } }] },
        ],
      },
      RECEIVED,
    );
    expect(res.events.map((e) => e.occurredAt)).toEqual(['2023-11-14T22:13:20.000Z', RECEIVED]);
  });
});

describe('toIsoTime', () => {
  it.each([
    [1748953520, '2025-06-03T12:25:20.000Z'],
    [1748953520123, '2025-06-03T12:25:20.123Z'],
    [1748953520123456, '2025-06-03T12:25:20.123Z'],
    ['1731499200', '2024-11-13T12:00:00.000Z'],
    ['1731499200000', '2024-11-13T12:00:00.000Z'],
    ['2024-10-15T14:32:00Z', '2024-10-15T14:32:00.000Z'],
    ['2024-10-15T17:32:00+03:00', '2024-10-15T14:32:00.000Z'],
    ['2024-10-15T14:32:00', '2024-10-15T14:32:00.000Z'],
    ['2024-10-15 14:32:00.5', '2024-10-15T14:32:00.500Z'],
    ['2024-10-15', '2024-10-15T00:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(toIsoTime(input)).toBe(iso);
  });

  it.each([[0], [-5], [1e30], ['abc'], ['1 Jan'], ['2024-13-45'], [''], [null], [{}], [true], [Number.NaN]])(
    '%s → null',
    (input) => {
      expect(toIsoTime(input)).toBeNull();
    },
  );
});
