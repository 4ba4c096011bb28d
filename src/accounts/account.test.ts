import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import type { Simulator } from '../providers/simulator/index.js';
import { simEnv as simulatorEnv, startTestSimulator } from '../providers/simulator/testing.js';

const simEnv = (sim: Simulator) => ({ ...simulatorEnv(sim), PUBLIC_URL: 'https://relaydesk.example.com' });

describe.each(dialects)('connecting Instagram accounts on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let now = Date.now();
  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => now }));
    t = await createTestApp(dialect, simEnv(sim), { clock: () => now });
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });
  afterEach(() => sim.faults.clear());

  const auth = () => ({ authorization: `Bearer ${t.token}` });
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.http.inject({ method, url, headers: auth(), ...(payload ? { payload: payload as object } : {}) });
  const accountRows = () => t.tdb.db.selectFrom('accounts').selectAll().execute();

  /** browser side of Instagram Login: follow the authorize URL to the redirect Meta would make */
  async function authorize() {
    const { loginUrl } = (await api('GET', '/api/v1/accounts/oauth-url')).json();
    expect(loginUrl).toContain('instagram_business_manage_messages');
    const res = await fetch(loginUrl, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.pathname).toBe('/api/v1/oauth/instagram/callback');
    return `${location.pathname}${location.search}`;
  }

  it('connects through the whole Instagram Login round trip and subscribes webhooks', async () => {
    const { account } = sim.createAccount({ username: 'linen.shop' });
    sim.state.loginAccountId = account.userId;
    const callback = await authorize();
    const res = await t.app.http.inject({ url: callback });
    expect(res.statusCode).toBe(302);
    const back = new URL(res.headers.location as string);
    expect(back.origin + back.pathname).toBe('https://relaydesk.example.com/accounts');
    const id = back.searchParams.get('connected');
    const list = (await api('GET', '/api/v1/accounts')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id,
      provider: 'instagram',
      igUserId: account.userId,
      username: 'linen.shop',
      status: 'active',
      webhookSubscribed: true,
    });
    expect(Date.parse(list.items[0].tokenExpiresAt) - now).toBeGreaterThan(59 * 86_400_000);
    expect(sim.state.accounts.get(account.userId)?.subscribedFields).toContain('messages');

    // A reused state is refused and stores nothing new.
    const again = await t.app.http.inject({ url: callback });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_oauth_state');

    // Logging in again with the same account updates it instead of duplicating it.
    const second = await t.app.http.inject({ url: await authorize() });
    expect(new URL(second.headers.location as string).searchParams.get('connected')).toBe(id);
    expect(await accountRows()).toHaveLength(1);
  });

  it('refuses forged and expired states', async () => {
    const forged = await t.app.http.inject({ url: '/api/v1/oauth/instagram/callback?code=abc&state=x.y' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error).toBe('invalid_oauth_state');
    // A person in a browser lands on the Accounts page with the reason instead.
    const browser = await t.app.http.inject({
      url: '/api/v1/oauth/instagram/callback?code=abc&state=x.y',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(browser.statusCode).toBe(302);
    expect(new URL(browser.headers.location as string).searchParams.get('error')).toBe('invalid_oauth_state');
    const callback = await authorize();
    now += 11 * 60_000;
    const expired = await t.app.http.inject({ url: callback });
    now = Date.now();
    expect(expired.json().error).toBe('invalid_oauth_state');
  });

  it('explains a cancelled login', async () => {
    sim.faults.denyOAuth(1);
    const res = await t.app.http.inject({ url: await authorize() });
    const back = new URL(res.headers.location as string);
    expect(back.searchParams.get('error')).toBe('oauth_cancelled');
    expect(back.searchParams.get('message')).toBeTruthy();
  });

  it('connects by token, and refuses revoked tokens and a Meta outage without storing anything', async () => {
    const before = (await accountRows()).length;
    const revoked = sim.createAccount({ username: 'revoked.shop' });
    sim.faults.revokeToken(revoked.accessToken, 'logged_out');
    const bad = await api('POST', '/api/v1/accounts', {
      provider: 'instagram',
      accessToken: revoked.accessToken,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toBe('token_invalid');
    expect(bad.json().message).toMatch(/Instagram refused/);

    const down = sim.createAccount({ username: 'down.shop' });
    sim.faults.serverError(10, 503);
    const outage = await api('POST', '/api/v1/accounts', {
      provider: 'instagram',
      accessToken: down.accessToken,
    });
    expect(outage.statusCode).toBe(502);
    expect(outage.json().error).toBe('provider_unavailable');
    expect(await accountRows()).toHaveLength(before);
    sim.faults.clear();

    const ok = await api('POST', '/api/v1/accounts', {
      provider: 'instagram',
      accessToken: down.accessToken,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'down.shop', status: 'active', tokenExpiresAt: null });
  });

  it('refuses a token that cannot travel in a header as invalid input, not as an outage', async () => {
    const before = (await accountRows()).length;
    for (const payload of [
      { provider: 'instagram', accessToken: 'IGAAціна-не-токен' },
      { provider: 'instagram', accessToken: 'IGAA token with spaces' },
      { provider: 'chatrace', apiToken: '1234.🎁🎁🎁' },
    ]) {
      const res = await api('POST', '/api/v1/accounts', payload);
      expect({ payload, status: res.statusCode, error: res.json().error }).toEqual({
        payload,
        status: 400,
        error: 'validation_failed',
      });
    }
    expect(await accountRows()).toHaveLength(before);
  });

  it('stores tokens encrypted: the database file never contains one', async () => {
    const { accessToken } = sim.createAccount({ username: 'secret.shop' });
    expect((await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).statusCode).toBe(
      201,
    );
    const rows = await accountRows();
    expect(rows.every((r) => !r.access_token_enc?.includes(accessToken))).toBe(true);
    if (t.tdb.location.kind === 'sqlite') {
      await t.tdb.db.selectFrom('accounts').select('id').execute();
      const file = readFileSync(t.tdb.location.file);
      const wal = (() => {
        try {
          return readFileSync(`${t.tdb.location.file}-wal`);
        } catch {
          return Buffer.alloc(0);
        }
      })();
      expect(file.includes(accessToken)).toBe(false);
      expect(wal.includes(accessToken)).toBe(false);
    }
  });

  it('refuses an account that belongs to another workspace', async () => {
    const { accessToken } = sim.createAccount({ username: 'shared.shop' });
    expect((await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).statusCode).toBe(
      201,
    );
    await t.app.services.auth.createUser({
      email: `other-${dialect}@example.com`,
      password: 'other password',
    });
    const login = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `other-${dialect}@example.com`, password: 'other password' },
    });
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${login.json().accessToken}` },
      payload: { provider: 'instagram', accessToken },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('account_in_other_workspace');
  });

  it('routes deliveries that arrived before the account was connected', async () => {
    const { account, accessToken } = sim.createAccount({ username: 'early.shop' });
    const payload = {
      object: 'instagram',
      entry: [
        {
          id: account.userId,
          time: now,
          messaging: [
            {
              sender: { id: '77' },
              recipient: { id: account.userId },
              timestamp: now,
              message: { mid: 'mid.before', text: 'hi' },
            },
          ],
        },
      ],
    };
    await t.postMeta(payload);
    await eventually(async () => {
      const e = await t.tdb.db
        .selectFrom('inbound_events')
        .selectAll()
        .where('external_id', '=', 'mid.before')
        .executeTakeFirst();
      return e?.status === 'unrouted';
    });
    await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken });
    const e = await eventually(async () => {
      const row = await t.tdb.db
        .selectFrom('inbound_events')
        .selectAll()
        .where('external_id', '=', 'mid.before')
        .executeTakeFirst();
      return row?.status === 'processed' ? row : null;
    });
    expect(e.account_id).toBeTruthy();
  });

  it('disconnects: unsubscribes at Meta, keeps the history, publishes the status change', async () => {
    const { account, accessToken } = sim.createAccount({ username: 'leaving.shop' });
    const { id } = (await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).json();
    const me = (await api('GET', '/api/v1/me')).json();
    const seen: unknown[] = [];
    const off = t.app.services.bus.subscribe(me.workspace.id, (e) => seen.push(e));
    const res = await api('POST', `/api/v1/accounts/${id}/disconnect`);
    off();
    expect(res.json()).toMatchObject({ id, status: 'disconnected', webhookSubscribed: false });
    expect(sim.state.accounts.get(account.userId)?.subscribedFields).toEqual([]);
    expect(seen).toContainEqual(
      expect.objectContaining({
        type: 'account.status_changed',
        data: expect.objectContaining({ id, status: 'disconnected' }),
      }),
    );
    expect((await accountRows()).some((r) => r.id === id)).toBe(true);
  });
});

describe('INSTAGRAM_ACCESS_TOKEN', () => {
  it("connects the token's account to the first owner at start-up", async () => {
    const { sim, close } = await startTestSimulator({ clock: () => Date.now() });
    const { accessToken } = sim.createAccount({ username: 'from.env' });
    const t = await createTestApp('sqlite', { ...simEnv(sim), INSTAGRAM_ACCESS_TOKEN: accessToken });
    try {
      const list = (
        await t.app.http.inject({ url: '/api/v1/accounts', headers: { authorization: `Bearer ${t.token}` } })
      ).json();
      expect(list.items).toEqual([expect.objectContaining({ username: 'from.env', status: 'active' })]);
    } finally {
      await t.close();
      await close();
    }
  });

  it('refuses, in a test, any request that would leave this machine', async () => {
    await expect(fetch('https://graph.instagram.com/me')).rejects.toThrow(/unexpected outbound request/);
  });
});
