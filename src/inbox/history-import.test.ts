import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import { createLogger } from '../logger.js';
import type { Simulator } from '../providers/simulator/index.js';
import { simEnv, startTestSimulator } from '../providers/simulator/testing.js';
import type { SimAccount } from '../providers/simulator/types.js';
import { HistoryImportService } from './history-import.service.js';
import type { PollResult } from './history-poll.js';

// Backfill and missed-message polling against the simulator over real HTTP, stored through the
// app's own inbox on both databases. The simulator sends no webhooks (no URL configured), so
// what it knows reaches the app only through the Conversations API, unless a test posts the
// webhook delivery itself.

const MIN = 60_000;

describe.each(dialects)('history import and missed-message polling on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let now = Date.UTC(2026, 0, 15, 12, 0, 0);
  const clock = () => now;
  const sleeps: number[] = [];
  let service: HistoryImportService;

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock }));
    // No worker: webhook processing and jobs run only when a test asks.
    t = await createTestApp(dialect, simEnv(sim), { clock, worker: false });
    const s = t.app.services;
    service = new HistoryImportService({
      accounts: s.accounts,
      accountService: s.accountService,
      graph: s.graph,
      secrets: s.secrets,
      ingest: s.inbox,
      db: t.app.database.db,
      log: createLogger('silent'),
      clock,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      importPageSize: 2,
      pollConcurrency: 1,
    });
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });

  const db = () => t.app.database.db;
  async function connect(username: string): Promise<{ sim: SimAccount; id: string; token: string }> {
    const { account, accessToken } = sim.createAccount({ username });
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { provider: 'instagram', accessToken },
    });
    expect(res.statusCode).toBe(201);
    return { sim: account, id: res.json().id, token: accessToken };
  }
  const accountRow = async (id: string) =>
    db().selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const pollResult = async (id: string) =>
    JSON.parse((await accountRow(id)).last_poll_result ?? 'null') as PollResult;
  const messages = (accountId: string) =>
    db()
      .selectFrom('messages')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const conversationOf = (accountId: string, igsid: string) =>
    db()
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .selectAll('conversations')
      .where('conversations.account_id', '=', accountId)
      .where('contacts.external_id', '=', igsid)
      .executeTakeFirstOrThrow();
  /** Graph reads of single threads (GET /{conversation-id}) for this account */
  const threadReads = (acct: SimAccount) =>
    sim
      .calls({ method: 'GET' })
      .filter((c) => c.accountId === acct.userId && sim.state.conversations.has(c.path.slice(1)));
  const listCalls = (acct: SimAccount) =>
    sim.calls({ method: 'GET', path: /\/conversations$/ }).filter((c) => c.accountId === acct.userId);
  /** the customer's webhook reaches the app and is processed (what a working webhook does) */
  async function deliverWebhook(body: string) {
    const res = await t.postMeta(body);
    expect(res.statusCode).toBe(200);
    await t.app.services.ingest.drain();
    const rows = await db()
      .selectFrom('webhook_events')
      .select('id')
      .where('status', '!=', 'processed')
      .execute();
    await t.app.services.events.processDeliveries(rows.map((r) => r.id));
  }

  let shop: { sim: SimAccount; id: string; token: string };
  const igsid: Record<string, string> = {};

  it('backfills conversations with directions, text, attachments and reactions, all already read', async () => {
    shop = await connect('linen.history');
    const start = now;
    now = start - 3 * 3_600_000;
    const alice = sim.customerSends({ from: 'alice', text: 'Do you ship to Lviv?', to: shop.sim.userId });
    now += MIN;
    // the business answered from the Instagram app: no webhook reached Relaydesk
    const conv = sim.state.conversationFor(shop.sim.userId, alice.customer.igsid);
    const reply = sim.state.addMessage(conv, {
      fromCustomer: false,
      text: 'Yes, in 2 days',
      attachments: [],
    });
    sim.customerReacts({ from: 'alice', mid: reply.id });
    now += MIN;
    const bob = sim.customerSends({
      from: 'bob',
      to: shop.sim.userId,
      attachments: [{ type: 'image', url: '/__sim/img/bob-photo' }],
    });
    now += MIN;
    sim.customerSends({
      from: 'bob',
      to: shop.sim.userId,
      attachments: [{ type: 'video', url: '/__sim/img/bob-clip' }],
    });
    now += MIN;
    const carol = sim.customerSends({ from: 'carol', text: 'Hello?', to: shop.sim.userId });
    Object.assign(igsid, {
      alice: alice.customer.igsid,
      bob: bob.customer.igsid,
      carol: carol.customer.igsid,
    });
    expect(sim.webhooks.deliveries().every((d) => d.status === 'skipped')).toBe(true);
    now = start;

    const progress: number[] = [];
    const res = await service.importAccount(shop.id, async (pct) => {
      progress.push(pct);
    });
    // three conversations on pages of two
    expect(res).toEqual({ conversations: 3, imported: 5, pages: 2, truncated: false });
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const rows = await messages(shop.id);
    expect(rows.map((m) => [m.direction, m.kind, m.text, m.sent_by])).toEqual([
      ['inbound', 'text', 'Do you ship to Lviv?', 'customer'],
      ['outbound', 'text', 'Yes, in 2 days', 'instagram_app'],
      ['inbound', 'attachment', null, 'customer'],
      ['inbound', 'attachment', null, 'customer'],
      ['inbound', 'text', 'Hello?', 'customer'],
    ]);
    expect(rows[0]?.external_id).toBe(alice.message.id);
    expect(rows[0]?.created_at).toBe(new Date(alice.message.createdAt).toISOString());
    const attachments = rows.slice(2, 4).map((m) => JSON.parse(m.attachments));
    expect(attachments).toEqual([
      [expect.objectContaining({ type: 'image', sourceUrl: `${sim.url}/__sim/img/bob-photo` })],
      [expect.objectContaining({ type: 'video', sourceUrl: `${sim.url}/__sim/img/bob-clip` })],
    ]);
    const reactions = await db()
      .selectFrom('message_reactions')
      .selectAll()
      .where('account_id', '=', shop.id)
      .execute();
    expect(reactions).toMatchObject([{ message_external_id: reply.id, actor: 'customer', reaction: 'love' }]);

    for (const name of ['alice', 'bob', 'carol']) {
      const c = await conversationOf(shop.id, igsid[name] as string);
      expect(c.unread_count).toBe(0);
      expect(c.external_id).toBe(sim.state.conversationFor(shop.sim.userId, igsid[name] as string).id);
    }
    expect((await conversationOf(shop.id, igsid.bob as string)).last_message_preview).toBe('[video]');
    expect((await accountRow(shop.id)).backfilled_at).toBe(new Date(now).toISOString());
    // paced: one wait before the second page
    expect(sleeps.splice(0)).toEqual([500]);
  });

  it('stores nothing twice when the backfill runs again', async () => {
    const before = await messages(shop.id);
    const res = await service.importAccount(shop.id);
    expect(res.imported).toBe(0);
    const after = await messages(shop.id);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    const reactions = await db()
      .selectFrom('message_reactions')
      .select('id')
      .where('account_id', '=', shop.id)
      .execute();
    expect(reactions).toHaveLength(1);
    sleeps.length = 0;
  });

  it('polls without reading threads that have no news, also after a webhook delivered the newest message', async () => {
    now += MIN;
    // alice writes and the webhook works: the app stores it from the delivery
    const sent = sim.customerSends({ from: 'alice', text: 'Thanks, ordering now', to: shop.sim.userId });
    await deliverWebhook(sent.delivery.body);
    expect((await messages(shop.id)).map((m) => m.external_id)).toContain(sent.message.id);
    sim.clearCalls();

    expect(await service.pollDue()).toEqual({ polled: 1, imported: 0, gaps: 0, failed: 0 });
    expect(listCalls(shop.sim)).toHaveLength(1);
    expect(threadReads(shop.sim)).toHaveLength(0);
    expect(await pollResult(shop.id)).toEqual({
      at: new Date(now).toISOString(),
      checked: 3,
      fetched: 0,
      imported: 0,
      gap: false,
    });
    expect((await accountRow(shop.id)).last_poll_at).toBe(new Date(now).toISOString());
    // not due again until its interval (60 s) has passed
    expect((await service.pollDue()).polled).toBe(0);
    expect(await service.lastPoll(shop.id)).toMatchObject({ checked: 3, gap: false });
  });

  it('imports a message webhooks missed, reads only that thread, and records the webhook gap', async () => {
    now += MIN;
    const missed = sim.customerSends({ from: 'bob', text: 'Is the linen dress in M?', to: shop.sim.userId });
    now += 3 * MIN;
    sim.clearCalls();
    expect((await accountRow(shop.id)).webhook_gap_at).toBeNull();

    expect(await service.pollDue()).toEqual({ polled: 1, imported: 1, gaps: 1, failed: 0 });
    expect(threadReads(shop.sim).map((c) => c.path)).toEqual([`/${missed.conversationId}`]);
    const stored = (await messages(shop.id)).find((m) => m.external_id === missed.message.id);
    expect(stored).toMatchObject({
      direction: 'inbound',
      text: 'Is the linen dress in M?',
      status: 'received',
    });
    // a real new message: unread, unlike the imported history
    expect((await conversationOf(shop.id, igsid.bob as string)).unread_count).toBe(1);
    const account = await accountRow(shop.id);
    expect(account.webhook_gap_at).toBe(new Date(now).toISOString());
    expect(await pollResult(shop.id)).toMatchObject({ checked: 3, fetched: 1, imported: 1, gap: true });
    // two Graph calls, paced half a second apart
    expect(sleeps.splice(0)).toEqual([500]);

    // the next round has nothing to read
    now += MIN;
    sim.clearCalls();
    expect((await service.pollDue()).imported).toBe(0);
    expect(threadReads(shop.sim)).toHaveLength(0);
  });

  it('does not call a message that is still on its way a gap', async () => {
    const gapAt = (await accountRow(shop.id)).webhook_gap_at;
    sim.customerSends({ from: 'carol', text: 'Just now', to: shop.sim.userId });
    now += MIN;
    expect(await service.pollDue()).toEqual({ polled: 1, imported: 1, gaps: 0, failed: 0 });
    expect(await pollResult(shop.id)).toMatchObject({ imported: 1, gap: false });
    expect((await accountRow(shop.id)).webhook_gap_at).toBe(gapAt);
    expect((await conversationOf(shop.id, igsid.carol as string)).unread_count).toBe(1);
  });

  it('records a rate limit as the poll error and still polls the next account', async () => {
    const limited = await connect('limited.shop');
    const healthy = await connect('healthy.shop');
    // before their history import, new accounts are not polled
    now += MIN;
    expect((await service.pollDue()).polled).toBe(1);
    await service.importAccount(limited.id);
    await service.importAccount(healthy.id);
    now += 1000;
    sim.customerSends({ from: 'dana', text: 'Hi healthy', to: healthy.sim.userId });
    now += 3 * MIN;
    sim.faults.rateLimit({ scope: 'account', path: `/${limited.sim.userId}/conversations`, times: 'always' });
    try {
      const summary = await service.pollDue();
      expect(summary).toMatchObject({ polled: 3, failed: 1 });
    } finally {
      sim.faults.clear();
    }
    const failed = await pollResult(limited.id);
    expect(failed).toMatchObject({ checked: 0, imported: 0, gap: false, errorKind: 'rate_limited' });
    expect(failed.error).toMatch(/rate limit/i);
    expect((await accountRow(limited.id)).status).toBe('active');
    expect(await pollResult(healthy.id)).toMatchObject({ fetched: 1, imported: 1, gap: true });
    expect((await messages(healthy.id)).map((m) => m.text)).toEqual(['Hi healthy']);
    expect(await service.pollingActive()).toBe(true);
    // Meta reported the account's usage at 100 %: the GraphClient would slow its next calls down
    // (in real time) for a while, so this account sits out the rest of the tests.
    await db()
      .updateTable('accounts')
      .set({ poll_interval_seconds: 0 })
      .where('id', '=', limited.id)
      .execute();
  });

  it('marks the account token_expired when Instagram rejects its token, and stops polling it', async () => {
    const revoked = await connect('revoked.shop');
    await service.importAccount(revoked.id);
    sim.faults.revokeToken(revoked.token, 'logged_out');
    now += 10 * MIN;
    await service.pollDue();
    const row = await accountRow(revoked.id);
    expect(row.status).toBe('token_expired');
    expect(row.last_error).toMatch(/token/i);
    expect(await pollResult(revoked.id)).toMatchObject({ errorKind: 'token_invalid' });
    now += 10 * MIN;
    sim.clearCalls();
    await service.pollDue();
    expect(listCalls(revoked.sim)).toHaveLength(0);
    // and a backfill of it is skipped rather than retried
    expect((await service.importAccount(revoked.id)).skipped).toMatch(/reconnect/);
  });

  it('stops a history import at a rejected token without failing the job', async () => {
    const gone = await connect('gone.shop');
    sim.faults.revokeToken(gone.token, 'deauthorized');
    const res = await service.importAccount(gone.id);
    expect(res.skipped).toMatch(/token/i);
    const row = await accountRow(gone.id);
    expect(row.status).toBe('token_expired');
    expect(row.backfilled_at).toBeNull();
  });

  // Graph stamps messages in whole seconds, so which side of the import's start a message lies
  // on is known only to the second; a customer who wrote after it began is answered all the same.
  it('treats what a customer wrote after the import began as news, to the second', async () => {
    const late = await connect('same.second');
    const writeAt = async (ms: number, text: string) => {
      const before = now;
      now = ms;
      const sent = sim.customerSends({ from: `writer.${ms}`, text, to: late.sim.userId });
      now = before;
      return sent.message.id;
    };
    // news is answered by the keyword rule; history is not (the engine records what it did)
    const rule = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/dm-keywords',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { keyword: 'written', matchType: 'word', responseMessage: 'Thanks for writing' },
    });
    expect(rule.statusCode).toBe(201);
    const stored = async (mid: string) => {
      const m = (await messages(late.id)).find((r) => r.external_id === mid);
      const c = await db()
        .selectFrom('conversations')
        .select('unread_count')
        .where('id', '=', m?.conversation_id ?? '')
        .executeTakeFirst();
      const answers = await db()
        .selectFrom('automation_actions')
        .select(['kind', 'text'])
        .where('trigger_id', '=', m?.id ?? '')
        .execute();
      return { unread: c?.unread_count, answers };
    };
    const answered = { unread: 1, answers: [{ kind: 'dm_keyword', text: 'Thanks for writing' }] };
    now = Math.ceil(now / 1000) * 1000 + 300;
    const before = await writeAt(now - 2_000, 'written before the import');
    // Graph says "the second the import began": most likely there before it
    const justBefore = await writeAt(now - 200, 'written just before the import');
    const during = await writeAt(now + 1_200, 'written while the import ran');
    await service.importAccount(late.id);
    expect((await accountRow(late.id)).backfilled_at).toBe(new Date(now).toISOString());
    expect(await stored(before)).toEqual({ unread: 0, answers: [] });
    expect(await stored(justBefore)).toEqual({ unread: 0, answers: [] });
    expect(await stored(during)).toEqual(answered);

    // In the second the import began, after it had read the thread: webhooks missed it, and the
    // poll finds it as news, although its time says the same second as the import's.
    const after = await writeAt(now + 500, 'written just after the import read it');
    now += MIN;
    await service.pollDue();
    expect(await stored(after)).toEqual(answered);
  });

  it('reports polling inactive once every account has it off', async () => {
    const accounts = await db().selectFrom('accounts').select('id').execute();
    await db().updateTable('accounts').set({ poll_interval_seconds: 0 }).execute();
    expect(await service.pollingActive()).toBe(false);
    now += 10 * MIN;
    expect((await service.pollDue()).polled).toBe(0);
    expect(accounts.length).toBeGreaterThan(0);
  });
});
