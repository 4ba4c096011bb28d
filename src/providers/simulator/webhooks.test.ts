import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphCaller, shapeOf, startTestSimulator, startWebhookReceiver } from './testing.js';

const APP_SECRET = 'webhook-test-app-secret';
const webhookFixture = (name: string) => {
  const body = JSON.parse(
    readFileSync(new URL(`../../../test/fixtures/webhooks-ig-login/${name}`, import.meta.url), 'utf8'),
  );
  return Array.isArray(body) ? body[0] : body; // Meta's doc pages wrap examples in [ … ]
};

/** an independent check of X-Hub-Signature-256 over the raw bytes, as a receiver must do it */
function signatureValid(raw: Buffer, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Messaging = {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  message?: Record<string, unknown>;
};
type Delivery = {
  object: string;
  entry: {
    id: string;
    time: number;
    messaging?: Messaging[];
    changes?: { field: string; value: Record<string, unknown> }[];
  }[];
};

describe('simulated webhook deliveries', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let status: (n: number) => number;
  let userId: string;
  let token: string;
  beforeEach(async () => {
    status = () => 200;
    receiver = await startWebhookReceiver((n) => status(n));
    t = await startTestSimulator({
      appSecret: APP_SECRET,
      webhookUrl: receiver.url,
      webhookRetryDelaysMs: [5, 5, 5],
    });
    const created = t.sim.createAccount({
      username: 'acme.studio',
      subscribedFields: ['messages', 'comments', 'message_reactions', 'messaging_seen'],
    });
    userId = created.account.userId;
    token = created.accessToken;
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  it('delivers a customer DM signed with the app secret, in the Instagram-Login shape', async () => {
    const { message, customer } = t.sim.customerSends({ from: 'alice', text: 'Привіт' });
    await receiver.waitFor(1);
    const got = receiver.received[0];
    expect(got?.headers['content-type']).toBe('application/json');
    expect(signatureValid(got?.raw ?? Buffer.alloc(0), got?.headers['x-hub-signature-256'])).toBe(true);
    expect(
      signatureValid(
        Buffer.concat([got?.raw ?? Buffer.alloc(0), Buffer.from(' ')]),
        got?.headers['x-hub-signature-256'],
      ),
    ).toBe(false);
    const body = got?.json as Delivery;
    expect(shapeOf(body)).toEqual(shapeOf(webhookFixture('message_text.json')));
    expect(body.entry[0]?.id).toBe(userId);
    expect(body.entry[0]?.messaging?.[0]).toEqual({
      sender: { id: customer.igsid },
      recipient: { id: userId },
      timestamp: message.createdAt,
      message: { mid: message.id, text: 'Привіт' },
    });
    expect(body.entry[0]?.time).toBeGreaterThan(1e12); // messaging entries carry milliseconds
  });

  it('echoes our own sends with is_echo, like Meta', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'Is it in stock?' });
    await receiver.waitFor(1);
    const sent = await graphCaller(t.sim, token).post(`/${userId}/messages`, {
      recipient: { id: customer.igsid },
      message: { text: 'Yes!' },
    });
    await receiver.waitFor(2);
    const echo = receiver.received[1]?.json as Delivery;
    expect(shapeOf(echo)).toEqual(shapeOf(webhookFixture('message_echo.json')));
    expect(echo.entry[0]?.messaging?.[0]).toMatchObject({
      sender: { id: userId },
      recipient: { id: customer.igsid },
      message: { mid: sent.body.message_id, text: 'Yes!', is_echo: true },
    });
  });

  it('delivers comments as entry[].changes[], and reactions and reads as messaging events', async () => {
    t.sim.state.addMedia({
      accountId: userId,
      mediaType: 'IMAGE',
      productType: 'FEED',
      mediaUrl: '/__sim/img/a.svg',
      timestamp: t.clock(),
      likeCount: 0,
      commentsEnabled: true,
      children: [],
      isCarouselChild: false,
    });
    const { comment, customer } = t.sim.customerComments({ from: 'bob', text: 'Ціна?' });
    const { message } = t.sim.customerSends({ from: 'bob', text: 'hi' });
    t.sim.customerReacts({ from: 'bob', mid: message.id });
    await graphCaller(t.sim, token).post(`/${userId}/messages`, {
      recipient: { id: customer.igsid },
      message: { text: 'hello' },
    });
    t.sim.customerReads({ from: 'bob' });
    await receiver.waitFor(5);
    // concurrent deliveries may arrive in any order (Meta does not promise order either)
    const all = receiver.received.map((r) => r.json as Delivery);
    const find = (key: string) => all.find((d) => JSON.stringify(d).includes(`"${key}"`));
    const [commented, reacted, read] = [find('changes'), find('reaction'), find('read')];
    expect(commented?.entry[0]).toMatchObject({
      id: userId,
      changes: [
        {
          field: 'comments',
          value: {
            id: comment.id,
            text: 'Ціна?',
            from: { id: customer.igsid, username: 'bob' },
            media: { media_product_type: 'FEED' },
          },
        },
      ],
    });
    expect(commented?.entry[0]?.time).toBeLessThan(1e11); // changes entries carry seconds
    expect(shapeOf(reacted)).toEqual(shapeOf(webhookFixture('message_reactions_react.json')));
    expect(shapeOf(read)).toEqual(shapeOf(webhookFixture('messaging_seen.json')));
    for (const r of receiver.received)
      expect(signatureValid(r.raw, r.headers['x-hub-signature-256'])).toBe(true);
  });

  it('retries a failed delivery with the same bytes and signature, and logs every attempt', async () => {
    status = (n) => (n < 2 ? 500 : 200);
    const { delivery } = t.sim.customerSends({ from: 'alice', text: 'retry me' });
    await receiver.waitFor(3);
    await t.sim.webhooks.idle();
    expect(receiver.received.map((r) => r.raw.toString())).toEqual([
      delivery.body,
      delivery.body,
      delivery.body,
    ]);
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it('gives up after the last retry', async () => {
    status = () => 503;
    const { delivery } = t.sim.customerSends({ from: 'alice', text: 'nobody home' });
    await receiver.waitFor(4);
    await t.sim.webhooks.idle();
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(4);
  });

  it('sends nothing for fields the account did not subscribe to', async () => {
    const other = t.sim.createAccount({ username: 'quiet.shop' });
    const { delivery } = t.sim.customerSends({ from: 'alice', text: 'hello?', to: other.account.userId });
    await t.sim.webhooks.idle();
    expect(delivery).toMatchObject({ status: 'skipped', reason: 'not_subscribed' });
    expect(receiver.received).toHaveLength(0);
  });

  it('sends a duplicate on redeliver (receivers must be idempotent)', async () => {
    const { delivery } = t.sim.customerSends({ from: 'alice', text: 'once' });
    await receiver.waitFor(1);
    await fetch(`${t.sim.url}/__sim/deliveries/${delivery.id}/redeliver`, { method: 'POST' });
    await receiver.waitFor(2);
    expect(receiver.received[1]?.raw.equals(receiver.received[0]?.raw ?? Buffer.alloc(0))).toBe(true);
  });
});
