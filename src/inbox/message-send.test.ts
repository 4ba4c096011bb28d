import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import { type GraphStub, startGraphStub } from '../../test/support/graph-stub-server.js';
import { textOp } from '../../test/support/inbox.js';
import type { AccountRow } from '../accounts/account.repository.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { createLogger } from '../logger.js';

// Sending from the inbox, with the Graph API played by a stub so every answer (and its timing
// against the echo webhook) is under the test's control. The job worker is off: the test runs
// the send-message job itself, one attempt at a time.

const BUSINESS = '17841400000000001';
const CUSTOMER = '6983345578376412';
const SEND = `/v23.0/${BUSINESS}/messages`;
const HOUR = 3600_000;
const ctx = { attempt: 1, log: createLogger('silent') };

describe.each(dialects)('sending messages on %s', (dialect) => {
  let t: TestApp;
  let stub: GraphStub;
  let account: AccountRow;
  const now = Date.UTC(2026, 0, 10, 12, 0, 0);
  let conversationId = '';
  let n = 0;

  beforeAll(async () => {
    stub = await startGraphStub();
    t = await createTestApp(dialect, { INSTAGRAM_GRAPH_URL: stub.url }, { clock: () => now, worker: false });
    const admin = await t.app.services.users.findAdmin();
    account = await new AccountRepository(t.tdb.db).create({
      workspace_id: admin?.workspace_id ?? '',
      provider: 'instagram',
      external_id: BUSINESS,
      access_token_enc: t.app.services.secrets.encrypt('IGAA-test-token'),
    });
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.http.inject({ method, url, headers: { authorization: `Bearer ${t.token}` }, payload });
  const customerWrites = async (at: number) => {
    const op = textOp(CUSTOMER, `mid.in.${n++}`, new Date(at).toISOString(), 'hello?');
    const r = await t.app.services.inbox.apply({ ...account, status: 'active' }, [op]);
    conversationId = r.conversations[0]?.id ?? '';
  };
  const echo = (mid: string, text: string) =>
    textOp(CUSTOMER, mid, new Date(now).toISOString(), text, 'outbound');
  const reply = async (text: string) => {
    const res = await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text });
    expect(res.statusCode, res.body).toBe(202);
    return res.json() as { id: string; status: string };
  };
  const outbound = async () =>
    (await api('GET', `/api/v1/conversations/${conversationId}/messages`))
      .json()
      .items.filter((m: { direction: string }) => m.direction === 'outbound');
  const sends = () => stub.requests.filter((r) => r.method === 'POST' && r.path === SEND);

  beforeEach(async () => {
    stub.requests.length = 0;
    await t.tdb.db.deleteFrom('messages').execute();
    await customerWrites(now);
  });

  it("send response first, echo second: one message, sent, with Meta's mid", async () => {
    stub.on('POST', SEND, { body: { recipient_id: CUSTOMER, message_id: 'mid.out.1' } });
    const { id, status } = await reply('Yes, in blue');
    expect(status).toBe('queued');
    await t.app.services.delivery.deliver(id, ctx, false);
    await t.app.services.inbox.apply(account, [echo('mid.out.1', 'Yes, in blue')]);
    expect(await outbound()).toMatchObject([{ id, externalId: 'mid.out.1', status: 'sent', sentBy: 'user' }]);
    expect(sends()).toHaveLength(1);
    expect(sends()[0]?.json).toEqual({ recipient: { id: CUSTOMER }, message: { text: 'Yes, in blue' } });
  });

  it('sends one message of a conversation at a time, in order, however many calls queued them', async () => {
    let k = 0;
    stub.on('POST', SEND, () => ({ body: { recipient_id: CUSTOMER, message_id: `mid.order.${k++}` } }));
    const queuedSends = async () =>
      (await t.app.queue.list('waiting', 100)).filter((j) => j.name === 'send-message');
    await t.tdb.db.deleteFrom('jobs').where('name', '=', 'send-message').execute();
    const first = await reply('first');
    const second = await reply('second');
    const third = await reply('third');
    // Only the head of the conversation's queue has a job; the others wait behind it.
    expect((await queuedSends()).map((j) => j.payload)).toEqual([{ messageId: first.id }]);
    for (const m of [first, second, third]) {
      await t.app.services.delivery.deliver(m.id, ctx, false);
      await t.app.services.send.sendNext(m.id);
    }
    // …and each one done gave the next its job (the list is newest first).
    expect((await queuedSends()).map((j) => j.payload)).toEqual([
      { messageId: third.id },
      { messageId: second.id },
      { messageId: first.id },
    ]);
    expect(sends().map((r) => (r.json as { message: { text: string } }).message.text)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('echo first, send response second: still one message, and no second send', async () => {
    stub.on('POST', SEND, { body: { recipient_id: CUSTOMER, message_id: 'mid.out.2' } });
    const { id } = await reply('It ships tomorrow');
    await t.app.services.inbox.apply(account, [echo('mid.out.2', 'It ships tomorrow')]);
    await t.app.services.delivery.deliver(id, ctx, false);
    expect(await outbound()).toMatchObject([{ id, externalId: 'mid.out.2', status: 'sent' }]);
    expect(sends()).toHaveLength(0);
  });

  it('folds an echo stored on its own into our message when the response names its mid', async () => {
    stub.on('POST', SEND, { body: { recipient_id: CUSTOMER, message_id: 'mid.out.3' } });
    const { id } = await reply('Price: 40 EUR');
    // sent, but the echo's text differs (Instagram trimmed it), so it could not be matched
    await t.app.services.inbox.apply(account, [echo('mid.out.3', 'Price: 40 EUR ')]);
    expect(await outbound()).toHaveLength(2);
    await t.app.services.delivery.deliver(id, ctx, false);
    expect(await outbound()).toMatchObject([{ id, externalId: 'mid.out.3', status: 'sent' }]);
  });

  it('retries a transient failure, and after a lost answer asks Meta before sending again', async () => {
    stub.on('POST', SEND, {
      status: 500,
      body: { error: { message: 'An unexpected error', code: 2, is_transient: true } },
    });
    const { id } = await reply('Size M is back');
    await expect(t.app.services.delivery.deliver(id, ctx, false)).rejects.toThrow();
    expect((await outbound())[0]).toMatchObject({ id, status: 'sending' });
    // Meta did deliver it despite the 500: the thread shows it, so the retry records it, not resends.
    stub.on('GET', `/v23.0/${BUSINESS}/conversations`, {
      body: {
        data: [
          {
            id: 'conv.1',
            messages: {
              data: [
                {
                  id: 'mid.out.4',
                  created_time: new Date(now).toISOString(),
                  from: { id: BUSINESS },
                  message: 'Size M is back',
                },
              ],
            },
          },
        ],
      },
    });
    await t.app.services.delivery.deliver(id, { ...ctx, attempt: 2 }, false);
    expect((await outbound())[0]).toMatchObject({ id, status: 'sent', externalId: 'mid.out.4' });
    expect(sends()).toHaveLength(1);
  });

  it('fails for good with the reason Meta gives, and on the last attempt of a transient error', async () => {
    stub.on('POST', SEND, {
      status: 400,
      body: {
        error: {
          message: 'This message is sent outside of allowed window.',
          code: 10,
          error_subcode: 2534022,
        },
      },
    });
    const { id } = await reply('Are you there?');
    await t.app.services.delivery.deliver(id, ctx, false);
    expect((await outbound())[0]).toMatchObject({
      status: 'failed',
      error: { code: 'outside_messaging_window' },
    });

    stub.on('POST', SEND, { status: 503, body: {} });
    const second = await reply('Hello again');
    await t.app.services.delivery.deliver(second.id, { ...ctx, attempt: 8 }, true);
    const failed = (await outbound()).find((m: { id: string }) => m.id === second.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'provider_unavailable' } });
    // a failed message can be queued again by hand
    expect((await api('POST', `/api/v1/messages/${second.id}/retry`)).json()).toEqual({
      id: second.id,
      status: 'queued',
    });
  });

  it('refuses outside the 24 h window with 409 and the closing time; HUMAN_AGENT when enabled', async () => {
    await t.tdb.db.deleteFrom('messages').execute();
    await t.tdb.db.updateTable('conversations').set({ last_customer_at: null }).execute();
    await customerWrites(now - 30 * HOUR);
    const res = await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'late' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: 'outside_messaging_window',
      details: { closedAt: new Date(now - 6 * HOUR).toISOString(), humanAgentAvailable: true },
    });
    const patch = await t.app.http.inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { humanAgentEnabled: true },
    });
    expect(patch.json()).toMatchObject({ humanAgentEnabled: true });
    stub.on('POST', SEND, { body: { recipient_id: CUSTOMER, message_id: 'mid.out.5' } });
    const { id } = await reply('late, but by a person');
    await t.app.services.delivery.deliver(id, ctx, false);
    expect(sends().at(-1)?.json).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    await t.app.http.inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { humanAgentEnabled: false },
    });
  });

  it('lets an external agent answer with a workspace API key, and a read-only key only read', async () => {
    const createKey = async (scopes: string[]) =>
      (
        await t.app.http.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: { authorization: `Bearer ${t.token}` },
          payload: { name: `agent ${scopes.join('+')}`, scopes },
        })
      ).json().key as string;
    const [agent, reader] = [await createKey(['read', 'write']), await createKey(['read'])];
    const post = (key: string) =>
      t.app.http.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        headers: { authorization: `Bearer ${key}` },
        payload: { text: 'Answer from the AI agent' },
      });
    const res = await post(agent);
    expect(res.statusCode).toBe(202);
    expect((await outbound())[0]).toMatchObject({ id: res.json().id, sentBy: 'api', status: 'queued' });
    expect((await post(reader)).json()).toMatchObject({ statusCode: 403, error: 'insufficient_scope' });
    const read = await t.app.http.inject({
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(read.statusCode).toBe(200);
  });

  it('tells outbound webhooks about received, sent and failed messages, each once', async () => {
    const sub = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/outbound-webhooks',
      headers: { authorization: `Bearer ${t.token}` },
      payload: {
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['message.received', 'message.sent', 'message.failed'],
      },
    });
    expect(sub.statusCode).toBe(201);
    const events = async () =>
      (
        await t.tdb.db
          .selectFrom('outbound_deliveries')
          .select(['event_type', 'body'])
          .orderBy('id')
          .execute()
      ).map((d) => [d.event_type, JSON.parse(d.body).data.message.text]);
    await customerWrites(now);
    stub.on('POST', SEND, { body: { recipient_id: CUSTOMER, message_id: 'mid.out.hook' } });
    const { id } = await reply('We open at 10');
    await t.app.services.delivery.deliver(id, ctx, false);
    await t.app.services.delivery.deliver(id, ctx, false);
    stub.on('POST', SEND, { status: 400, body: { error: { message: 'Invalid', code: 100 } } });
    const bad = await reply('This fails');
    await t.app.services.delivery.deliver(bad.id, ctx, false);
    expect(await events()).toEqual([
      ['message.received', 'hello?'],
      ['message.sent', 'We open at 10'],
      ['message.failed', 'This fails'],
    ]);
    await t.tdb.db.deleteFrom('outbound_deliveries').execute();
    await t.tdb.db.deleteFrom('outbound_webhooks').execute();
  });

  it('marks the account token_expired when Meta refuses the token', async () => {
    stub.on('POST', SEND, {
      status: 400,
      body: {
        error: {
          message: 'Error validating access token',
          type: 'OAuthException',
          code: 190,
          error_subcode: 460,
        },
      },
    });
    const { id } = await reply('hi');
    await t.app.services.delivery.deliver(id, ctx, false);
    expect((await outbound())[0]).toMatchObject({ status: 'failed', error: { code: 'token_invalid' } });
    const row = await new AccountRepository(t.tdb.db).findById(account.id);
    expect(row?.status).toBe('token_expired');
    const refused = await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'again' });
    expect(refused.json()).toMatchObject({ error: 'conversation_account_inactive' });
    await new AccountRepository(t.tdb.db).update(account.id, { status: 'active' });
  });
});
