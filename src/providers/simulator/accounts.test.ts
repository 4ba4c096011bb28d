import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphCaller, shapeOf, startTestSimulator } from './testing.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));
/** observed error bodies that predate fbtrace_id, which Meta now adds to every error */
const traced = (body: { error: object }) => ({ error: { ...body.error, fbtrace_id: 'x' } });

describe('simulated account, tokens and profiles', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let token: string;
  let userId: string;
  beforeEach(async () => {
    t = await startTestSimulator();
    const created = t.sim.createAccount({
      username: 'acme.studio',
      name: 'Acme Studio',
      followersCount: 1284,
    });
    token = created.accessToken;
    userId = created.account.userId;
  });
  afterEach(() => t.close());

  it('answers /me like Meta: user_id is the professional id, id the app-scoped one', async () => {
    const fields =
      'user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count';
    const { status, body } = await graphCaller(t.sim, token).get('/me', { fields });
    expect(status).toBe(200);
    expect(body.user_id).toBe(userId);
    expect(body.id).not.toBe(body.user_id);
    expect(body.user_id).toMatch(/^17841\d{12}$/);
    expect(body).toMatchObject({
      username: 'acme.studio',
      name: 'Acme Studio',
      account_type: 'BUSINESS',
      followers_count: 1284,
      media_count: 0,
    });
    // the fixture has every field of ours except name and follows_count
    const { name: _n, follows_count: _f, ...comparable } = body;
    expect(shapeOf(comparable)).toEqual(shapeOf(fixture('me_extended_fields.INFERRED.json')));
  });

  it('serves the same node with and without a version prefix, and by either id', async () => {
    const versioned = await graphCaller(t.sim, token).get('/me', { fields: 'username' });
    const bare = await graphCaller(t.sim, token, '').get(`/${userId}`, { fields: 'username' });
    const byAppId = await graphCaller(t.sim, token).get(`/${String(versioned.body.id)}`, {
      fields: 'username',
    });
    expect(bare.body).toEqual(versioned.body);
    expect(byAppId.body).toEqual(versioned.body);
    expect(versioned.headers.get('facebook-api-version')).toBe('v23.0');
  });

  it('takes the token from the query string, a form body or the Authorization header', async () => {
    const query = await fetch(`${t.sim.url}/v23.0/me?fields=username&access_token=${token}`);
    expect(query.status).toBe(200);
    const form = await fetch(`${t.sim.url}/v23.0/me/subscribed_apps`, {
      method: 'POST',
      body: new URLSearchParams({ subscribed_fields: 'messages', access_token: token }),
    });
    expect(await form.json()).toEqual(fixture('subscribed_apps_success.doc.json'));
    expect((await graphCaller(t.sim, token).get('/me')).status).toBe(200);
  });

  it('rejects missing, unknown, expired and revoked tokens with the 190 bodies Meta sends', async () => {
    const missing = await graphCaller(t.sim, null).get('/me');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: {
        ...fixture('errors/oauth_190_cannot_parse_access_token.observed.json').error,
        fbtrace_id: expect.any(String),
      },
    });
    expect(missing.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await graphCaller(t.sim, 'IGAAnotatoken').get('/me')).body).toMatchObject({
      error: { code: 190 },
    });

    const revoked = t.sim.createAccount().accessToken;
    expect(t.sim.faults.revokeToken(revoked)).toBe(1);
    const logout = await graphCaller(t.sim, revoked).get('/me');
    expect(shapeOf(logout.body)).toEqual(
      shapeOf(traced(fixture('errors/oauth_190_467_user_logged_out.observed.json'))),
    );
    expect(logout.body).toEqual({
      error: {
        ...fixture('errors/oauth_190_467_user_logged_out.observed.json').error,
        fbtrace_id: expect.any(String),
      },
    });

    expect(t.sim.faults.expireToken(userId)).toBe(1);
    expect((await graphCaller(t.sim, token).get('/me')).body).toMatchObject({
      error: { code: 190, error_subcode: 463 },
    });
  });

  it('refuses calls the token has no permission for (code 10)', async () => {
    const basicOnly = t.sim.createAccount({ permissions: ['instagram_business_basic'] }).accessToken;
    const res = await graphCaller(t.sim, basicOnly).get('/me/conversations');
    expect(res.status).toBe(400);
    expect(shapeOf(res.body)).toEqual(
      shapeOf(fixture('errors/permission_10_ig_login_IGApiException.observed.json')),
    );
    expect(res.body).toMatchObject({ error: { code: 10, type: 'IGApiException' } });
  });

  it('answers unknown ids, fields and edges the way Graph does', async () => {
    const graph = graphCaller(t.sim, token);
    const other = t.sim.createAccount().account.userId;
    for (const id of ['17918195224117851', other]) {
      const res = await graph.get(`/${id}`);
      expect(shapeOf(res.body)).toEqual(
        shapeOf(fixture('errors/param_100_33_unsupported_get_IGApiException.observed.json')),
      );
      expect(res.body).toMatchObject({
        error: { code: 100, error_subcode: 33, message: expect.stringContaining(`'${id}'`) },
      });
    }
    const field = await graph.get('/me', { fields: 'username,name,shoe_size' });
    expect(field.body).toMatchObject({
      error: {
        code: 100,
        message: '(#100) Tried accessing nonexisting field (shoe_size) on node type (User)',
      },
    });
    const edge = await graph.get('/me/friends');
    expect(edge.body).toMatchObject({
      error: { code: 2500, message: 'Unknown path components: /friends', type: 'IGApiException' },
    });
    expect((await graph.del('/me')).body).toMatchObject({
      error: { code: 100, message: 'Unsupported request - method type: delete' },
    });
  });

  it('manages webhook subscriptions through subscribed_apps', async () => {
    const graph = graphCaller(t.sim, token);
    expect((await graph.get('/me/subscribed_apps')).body).toEqual({ data: [] });
    const bad = await graph.post('/me/subscribed_apps', { subscribed_fields: 'messages,likes' }, 'form');
    expect(bad.body).toMatchObject({
      error: { code: 100, message: expect.stringContaining('subscribed_fields[1]') },
    });
    expect(
      (await graph.post(`/${userId}/subscribed_apps`, { subscribed_fields: 'messages,comments' }, 'form'))
        .body,
    ).toEqual({ success: true });
    expect((await graph.get('/me/subscribed_apps')).body).toEqual({
      data: [{ subscribed_fields: ['messages', 'comments'] }],
    });
    expect((await graph.del('/me/subscribed_apps')).body).toEqual({ success: true });
    expect(t.sim.state.accounts.get(userId)?.subscribedFields).toEqual([]);
  });

  it('shows a customer profile only after the customer wrote, and never without consent (230)', async () => {
    const graph = graphCaller(t.sim, token);
    const fields = 'name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user';
    const alice = t.sim.state.addCustomer({ username: 'alice', name: 'Alice', followerCount: 77 });
    const before = await graph.get(`/${alice.igsid}`, { fields });
    expect(before.body).toMatchObject({ error: { code: 230 } });
    t.sim.customerSends({ from: 'alice', text: 'Привіт' });
    const after = await graph.get(`/${alice.igsid}`, { fields });
    expect(after.body).toMatchObject({
      id: alice.igsid,
      name: 'Alice',
      username: 'alice',
      follower_count: 77,
      is_user_follow_business: true,
      is_business_follow_user: false,
    });
    expect(String(after.body.profile_pic)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

    t.sim.state.addCustomer({ username: 'private.person', profileConsent: false });
    const hidden = t.sim.customerSends({ from: 'private.person', text: 'hi' }).customer;
    expect((await graph.get(`/${hidden.igsid}`, { fields })).body).toMatchObject({ error: { code: 230 } });
  });

  it('reports usage in X-App-Usage and X-Business-Use-Case-Usage, counting calls', async () => {
    await t.close();
    t = await startTestSimulator({ usage: { appCallsPerHour: 10, accountCallsPerHour: 4 } });
    const { account, accessToken } = t.sim.createAccount();
    const graph = graphCaller(t.sim, accessToken);
    await graph.get('/me');
    const res = await graph.get('/me');
    expect(JSON.parse(res.headers.get('x-app-usage') ?? '')).toEqual({
      call_count: 20,
      total_cputime: 10,
      total_time: 10,
    });
    expect(JSON.parse(res.headers.get('x-business-use-case-usage') ?? '')).toEqual({
      [account.userId]: [
        {
          type: 'instagram',
          call_count: 50,
          total_cputime: 25,
          total_time: 25,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
    t.clock.advance(3600_001);
    const later = await graph.get('/me');
    expect(JSON.parse(later.headers.get('x-app-usage') ?? '').call_count).toBe(10);
  });
});
