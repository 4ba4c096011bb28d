import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventKind } from './webhook-event.js';
import { isMetaDelivery, parseMetaDelivery } from './webhook-parser.js';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);
const ACCOUNT = '17841405309211844';
const CUSTOMER = '6983345578376412';
const RECEIVED = '2030-01-01T00:00:00.000Z';

/** The mids in the Meta doc fixtures are base64 of a numbered IGMessageID; n picks which one. */
const mid = (n: number) => {
  const nn = String(n).padStart(2, '0');
  const raw = `ig_message_item:1:IGMessageID:${ACCOUNT}:3402823668417103012442599773463000000${nn}:321002397616315154024848785330000${nn}`;
  return Buffer.from(raw).toString('base64');
};
const ms = (n: number) => new Date(n).toISOString();
const sec = (n: number) => new Date(n * 1000).toISOString();

interface Expected {
  kind: EventKind;
  field: string;
  account?: string;
  externalId: string | null;
  senderId: string | null;
  at: string;
}

const dm = (kind: EventKind, n: number | null, at = ms(1748953518987)): Expected => ({
  kind,
  field: 'messaging',
  externalId: n === null ? null : mid(n),
  senderId: CUSTOMER,
  at,
});
const change = (kind: EventKind, field: string, externalId: string, senderId: string | null, at: string) => ({
  kind,
  field,
  externalId,
  senderId,
  at,
});

const expected: Record<string, Expected> = {
  'webhooks-ig-login/comments_flat.json': change(
    'comment',
    'comments',
    '18040921513523045',
    CUSTOMER,
    sec(1748953520),
  ),
  'webhooks-ig-login/live_comments_flat.json': change(
    'live_comment',
    'live_comments',
    '18040921513523046',
    CUSTOMER,
    sec(1748953520),
  ),
  'webhooks-ig-login/message_attachment_image.json': dm('message', 10),
  'webhooks-ig-login/message_attachment_video.json': dm('message', 11),
  'webhooks-ig-login/message_attachment_audio.json': dm('message', 12),
  'webhooks-ig-login/message_attachment_file.json': dm('message', 13),
  'webhooks-ig-login/message_attachment_share.json': dm('message', 14),
  'webhooks-ig-login/message_attachment_story_mention.json': dm('message', 15),
  'webhooks-ig-login/message_attachment_ig_reel.json': dm('message', 16),
  'webhooks-ig-login/message_attachment_reel.json': dm('message', 17),
  'webhooks-ig-login/message_attachment_ig_post.json': dm('message', 18),
  'webhooks-ig-login/message_attachment_story.json': dm('message', 19),
  'webhooks-ig-login/message_attachment_ig_story.json': dm('message', 20),
  'webhooks-ig-login/message_attachment_media.json': dm('message', 21),
  'webhooks-ig-login/message_deleted.json': dm('delete', 30),
  // The account sent it: sender is the account, so the customer is the recipient.
  'webhooks-ig-login/message_echo.json': dm('echo', 31),
  // An edit and a reaction point at the message they change (mid 1 is message_text's).
  'webhooks-ig-login/message_edit.json': dm('edit', 1),
  'webhooks-ig-login/message_is_self.json': dm('message', 32),
  'webhooks-ig-login/message_quick_reply.json': dm('message', 34),
  'webhooks-ig-login/message_reactions_react.json': dm('reaction', 1, ms(1569262485349)),
  'webhooks-ig-login/message_reactions_unreact.json': dm('reaction', 1, ms(1569262485349)),
  'webhooks-ig-login/message_referral_ads.json': dm('message', 35),
  'webhooks-ig-login/message_reply_to_mid.json': dm('message', 36),
  'webhooks-ig-login/message_reply_to_story.json': dm('message', 37),
  'webhooks-ig-login/message_text.json': dm('message', 1),
  'webhooks-ig-login/message_unsupported.json': dm('message', 33),
  'webhooks-ig-login/messaging_postbacks.json': dm('postback', 40, ms(1502905976377)),
  'webhooks-ig-login/messaging_referral_igme.json': dm('referral', null, ms(1502905976377)),
  'webhooks-ig-login/messaging_seen.json': dm('seen', 31, ms(1569262485349)),
  'webhooks-fb-login/comments.json': change(
    'comment',
    'comments',
    '18040921513523045',
    CUSTOMER,
    sec(1748953520),
  ),
  'webhooks-fb-login/live_comments.json': change(
    'live_comment',
    'live_comments',
    '18040921513523045',
    CUSTOMER,
    sec(1748953520),
  ),
  'webhooks-fb-login/mentions_comment.json': {
    ...change('mention', 'mentions', '17894227972186120', null, sec(1520622968)),
    account: '17841405726653026',
  },
  'webhooks-fb-login/mentions_media.json': {
    ...change('mention', 'mentions', '17918195224117851', null, sec(1520622968)),
    account: '17841405726653026',
  },
  'webhooks-fb-login/story_insights.json': change(
    'story_insights',
    'story_insights',
    '18023345989012587',
    null,
    sec(1547687043),
  ),
  'restfb/messaging-attachment-unsupported.json': {
    ...dm('message', null, ms(1668022333735)),
    account: '17841452691600098',
    externalId:
      'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDUyNjkxNjAwMDk4OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODUyNTYwOTEwODQ0ODU4MjozMDc2OTU4MTA5OTY0OTI5MzAzMjAwODc1MDUxMTE2MTM0NAZDZD',
    senderId: '5614879045272581',
  },
  'restfb/messaging-seen.json': {
    ...dm('seen', null, ms(1668022333735)),
    account: '17841452691600098',
    externalId: 'MESSAGE-ID',
    senderId: '5614879045272581',
  },
  'restfb/wh-comments-2021.json': {
    ...change('comment', 'comments', '123456789', '1234536447', sec(1519399307)),
    account: '0',
  },
  'restfb/wh-comments.json': {
    ...change('comment', 'comments', '123456789', null, sec(1519399307)),
    account: '0',
  },
  'restfb/wh-livecomments.json': {
    ...change('live_comment', 'live_comments', '123456789', null, sec(1519399307)),
    account: '0',
  },
  'restfb/wh-mentions.json': {
    ...change('mention', 'mentions', '17887498072083520', null, sec(1519399310)),
    account: '0',
  },
  'restfb/wh-story_insights.json': {
    ...change('story_insights', 'story_insights', '17887498072083520', null, sec(1519399312)),
    account: '0',
  },
};

type Delivery = { object: string; entry: Record<string, unknown>[] };

/** Meta's doc pages wrap each example in [ … ]; a real delivery is the single object inside. */
function loadDelivery(name: string): Delivery {
  const json = JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
  if (!Array.isArray(json)) return json;
  expect(json).toHaveLength(1);
  return json[0];
}

const webhookFixtures = ['webhooks-ig-login', 'webhooks-fb-login', 'restfb'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, fixtures))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`),
);

describe('parseMetaDelivery on every fixture', () => {
  it('has an expectation for every webhook fixture on disk', () => {
    expect(webhookFixtures.length).toBeGreaterThanOrEqual(40);
    expect(webhookFixtures.filter((f) => !(f in expected))).toEqual([]);
    expect(Object.keys(expected).filter((f) => !webhookFixtures.includes(f))).toEqual([]);
  });

  it.each(webhookFixtures)('%s', (name) => {
    const want = expected[name]!;
    const delivery = loadDelivery(name);
    expect(isMetaDelivery(delivery)).toBe(true);
    const res = parseMetaDelivery(delivery, RECEIVED);
    expect(res.object).toBe('instagram');
    expect(res.problems).toEqual([]);
    expect(res.events).toHaveLength(1);
    const ev = res.events[0]!;
    expect(ev).toMatchObject({
      kind: want.kind,
      field: want.field,
      accountExternalId: want.account ?? ACCOUNT,
      externalId: want.externalId,
      senderId: want.senderId,
      occurredAt: want.at,
    });
    // The payload is the event exactly as delivered (same object, not a copy).
    const entry = delivery.entry[0]!;
    const raw = Array.isArray(entry.messaging)
      ? entry.messaging[0]
      : Array.isArray(entry.changes)
        ? entry.changes[0]
        : entry;
    expect(ev.payload).toBe(raw);
  });
});

describe('parseMetaDelivery on batches', () => {
  const text = loadDelivery('webhooks-ig-login/message_text.json').entry[0]!;
  const echo = loadDelivery('webhooks-ig-login/message_echo.json').entry[0]!;
  const react = loadDelivery('webhooks-ig-login/message_reactions_react.json').entry[0]!;
  const comments = loadDelivery('webhooks-fb-login/comments.json').entry[0]!;
  const mentions = loadDelivery('webhooks-fb-login/mentions_comment.json').entry[0]!;
  const liveFlat = loadDelivery('webhooks-ig-login/live_comments_flat.json').entry[0]!;
  const messagingOf = (e: Record<string, unknown>) => (e.messaging as unknown[])[0];
  const changesOf = (e: Record<string, unknown>) => (e.changes as unknown[])[0];

  it('keeps every event of every entry, in order, each with its own entry id', () => {
    const body = {
      object: 'instagram',
      entry: [
        {
          id: ACCOUNT,
          time: 1748953519476,
          messaging: [messagingOf(text), messagingOf(echo), messagingOf(react)],
        },
        {
          id: '17841400000000002',
          time: 1748953520,
          changes: [
            changesOf(comments),
            changesOf(mentions),
            { field: 'some_future_field', value: { x: 1 } },
          ],
        },
        liveFlat,
      ],
    };
    const res = parseMetaDelivery(body, RECEIVED);
    expect(res.problems).toEqual([]);
    expect(res.events.map((e) => [e.kind, e.accountExternalId, e.field])).toEqual([
      ['message', ACCOUNT, 'messaging'],
      ['echo', ACCOUNT, 'messaging'],
      ['reaction', ACCOUNT, 'messaging'],
      ['comment', '17841400000000002', 'comments'],
      ['mention', '17841400000000002', 'mentions'],
      ['unknown', '17841400000000002', 'some_future_field'],
      ['live_comment', ACCOUNT, 'live_comments'],
    ]);
    expect(res.events.map((e) => e.senderId)).toEqual([
      CUSTOMER,
      CUSTOMER,
      CUSTOMER,
      CUSTOMER,
      null,
      null,
      CUSTOMER,
    ]);
    expect(res.events[5]).toMatchObject({ occurredAt: sec(1748953520), payload: { value: { x: 1 } } });
  });

  it('parses 1000 entries with 5 events each', () => {
    const entry = (i: number) => ({
      id: `1784140000000${String(i).padStart(4, '0')}`,
      time: 1748953519476,
      messaging: Array.from({ length: 5 }, (_, j) => ({
        sender: { id: `cust-${i}-${j}` },
        recipient: { id: 'x' },
        timestamp: 1748953518000 + j,
        message: { mid: `m-${i}-${j}`, text: 'hi' },
      })),
    });
    const res = parseMetaDelivery(
      { object: 'instagram', entry: Array.from({ length: 1000 }, (_, i) => entry(i)) },
      RECEIVED,
    );
    expect(res.events).toHaveLength(5000);
    expect(res.events[4999]).toMatchObject({
      kind: 'message',
      accountExternalId: '17841400000000999',
      externalId: 'm-999-4',
      senderId: 'cust-999-4',
      occurredAt: ms(1748953518004),
    });
  });
});
