import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookFields } from '../src/accounts/instagram-connect.service.js';
import type { DiagnosticReport } from '../src/diagnostics/diagnostic.service.js';
import { DiagnosticService } from '../src/diagnostics/diagnostic.service.js';
import type { CheckResult } from '../src/diagnostics/diagnostic-check.js';
import { diagnosticDeps } from '../src/diagnostics/diagnostic-deps.js';
import { createLogger } from '../src/logger.js';
import { ChatraceClient } from '../src/providers/chatrace/chatrace-client.js';
import { createSimulator, type Simulator } from '../src/providers/simulator/index.js';
import { graphCaller, simEnv, testClock } from '../src/providers/simulator/testing.js';
import { textMessageDelivery } from './e2e/browser.js';
import { createTestApp, eventually, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';
import { freePort } from './support/services.js';

// Each check's verdicts on real states, good and broken, against the simulator over real HTTP:
// the app listens on loopback (PUBLIC_URL points at it), the simulator plays Meta, and every
// broken state is made the way it happens in life (a revoked token, unsubscribed fields, a
// delivery signed with the wrong secret, Meta refusing a send for a permission).

describe.each(dialects)('diagnostics on %s', (dialect) => {
  const clock = testClock(Date.now());
  let sim: Simulator;
  let t: TestApp;
  let base: string;
  let shop: { id: string; userId: string; token: string };

  const report = async (token = t.token): Promise<DiagnosticReport> => {
    const res = await t.app.http.inject({
      method: 'GET',
      url: '/api/v1/diagnostics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const find = (r: DiagnosticReport, id: string, accountId: string | null = null): CheckResult => {
    const c = r.checks.find((x) => x.id === id && (x.account?.id ?? null) === accountId);
    if (!c) throw new Error(`no ${id} for ${accountId}`);
    return c;
  };
  const shopCheck = async (id: string) => find(await report(), id, shop.id);
  const db = () => t.tdb.db;

  beforeAll(async () => {
    sim = createSimulator({ clock });
    await sim.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp(dialect, { ...simEnv(sim), PUBLIC_URL: base }, { clock });
    await t.app.http.listen({ port, host: '127.0.0.1' });
    // A customer wrote before the account was connected: the history import brings the thread in.
    const { account, accessToken } = sim.createAccount({ username: 'linen.kyiv' });
    sim.customerSends({ from: 'olena', text: 'Добрий день! Є льняна сукня?', to: account.userId });
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { provider: 'instagram', accessToken },
    });
    expect(res.statusCode).toBe(201);
    shop = { id: res.json().id, userId: account.userId, token: accessToken };
    await eventually(async () => (await t.app.services.accounts.findById(shop.id))?.backfilled_at);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  it('passes the configuration and the webhook address it can reach, and fails a plain-http PUBLIC_URL', async () => {
    const r = await report();
    expect(find(r, 'config.valid').verdict).toBe('pass');
    expect(find(r, 'config.app_secret').code).toBe('set');
    expect(find(r, 'config.verify_token').code).toBe('set');
    expect(find(r, 'webhook.public_url')).toMatchObject({ verdict: 'fail', code: 'not_https' });
    expect(find(r, 'webhook.reachable')).toMatchObject({ verdict: 'pass', code: 'reachable' });
    expect(find(r, 'webhook.verification')).toMatchObject({ verdict: 'pass', code: 'answered' });
    expect(find(r, 'webhook.signatures').code).toBe('none_yet');
    expect(r.verdict).toBe('fail');
    // The verify token travelled to PUBLIC_URL, but it is nowhere in the report.
    expect(JSON.stringify(r)).not.toContain(t.verifyToken);
    expect(JSON.stringify(r)).not.toContain(shop.token);
  });

  it('fails the verification when the server at PUBLIC_URL has another verify token', async () => {
    const mismatched = new DiagnosticService({
      ...deps(),
      config: { ...t.app.config, INSTAGRAM_WEBHOOK_VERIFY_TOKEN: 'not-the-servers-token' },
    });
    const r = await mismatched.run({ workspaceId: null, isAdmin: true });
    const c = find(r, 'webhook.verification');
    expect(c).toMatchObject({ verdict: 'fail', code: 'refused', params: { status: 403 } });
    expect(c.fix).toMatch(/INSTAGRAM_WEBHOOK_VERIFY_TOKEN/);
    expect(JSON.stringify(r)).not.toContain('not-the-servers-token');
  });

  it('fails reachability when nothing listens at PUBLIC_URL, saying what happened', async () => {
    const gone = `http://127.0.0.1:${await freePort()}`;
    const r = await new DiagnosticService({ ...deps(), config: { ...t.app.config, PUBLIC_URL: gone } }).run({
      workspaceId: null,
      isAdmin: true,
    });
    expect(find(r, 'webhook.reachable')).toMatchObject({ verdict: 'fail', code: 'unreachable' });
    expect(find(r, 'webhook.reachable').detail).toMatch(/refused/);
    expect(find(r, 'webhook.verification').code).toBe('unreachable');
  });

  it('checks the account: token valid, fields subscribed, no webhook yet, expiry unknown for a pasted token', async () => {
    const r = await report();
    expect(find(r, 'instagram.token', shop.id)).toMatchObject({
      verdict: 'pass',
      params: { username: 'linen.kyiv' },
      account: { id: shop.id, provider: 'instagram', username: 'linen.kyiv', externalId: shop.userId },
    });
    expect(find(r, 'instagram.webhook_fields', shop.id).code).toBe('subscribed');
    expect(find(r, 'instagram.token_expiry', shop.id).code).toBe('unknown');
    expect(find(r, 'instagram.permissions', shop.id).code).toBe('not_recorded');
    expect(find(r, 'instagram.last_delivery', shop.id)).toMatchObject({ verdict: 'warn', code: 'never' });
    expect(find(r, 'instagram.polling', shop.id).code).toBe('not_yet');
  });

  it('sees the last delivery for the account once a signed webhook for it arrives', async () => {
    const res = await t.postMeta(textMessageDelivery('Скільки коштує?', 'mid.diag.1', shop.userId));
    expect(res.statusCode).toBe(200);
    await eventually(async () => (await shopCheck('instagram.last_delivery')).code === 'recent');
    const c = await shopCheck('instagram.last_delivery');
    expect(c).toMatchObject({ verdict: 'pass', params: { count: 1 }, link: '/deliveries' });
    expect(find(await report(), 'webhook.signatures').code).toBe('valid');
  });

  it('fails the signatures check when the newest delivery was signed with another secret, warns once valid ones follow', async () => {
    const raw = JSON.stringify(textMessageDelivery('forged', 'mid.diag.forged', shop.userId));
    const forged = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/instagram/webhook',
      payload: raw,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    });
    expect(forged.statusCode).toBe(401);
    const failing = find(await report(), 'webhook.signatures');
    expect(failing).toMatchObject({ verdict: 'fail', code: 'rejected', params: { count: 1 } });
    expect(failing.detail).toMatch(/does not match/);
    expect(failing.link).toBe('/deliveries?source=meta&signatureValid=false');
    clock.advance(1000);
    await t.postMeta(textMessageDelivery('valid again', 'mid.diag.2', shop.userId));
    expect(find(await report(), 'webhook.signatures')).toMatchObject({
      verdict: 'warn',
      code: 'some_rejected',
    });
  });

  it('reports unsubscribed webhook fields from GET /me/subscribed_apps', async () => {
    const graph = graphCaller(sim, shop.token, sim.settings.apiVersion);
    const set = (fields: string) => graph.post('/me/subscribed_apps', { subscribed_fields: fields }, 'form');
    await set('messages,messaging_seen');
    const missing = await shopCheck('instagram.webhook_fields');
    expect(missing).toMatchObject({ verdict: 'fail', code: 'missing', link: '/accounts' });
    expect(String(missing.params.missing)).toContain('comments');
    await set(webhookFields.filter((f) => f !== 'message_edit').join(','));
    expect(await shopCheck('instagram.webhook_fields')).toMatchObject({
      verdict: 'warn',
      code: 'partly',
      params: { missing: 'message_edit' },
    });
    await graph.del('/me/subscribed_apps');
    expect((await shopCheck('instagram.webhook_fields')).code).toBe('none');
    await set(webhookFields.join(','));
    expect((await shopCheck('instagram.webhook_fields')).code).toBe('subscribed');
  });

  it('fails permissions when Meta refused a send for a missing permission (code 10)', async () => {
    const list = await t.app.http.inject({
      method: 'GET',
      url: `/api/v1/conversations?accountId=${shop.id}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    const conversation = list.json().items[0];
    sim.faults.failNext(1, {
      code: 10,
      message: '(#10) Application does not have permission for this action',
      path: /\/messages$/,
      method: 'POST',
    });
    const sent = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversation.id}/messages`,
      headers: { authorization: `Bearer ${t.token}` },
      payload: { text: 'Так, є! Розмір?' },
    });
    expect(sent.statusCode).toBe(202);
    await eventually(async () => {
      const m = await db()
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', sent.json().id)
        .executeTakeFirst();
      return m?.status === 'failed';
    });
    const c = await shopCheck('instagram.permissions');
    expect(c).toMatchObject({ verdict: 'fail', code: 'refused', params: { count: 1 } });
    expect(c.detail).toMatch(/permission/i);
  });

  it('compares the scopes recorded at Instagram Login with the features in use', async () => {
    const other = sim.createAccount({ username: 'scoped.shop' });
    const admin = await t.app.services.users.findAdmin();
    const row = await t.app.services.instagram.connect(admin!.workspace_id, {
      accessToken: other.accessToken,
      expiresAt: new Date(clock() + 50 * 86_400_000).toISOString(),
      issuedAt: new Date(clock()).toISOString(),
      grantedScopes: ['instagram_business_basic', 'instagram_business_manage_messages'],
    });
    const r = await report();
    expect(find(r, 'instagram.permissions', row.id)).toMatchObject({ verdict: 'fail', code: 'not_granted' });
    expect(find(r, 'instagram.permissions', row.id).params.missing).toContain(
      'instagram_business_manage_comments',
    );
    expect(find(r, 'instagram.token_expiry', row.id)).toMatchObject({ code: 'valid', params: { days: 50 } });
    await t.app.services.accountService.disconnect(admin!.workspace_id, row.id);
    // a disconnected account is not checked at all
    expect((await report()).checks.some((c) => c.account?.id === row.id)).toBe(false);
  });

  it('follows the token expiry: expiring, then expired', async () => {
    const set = (patch: Record<string, string | null>) =>
      db().updateTable('accounts').set(patch).where('id', '=', shop.id).execute();
    await set({ token_expires_at: new Date(clock() + 3 * 86_400_000 + 60_000).toISOString() });
    expect(await shopCheck('instagram.token_expiry')).toMatchObject({
      verdict: 'warn',
      code: 'expiring',
      params: { days: 3 },
    });
    await set({ token_expires_at: new Date(clock() - 60_000).toISOString() });
    expect(await shopCheck('instagram.token_expiry')).toMatchObject({ verdict: 'fail', code: 'expired' });
    await set({ token_expires_at: null });
  });

  it('fails the token check when Instagram refuses the token, and marks what it could not check', async () => {
    sim.faults.revokeToken(shop.token, 'password_changed');
    const r = await report();
    const c = find(r, 'instagram.token', shop.id);
    expect(c).toMatchObject({ verdict: 'fail', code: 'refused' });
    expect(c.detail).toMatch(/password/i);
    expect(c.fix).toMatch(/Reconnect/);
    expect(find(r, 'instagram.webhook_fields', shop.id)).toMatchObject({
      verdict: 'skip',
      code: 'not_checked',
    });
  });

  it('fails polling when it found messages webhooks never delivered', async () => {
    const fresh = sim.createAccount({ username: 'gap.shop' });
    const admin = await t.app.services.users.findAdmin();
    const row = await t.app.services.instagram.connect(admin!.workspace_id, {
      accessToken: fresh.accessToken,
      expiresAt: null,
      issuedAt: new Date(clock()).toISOString(),
    });
    await eventually(async () => (await t.app.services.accounts.findById(row.id))?.backfilled_at);
    // Instagram has the message; no webhook brings it (the simulator delivers nowhere).
    clock.advance(1000);
    sim.customerSends({ from: 'taras', text: 'Чи є доставка до Львова?', to: fresh.account.userId });
    clock.advance(5 * 60_000);
    await t.app.services.history.pollDue();
    const r = await report();
    expect(find(r, 'instagram.polling', row.id)).toMatchObject({
      verdict: 'fail',
      code: 'gap',
      link: '/deliveries',
    });
    // The same poll was refused the revoked token of the first shop: it is paused now.
    const revoked = find(r, 'instagram.token_expiry', shop.id);
    expect(revoked).toMatchObject({ verdict: 'fail', code: 'revoked' });
    expect(revoked.detail).toMatch(/password/i);
  });

  function deps() {
    return diagnosticDeps({
      config: t.app.config,
      demo: false,
      database: t.app.database,
      queue: t.app.queue,
      graph: t.app.services.graph,
      chatrace: new ChatraceClient({
        apiUrl: t.app.config.CHATRACE_API_URL,
        timeoutMs: 2_000,
        logger: createLogger('silent'),
      }),
      secrets: t.app.services.secrets,
      clock,
    });
  }
});
