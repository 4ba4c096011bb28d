import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import type { Simulator } from '../providers/simulator/index.js';
import { startTestSimulator } from '../providers/simulator/testing.js';

const DAY = 86_400_000;

describe.each(dialects)('the daily token refresh on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  const t0 = Date.UTC(2026, 5, 1);
  let now = t0;
  let workspaceId: string;

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => now }));
    const ep = sim.endpoints();
    t = await createTestApp(
      dialect,
      {
        INSTAGRAM_APP_ID: sim.app.id,
        INSTAGRAM_APP_SECRET: sim.app.secret,
        INSTAGRAM_GRAPH_URL: ep.graphUrl,
        INSTAGRAM_OAUTH_TOKEN_URL: ep.tokenUrl,
      },
      { clock: () => now, worker: false },
    );
    workspaceId = (
      await t.app.http.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${t.token}` } })
    ).json().workspace.id;
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });

  async function account(
    username: string,
    opts: { issuedDaysAgo: number; expiresInDays: number | null; status?: 'disconnected' },
  ) {
    const { accessToken } = sim.createAccount({ username });
    const row = await t.app.services.accounts.create({
      workspace_id: workspaceId,
      provider: 'instagram',
      external_id: `${username}-id`,
      username,
      access_token_enc: t.app.services.secrets.encrypt(accessToken),
      token_issued_at: new Date(now - opts.issuedDaysAgo * DAY).toISOString(),
      token_expires_at:
        opts.expiresInDays === null ? null : new Date(now + opts.expiresInDays * DAY).toISOString(),
      status: opts.status ?? 'active',
    });
    return { id: row.id, accessToken };
  }
  const row = (id: string) =>
    t.tdb.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('refreshes what is due, leaves the rest, and records each outcome', async () => {
    // Simulator tokens are 60-day tokens issued "now"; move 50 days on so they are old enough.
    now = t0;
    const due = await account('due', { issuedDaysAgo: 0, expiresInDays: 60 });
    const idleUnknown = await account('unknown-expiry', { issuedDaysAgo: 0, expiresInDays: null });
    const revoked = await account('revoked', { issuedDaysAgo: 0, expiresInDays: 60 });
    const gone = await account('gone', { issuedDaysAgo: 0, expiresInDays: 60, status: 'disconnected' });
    now = t0 + 50 * DAY;
    const fresh = await account('fresh', { issuedDaysAgo: 0, expiresInDays: 60 });
    const notYet = await account('not-yet', { issuedDaysAgo: 10, expiresInDays: 40 });
    const soon = await account('expiring-soon', { issuedDaysAgo: 0.5, expiresInDays: 5 });
    const expired = await account('expired', { issuedDaysAgo: 70, expiresInDays: -1 });
    sim.faults.revokeToken(revoked.accessToken, 'password_changed');

    const before = await row(notYet.id);
    const res = await t.app.services.accountService.refreshAll();
    expect(res).toEqual({ refreshed: 2, failed: 1 });

    const d = await row(due.id);
    expect(Date.parse(d.token_expires_at ?? '')).toBe(now + 60 * DAY);
    expect(t.app.services.secrets.decrypt(d.access_token_enc ?? '')).not.toBe(due.accessToken);
    expect(d.status).toBe('active');
    expect((await row(idleUnknown.id)).token_expires_at).not.toBeNull();

    const r = await row(revoked.id);
    expect(r.status).toBe('token_expired');
    expect(r.last_error).toMatch(/refresh failed/i);
    expect(t.app.services.secrets.decrypt(r.access_token_enc ?? '')).toBe(revoked.accessToken);

    expect((await row(notYet.id)).access_token_enc).toBe(before.access_token_enc);
    expect((await row(fresh.id)).status).toBe('active');
    // Too new for Meta to refresh (under 24 h): stays, shown as expiring.
    expect((await row(soon.id)).status).toBe('expiring');
    expect((await row(expired.id)).status).toBe('token_expired');
    expect((await row(gone.id)).status).toBe('disconnected');
  });

  it('keeps the old token and reports when Meta fails during a refresh', async () => {
    now = t0;
    const acc = await account('flaky', { issuedDaysAgo: 0, expiresInDays: 60 });
    now = t0 + 55 * DAY;
    const login = await t.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: t.admin });
    sim.faults.serverError(5, 500, { path: 'refresh_access_token' });
    const res = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/accounts/${acc.id}/refresh-token`,
      headers: { authorization: `Bearer ${login.json().accessToken}` },
    });
    sim.faults.clear();
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toBe('provider_unavailable');
    const r = await row(acc.id);
    expect(t.app.services.secrets.decrypt(r.access_token_enc ?? '')).toBe(acc.accessToken);
    expect(r.last_error).toMatch(/refresh failed/i);
    expect(r.status).toBe('expiring');
  });
});
