import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GraphCaller, graphCaller, shapeOf, startTestSimulator } from './testing.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('simulated messaging', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let graph: GraphCaller;
  let userId: string;
  beforeEach(async () => {
    t = await startTestSimulator();
    const created = t.sim.createAccount({ username: 'acme.studio' });
    userId = created.account.userId;
    graph = graphCaller(t.sim, created.accessToken);
  });
  afterEach(() => t.close());

  const sendText = (igsid: string, text: string, extra: Record<string, unknown> = {}) =>
    graph.post(`/${userId}/messages`, { recipient: { id: igsid }, message: { text }, ...extra });

  it("sends within 24 h of the customer's last message and answers {recipient_id, message_id}", async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'Привіт! Є в наявності?' });
    t.clock.advance(23 * HOUR);
    const res = await sendText(customer.igsid, 'Так, є!');
    expect(res.status).toBe(200);
    expect(shapeOf(res.body)).toEqual(shapeOf(fixture('send_message.doc.json')));
    expect(res.body.recipient_id).toBe(customer.igsid);
    const stored = t.sim.state.messages.get(String(res.body.message_id));
    expect(stored).toMatchObject({ text: 'Так, є!', fromCustomer: false, igsid: customer.igsid });
  });

  it('refuses outside the 24 h window with 10/2534022, like Meta', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'hello' });
    t.clock.advance(24 * HOUR + 1);
    const res = await sendText(customer.igsid, 'sorry for the delay');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        ...fixture('errors/messaging_ig_login_10_2534022_outside_window_IGApiException.observed.json').error,
        fbtrace_id: expect.any(String),
      },
    });
    expect([...t.sim.state.messages.values()].filter((m) => !m.fromCustomer)).toHaveLength(0);
  });

  it('allows HUMAN_AGENT up to 7 days, not beyond', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'hello' });
    t.clock.advance(6 * DAY);
    const tagged = await sendText(customer.igsid, 'A person here', {
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(tagged.status).toBe(200);
    t.clock.advance(DAY + 1);
    const late = await sendText(customer.igsid, 'Still there?', { tag: 'HUMAN_AGENT' });
    expect(late.body).toMatchObject({ error: { code: 10, error_subcode: 2534022 } });
  });

  it('does not know people who never talked to the account', async () => {
    const stranger = t.sim.state.addCustomer({ username: 'stranger' });
    const res = await sendText(stranger.igsid, 'hi');
    expect(res.body).toEqual({
      error: {
        ...fixture('errors/messaging_100_2018001_no_matching_user.observed.json').error,
        fbtrace_id: expect.any(String),
      },
    });
  });

  it('validates the message: empty, too long, unknown attachment', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'hello' });
    const empty = await graph.post(`/${userId}/messages`, { recipient: { id: customer.igsid }, message: {} });
    expect(empty.body).toMatchObject({ error: { code: 100, error_subcode: 2534015 } });
    const long = await sendText(customer.igsid, 'я'.repeat(501));
    expect(long.body).toMatchObject({ error: { code: 100 } });
    const image = await graph.post(`/${userId}/messages`, {
      recipient: { id: customer.igsid },
      message: { attachment: { type: 'image', payload: { url: 'https://cdn.example/a.jpg' } } },
    });
    expect(image.status).toBe(200);
    const odd = await graph.post(`/${userId}/messages`, {
      recipient: { id: customer.igsid },
      message: { attachment: { type: 'hologram', payload: { url: 'x' } } },
    });
    expect(odd.body).toMatchObject({ error: { error_subcode: 2534015 } });
  });

  it('accepts form-encoded JSON parameters, as curl -F sends them', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'hello' });
    const res = await graph.post(
      `/${userId}/messages`,
      { recipient: { id: customer.igsid }, message: { text: 'form' } },
      'form',
    );
    expect(res.status).toBe(200);
  });

  it('sends exactly one private reply per comment, within 7 days', async () => {
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
    const reply = (id = comment.id) =>
      graph.post(`/${userId}/messages`, {
        recipient: { comment_id: id },
        message: { text: 'Надіслали ціну в Direct' },
      });
    const first = await reply();
    expect(first.status).toBe(200);
    expect(first.body.recipient_id).toBe(customer.igsid);
    const second = await reply();
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ error: { code: 10900 } });

    // a private reply does not open the messaging window
    expect((await sendText(customer.igsid, 'follow-up')).body).toMatchObject({
      error: { code: 10, error_subcode: 2534022 },
    });

    const old = t.sim.customerComments({ from: 'carol', text: 'old one' }).comment;
    t.clock.advance(7 * DAY + 1);
    expect((await reply(old.id)).body).toMatchObject({ error: { code: 10, error_subcode: 2534022 } });
    expect((await reply('18000000000000000')).body).toMatchObject({
      error: { code: 100, error_subcode: 2534025 },
    });
  });

  it('reacts and unreacts to a customer message', async () => {
    const { customer, message } = t.sim.customerSends({ from: 'alice', text: 'Дякую!' });
    const react = await graph.post(`/${userId}/messages`, {
      recipient: { id: customer.igsid },
      sender_action: 'react',
      payload: { message_id: message.id, reaction: 'love' },
    });
    expect(react.body).toEqual({ recipient_id: customer.igsid });
    expect(t.sim.state.messages.get(message.id)?.reactions).toEqual([
      { reaction: 'love', byCustomer: false },
    ]);
    await graph.post(`/${userId}/messages`, {
      recipient: { id: customer.igsid },
      sender_action: 'unreact',
      payload: { message_id: message.id },
    });
    expect(t.sim.state.messages.get(message.id)?.reactions).toEqual([]);
  });

  it('lists conversations, finds one by user_id and reads its messages', async () => {
    const a = t.sim.customerSends({ from: 'alice', text: 'first' });
    t.clock.advance(1000);
    t.sim.customerSends({ from: 'bob', text: 'second' });
    t.clock.advance(1000);
    await sendText(a.customer.igsid, 'reply to alice');

    const list = await graph.get<{ data: { id: string; updated_time: string }[] }>('/me/conversations', {
      platform: 'instagram',
    });
    // the doc example leaves out `paging`, which Graph adds to lists
    expect(shapeOf({ data: list.body.data })).toEqual(shapeOf(fixture('conversations_list.doc.json')));
    expect(list.body.data[0]?.id).toBe(a.conversationId);

    const one = await graph.get(`/${userId}/conversations`, {
      platform: 'instagram',
      user_id: a.customer.igsid,
    });
    expect(one.body).toEqual({ data: [{ id: a.conversationId }], paging: expect.any(Object) });

    const thread = await graph.get<{ messages: { data: Record<string, unknown>[] } }>(
      `/${a.conversationId}`,
      { fields: 'messages' },
    );
    expect(shapeOf(thread.body)).toEqual(shapeOf(fixture('conversation_messages.doc.json')));
    expect(thread.body.messages.data).toHaveLength(2);

    const mid = String(thread.body.messages.data[1]?.id);
    const msg = await graph.get(`/${mid}`, { fields: 'id,created_time,from,to,message' });
    expect(shapeOf(msg.body)).toEqual(shapeOf(fixture('message_fields.doc.json')));
    expect(msg.body).toMatchObject({
      message: 'first',
      from: { username: 'alice', id: a.customer.igsid },
      to: { data: [{ username: 'acme.studio', id: userId }] },
    });
  });
});
