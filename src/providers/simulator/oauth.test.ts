import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphCaller, shapeOf, startTestSimulator } from './testing.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));

const HOUR = 3600_000;
const REDIRECT = 'https://relaydesk.example/api/v1/oauth/instagram/callback';

describe('simulated Instagram Login', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  beforeEach(async () => {
    t = await startTestSimulator({ appId: '990001', appSecret: 'test-app-secret' });
    t.sim.createAccount({ username: 'acme.studio' });
  });
  afterEach(() => t.close());

  async function authorize(query: Record<string, string> = {}) {
    const url = new URL(`${t.sim.url}/oauth/authorize`);
    const params = {
      client_id: '990001',
      redirect_uri: REDIRECT,
      response_type: 'code',
      state: 'st-42',
      ...query,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location') ?? '' };
  }

  async function exchange(code: string, overrides: Record<string, string> = {}) {
    const form = {
      client_id: '990001',
      client_secret: 'test-app-secret',
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
      code,
      ...overrides,
    };
    const res = await fetch(`${t.sim.url}/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams(form),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const tokenCall = async (path: string, query: Record<string, string>) => {
    const res = await fetch(`${t.sim.url}${path}?${new URLSearchParams(query)}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function shortToken() {
    const { location } = await authorize();
    const code = new URL(location).searchParams.get('code') ?? '';
    const { body } = await exchange(code);
    return (body.data as { access_token: string }[])[0]?.access_token ?? '';
  }

  it('redirects back with a code, the state and the "#_" Meta appends', async () => {
    const { status, location } = await authorize();
    expect(status).toBe(302);
    expect(location.startsWith(`${REDIRECT}?`)).toBe(true);
    expect(location.endsWith('#_')).toBe(true);
    const url = new URL(location);
    expect(url.searchParams.get('state')).toBe('st-42');
    expect(url.searchParams.get('code')).toMatch(/^AQ[A-Za-z0-9]+$/);
  });

  it('refuses an unknown client_id with an error page instead of a redirect', async () => {
    const { status, location } = await authorize({ client_id: 'nope' });
    expect(status).toBe(400);
    expect(location).toBe('');
  });

  it('redirects with access_denied when the user cancels (fault)', async () => {
    t.sim.faults.denyOAuth();
    const denied = new URL((await authorize()).location);
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('error_reason')).toBe('user_denied');
    expect(denied.searchParams.get('state')).toBe('st-42');
    expect(denied.searchParams.has('code')).toBe(false);
    expect(new URL((await authorize()).location).searchParams.has('code')).toBe(true);
  });

  it('exchanges a code once for a short-lived token whose user_id is the app-scoped id', async () => {
    const code = new URL((await authorize()).location).searchParams.get('code') ?? '';
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const data = (first.body.data as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(data).sort()).toEqual(['access_token', 'permissions', 'user_id']);
    const account = [...t.sim.state.accounts.values()][0];
    expect(data.user_id).toBe(account?.appScopedId);
    expect(data.user_id).not.toBe(account?.userId);
    expect(String(data.permissions).split(',')).toContain('instagram_business_manage_messages');

    const reused = await exchange(code);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(fixture('errors/ig_login_oauth_access_token_rejected.doc.json'));
  });

  it('rejects a wrong client secret or redirect_uri in the OAuth error shape', async () => {
    const code = new URL((await authorize()).location).searchParams.get('code') ?? '';
    const badSecret = await exchange(code, { client_secret: 'wrong' });
    expect(badSecret.status).toBe(400);
    expect(shapeOf(badSecret.body)).toEqual(
      shapeOf(fixture('errors/ig_login_oauth_access_token_rejected.doc.json')),
    );
    expect(badSecret.body.error_message).toBe('Error validating client secret.');
    const badRedirect = await exchange(code, { redirect_uri: 'https://elsewhere.example/cb' });
    expect(badRedirect.body.error_message).toMatch(/redirect_uri is identical/);
  });

  it('offers the flat short-lived shape seen in the wild when configured', async () => {
    t.sim.settings.oauthTokenShape = 'flat';
    const code = new URL((await authorize()).location).searchParams.get('code') ?? '';
    const { body } = await exchange(code);
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.user_id).toBe('number');
    expect(Array.isArray(body.permissions)).toBe(true);
  });

  it('turns a short-lived token into a 60-day token, and refreshes only after 24 h and before expiry', async () => {
    const short = await shortToken();
    const badSecret = await tokenCall('/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: 'x',
      access_token: short,
    });
    expect(badSecret.status).toBe(400);

    const long = await tokenCall('/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: 'test-app-secret',
      access_token: short,
    });
    expect(long.status).toBe(200);
    expect(long.body).toMatchObject({ token_type: 'bearer', expires_in: 5_184_000 });
    const longToken = String(long.body.access_token);
    expect(longToken).not.toBe(short);

    const again = await tokenCall('/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: 'test-app-secret',
      access_token: longToken,
    });
    expect(again.status).toBe(400);

    const tooEarly = await tokenCall('/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: longToken,
    });
    expect(tooEarly.status).toBe(400);
    expect((tooEarly.body.error as { code: number }).code).toBe(100);
    const refreshShort = await tokenCall('/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: short,
    });
    expect(refreshShort.status).toBe(400);

    t.clock.advance(25 * HOUR);
    const refreshed = await tokenCall('/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: longToken,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ token_type: 'bearer', expires_in: 5_184_000 });
    const me = await graphCaller(t.sim, String(refreshed.body.access_token)).get('/me', {
      fields: 'username',
    });
    expect(me.body.username).toBe('acme.studio');

    t.clock.advance(61 * 24 * HOUR);
    const expired = await tokenCall('/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: longToken,
    });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ error: { code: 190, error_subcode: 463, type: 'OAuthException' } });
  });

  it('lets a short-lived token work for one hour only', async () => {
    const short = await shortToken();
    const graph = graphCaller(t.sim, short);
    expect((await graph.get('/me')).status).toBe(200);
    t.clock.advance(HOUR + 1);
    const late = await graph.get('/me');
    expect(late.status).toBe(400);
    // the observed body predates fbtrace_id, which Meta now adds to every error
    const observed = fixture('errors/oauth_190_463_session_expired.observed.json');
    expect(shapeOf(late.body)).toEqual(shapeOf({ error: { ...observed.error, fbtrace_id: 'x' } }));
    expect(late.body).toMatchObject({ error: { code: 190, error_subcode: 463, type: 'OAuthException' } });
    const pattern =
      /^Error validating access token: Session has expired on \w{3} \d{1,2}, \d{4} \d{1,2}:\d{2}[ap]m\. The current time is \w{3} \d{1,2}, \d{4} \d{1,2}:\d{2}[ap]m\.$/;
    expect(observed.error.message).toMatch(pattern);
    expect((late.body.error as { message: string }).message).toMatch(pattern);
  });

  it('records OAuth calls with the code and secrets redacted', async () => {
    await shortToken();
    const call = t.sim.calls({ path: '^/oauth/access_token$' })[0];
    expect(call?.params).toMatchObject({
      code: '[redacted]',
      client_secret: '[redacted]',
      client_id: '990001',
    });
    expect(JSON.stringify(t.sim.calls())).not.toContain('test-app-secret');
  });
});
