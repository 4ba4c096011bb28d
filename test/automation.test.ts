import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/providers/simulator/server.js';
import { simEnv, startTestSimulator } from '../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';

// The automation engine end to end: the simulator plays Instagram (customers write, webhooks
// are signed and posted to the app), the app's worker runs the engine, and the simulator's own
// state says what Instagram received.

interface Action {
  kind: string;
  contact: { igsid: string; username: string | null; name: string | null } | null;
  status: string;
  reason: string | null;
  ruleId: string | null;
  text: string | null;
  messageId: string | null;
  conversationId: string | null;
}

describe.each(dialects)('automation on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let accountId = '';
  let igUserId = '';
  let priceRule = '';

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => Date.now() }));
    t = await createTestApp(dialect, { ...simEnv(sim), PUBLIC_URL: 'https://relaydesk.example.com' });
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.http.server.address() as AddressInfo).port;
    sim.webhooks.configure({ url: `http://127.0.0.1:${port}/api/v1/instagram/webhook` });
    const { account, accessToken } = sim.createAccount({ username: 'linen.bot' });
    igUserId = account.userId;
    accountId = (await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).body.id;
    // the history import runs first on connect; the tests start after it
    await eventually(async () =>
      t.tdb.db.selectFrom('accounts').select('id').where('backfilled_at', 'is not', null).executeTakeFirst(),
    );
    // the seed's own example
    priceRule = (
      await api('POST', '/api/v1/dm-keywords', {
        keyword: 'ціна',
        matchType: 'word',
        responseMessage: 'Ціна вказана на сторінці товару',
        quickReplies: [{ title: 'Каталог' }],
      })
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });

  async function api(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) {
    const res = await t.app.http.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${t.token}` },
    });
    return { status: res.statusCode, body: res.json() };
  }
  /** what Instagram received from the business in the conversation with this customer */
  const sentTo = (username: string) => {
    const igsid = sim.state.findCustomer(username)?.igsid;
    return [...sim.state.messages.values()].filter((m) => !m.fromCustomer && m.igsid === igsid);
  };
  const conversationOf = async (username: string): Promise<{ id: string; automation: object }> =>
    eventually(async () =>
      (await api('GET', '/api/v1/conversations?limit=100')).body.items.find(
        (c: { contact: { username: string | null } }) => c.contact.username === username,
      ),
    );
  const actionsIn = async (conversationId: string): Promise<Action[]> =>
    (await api('GET', `/api/v1/automation-actions?conversationId=${conversationId}`)).body.items;
  /** waits until the conversation has n decisions, newest first */
  const decisions = async (username: string, n: number) => {
    const c = await conversationOf(username);
    return eventually(async () => {
      const list = await actionsIn(c.id);
      return list.length >= n ? list : null;
    });
  };
  const write = async (from: string, text: string) => {
    sim.customerSends({ from, text });
    // Meta's timestamps are milliseconds: keep consecutive messages apart
    await new Promise((r) => setTimeout(r, 5));
  };

  it('answers a keyword in any case, once, with quick replies, and never answers its own echo', async () => {
    await write('olena', 'Яка ЦІНА на сукню?');
    const [action] = await decisions('olena', 1);
    expect(action).toMatchObject({
      kind: 'dm_keyword',
      status: 'queued',
      ruleId: priceRule,
      contact: { username: 'olena' },
    });
    const sent = await eventually(async () => (sentTo('olena').length ? sentTo('olena') : null));
    expect(sent.map((m) => [m.text, m.quickReplies])).toEqual([
      ['Ціна вказана на сторінці товару', [{ title: 'Каталог', payload: 'Каталог' }]],
    ]);
    // the echo comes back as a webhook and is folded into our message; nothing answers it
    const c = await conversationOf('olena');
    await eventually(async () => {
      const msgs = (await api('GET', `/api/v1/conversations/${c.id}/messages`)).body.items;
      return msgs.find(
        (m: { sentBy: string; status: string }) => m.sentBy === 'automation' && m.status === 'sent',
      );
    });
    // replaying every stored delivery does not answer again
    const deliveries = (await api('GET', '/api/v1/webhook-events?limit=100')).body.items;
    for (const d of deliveries) await api('POST', `/api/v1/webhook-events/${d.id}/replay`);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo('olena')).toHaveLength(1);
    expect(await actionsIn(c.id)).toHaveLength(1);
  });

  it('keeps quiet within the cooldown and says why', async () => {
    await write('olena', 'ціна?');
    const [latest] = await decisions('olena', 2);
    expect(latest).toMatchObject({ kind: 'dm_keyword', status: 'skipped', reason: 'cooldown' });
    expect(sentTo('olena')).toHaveLength(1);
  });

  it('pauses where a person replied, and resumes when switched back on', async () => {
    const quick = (
      await api('POST', '/api/v1/dm-keywords', {
        keyword: 'доставка',
        responseMessage: 'Доставка 1–2 дні',
        cooldownSeconds: 0,
      })
    ).body.id;
    await write('petro', 'привіт');
    const c = await conversationOf('petro');
    const human = await api('POST', `/api/v1/conversations/${c.id}/messages`, { text: 'Добрий день!' });
    expect(human.status).toBe(202);
    const paused = (await api('GET', `/api/v1/conversations/${c.id}`)).body;
    expect(paused.automation).toMatchObject({ pausedBy: 'human' });
    expect(Date.parse(paused.automation.pausedUntil) - Date.now()).toBeGreaterThan(23 * 3600_000);

    await write('petro', 'а доставка?');
    expect((await decisions('petro', 1))[0]).toMatchObject({
      ruleId: quick,
      status: 'skipped',
      reason: 'takeover',
    });

    const resumed = await api('PUT', `/api/v1/conversations/${c.id}/automation`, { paused: false });
    expect(resumed.body.automation).toEqual({ pausedUntil: null, pausedBy: null, optedOutAt: null });
    await write('petro', 'доставка');
    expect((await decisions('petro', 2))[0]).toMatchObject({ ruleId: quick, status: 'queued' });
    await eventually(async () => sentTo('petro').some((m) => m.text === 'Доставка 1–2 дні'));
  });

  it('stops for a contact who writes СТОП and resumes on START', async () => {
    await api('PUT', `/api/v1/accounts/${accountId}/automation`, {
      optOut: { enabled: true, stopText: 'Гаразд, більше без автовідповідей', startText: 'Знову на зв’язку' },
    });
    await write('iryna', 'СТОП');
    expect((await decisions('iryna', 1))[0]).toMatchObject({ kind: 'opt_out', status: 'queued' });
    const c = await conversationOf('iryna');
    expect((await api('GET', `/api/v1/conversations/${c.id}`)).body.automation.optedOutAt).not.toBeNull();
    await write('iryna', 'ціна');
    expect((await decisions('iryna', 2))[0]).toMatchObject({ kind: 'dm_keyword', reason: 'opted_out' });
    await write('iryna', 'start');
    expect((await decisions('iryna', 3))[0]).toMatchObject({ kind: 'opt_in', status: 'queued' });
    await eventually(async () => sentTo('iryna').length === 2);
    expect(sentTo('iryna').map((m) => m.text)).toEqual([
      'Гаразд, більше без автовідповідей',
      'Знову на зв’язку',
    ]);
  });

  it('stops a loop between two bots at the hourly limit', async () => {
    await api('PUT', `/api/v1/accounts/${accountId}/automation`, { maxPerConversationPerHour: 3 });
    await api('POST', '/api/v1/dm-keywords', {
      keyword: 'ping',
      responseMessage: 'pong',
      cooldownSeconds: 0,
    });
    // the other side is a bot that answers every "pong" with "ping"
    for (let i = 0; i < 5; i++) {
      await write('echo.bot', 'ping');
      await decisions('echo.bot', i + 1);
    }
    const list = await decisions('echo.bot', 5);
    expect(list.map((a) => a.reason).reverse()).toEqual([null, null, null, 'loop_limit', 'loop_limit']);
    expect(sentTo('echo.bot').filter((m) => m.text === 'pong')).toHaveLength(3);
    await api('PUT', `/api/v1/accounts/${accountId}/automation`, {});
  });

  it('records why it did not answer a message delivered after the window closed', async () => {
    // Meta retries a delivery for up to 36 hours: this one arrives 25 hours late
    const at = Date.now() - 25 * 3600_000;
    const body = JSON.stringify({
      object: 'instagram',
      entry: [
        {
          id: igUserId,
          time: Date.now(),
          messaging: [
            {
              sender: { id: '7000000000000001' },
              recipient: { id: igUserId },
              timestamp: at,
              message: { mid: 'aWdfbGF0ZV9tZXNzYWdl', text: 'ціна?' },
            },
          ],
        },
      ],
    });
    expect((await t.postMeta(body)).statusCode).toBe(200);
    const c = await eventually(
      async () => (await api('GET', '/api/v1/conversations?q=7000000000000001')).body.items[0],
    );
    const [action] = await eventually(async () => {
      const list = await actionsIn(c.id);
      return list.length ? list : null;
    });
    expect(action).toMatchObject({
      kind: 'dm_keyword',
      status: 'skipped',
      reason: 'window',
      messageId: null,
    });
  });

  it('welcomes a first message, thanks for a story mention, and answers away from business hours', async () => {
    const closed = { timezone: 'Europe/Kyiv', days: [0], from: '00:00', to: '00:01' };
    await api('PUT', `/api/v1/accounts/${accountId}/automation`, {
      welcome: { enabled: true, text: 'Вітаємо в Linen!' },
      storyMention: { enabled: true, text: 'Дякуємо за згадку!' },
      away: { enabled: true, text: 'Ми відповімо зранку', businessHours: [closed], cooldownMinutes: 720 },
    });
    await write('nadia', 'Добрий вечір');
    expect((await decisions('nadia', 1))[0]).toMatchObject({ kind: 'welcome', status: 'queued' });
    await write('nadia', 'Ви тут?');
    expect((await decisions('nadia', 2))[0]).toMatchObject({ kind: 'away', status: 'queued' });
    await write('nadia', 'Агов');
    expect((await decisions('nadia', 3))[0]).toMatchObject({ kind: 'away', reason: 'cooldown' });
    sim.customerSends({
      from: 'nadia',
      attachments: [{ type: 'story_mention', url: `${sim.url}/__sim/img/dress.svg` }],
    });
    expect((await decisions('nadia', 4))[0]).toMatchObject({ kind: 'story_mention', status: 'queued' });
    await eventually(async () => sentTo('nadia').length === 3);
    expect(sentTo('nadia').map((m) => m.text)).toEqual([
      'Вітаємо в Linen!',
      'Ми відповімо зранку',
      'Дякуємо за згадку!',
    ]);
    await api('PUT', `/api/v1/accounts/${accountId}/automation`, {});
  });

  it('answers a comment publicly and privately, once per person per post', async () => {
    const media = sim.state.addMedia({
      ...{ accountId: igUserId, mediaType: 'IMAGE', productType: 'FEED', caption: 'Linen dress' },
      ...{ mediaUrl: '/__sim/img/dress.svg', timestamp: Date.now() - 60_000, likeCount: 0 },
      ...{ commentsEnabled: true, children: [], isCarouselChild: false },
    });
    const rule = await api('POST', '/api/v1/comment-rules', {
      name: 'Price',
      scope: 'media',
      mediaIds: [media.id],
      keywords: ['price', 'ціна'],
      publicReplies: ['Sent you a DM!', 'Check your DMs 💌'],
      privateReply: 'The dress is 1 299 ₴',
    });
    expect(rule.status).toBe(201);
    const { comment } = sim.customerComments({ from: 'sofia', text: 'Price?', mediaId: media.id });
    const replies = () => [...sim.state.comments.values()].filter((c) => c.parentId === comment.id);
    await eventually(
      async () => replies().length === 1 && sim.state.comments.get(comment.id)?.privateReplyMid,
    );
    expect(['Sent you a DM!', 'Check your DMs 💌']).toContain(replies()[0]?.text);
    // the private reply is in the inbox as the bot's message, quoting the comment
    const c = await conversationOf('sofia');
    const msgs = await eventually(async () => {
      const items = (await api('GET', `/api/v1/conversations/${c.id}/messages`)).body.items;
      return items.some((m: { status: string }) => m.status === 'sent') ? items : null;
    });
    expect(msgs[0]).toMatchObject({
      sentBy: 'automation',
      text: 'The dress is 1 299 ₴',
      replyTo: { comment: { id: comment.id, text: 'Price?' } },
    });
    // the same person again under the same post: no second answer; and no takeover from our own DM
    sim.customerComments({ from: 'sofia', text: 'ціна?', mediaId: media.id });
    const all = await eventually(async () => {
      const list: Action[] = (await api('GET', `/api/v1/automation-actions?ruleId=${rule.body.id}`)).body
        .items;
      return list.length === 3 ? list : null;
    });
    expect(all.map((a) => [a.kind, a.status, a.reason])).toEqual([
      ['comment_public_reply', 'skipped', 'already_answered'],
      ['comment_private_reply', 'queued', null],
      ['comment_public_reply', 'sent', null],
    ]);
    expect(replies()).toHaveLength(1);
    expect((await api('GET', `/api/v1/conversations/${c.id}`)).body.automation.pausedUntil).toBeNull();
  });

  it('decides a message left undecided by a crash when the sweeper runs', async () => {
    await write('taras', 'ціна');
    const c = await conversationOf('taras');
    await decisions('taras', 1);
    // as if the process died between storing the message and deciding: undecided, no record
    const kdb = t.tdb.db;
    await kdb.deleteFrom('automation_actions').where('conversation_id', '=', c.id).execute();
    await kdb
      .updateTable('messages')
      .set({ automation_state: 'pending', updated_at: '2020-01-01T00:00:00.000Z' })
      .where('conversation_id', '=', c.id)
      .where('direction', '=', 'inbound')
      .execute();
    await t.app.services.sweepAutomation();
    const [action] = await actionsIn(c.id);
    // the record of the first answer is gone with the "crash", so there is no cooldown: it answers, once
    expect(action).toMatchObject({ kind: 'dm_keyword', status: 'queued' });
    await t.app.services.sweepAutomation();
    expect(await actionsIn(c.id)).toHaveLength(1);
  });
});
