import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosticReportView } from '../src/diagnostics/diagnostic.schema.js';
import type { DiagnosticReport } from '../src/diagnostics/diagnostic.service.js';
import type { Simulator } from '../src/providers/simulator/index.js';
import { simEnv, startTestSimulator } from '../src/providers/simulator/testing.js';
import { createTestApp, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';
import { seedWorkspaces } from './support/workspaces.js';

// GET /api/v1/diagnostics: owners only, and an owner sees the instance's checks plus its own
// workspace's accounts, never another workspace's.

describe.each(dialects)('GET /api/v1/diagnostics on %s', (dialect) => {
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let t: TestApp;
  let people: Awaited<ReturnType<typeof seedWorkspaces>>;
  const accounts: Record<'linen' | 'other', string> = { linen: '', other: '' };

  const get = (token?: string) =>
    t.app.http.inject({
      method: 'GET',
      url: '/api/v1/diagnostics',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator());
    t = await createTestApp(dialect, simEnv(sim));
    people = await seedWorkspaces(t.tdb.db, t.app.services.tokens);
    for (const [key, ws] of [
      ['linen', people.owner.workspace_id],
      ['other', people.other.workspace_id],
    ] as const) {
      const { accessToken } = sim.createAccount({ username: `${key}.shop` });
      const row = await t.app.services.instagram.connect(ws, {
        accessToken,
        expiresAt: null,
        issuedAt: new Date().toISOString(),
      });
      accounts[key] = row.id;
    }
  });
  afterAll(async () => {
    await t?.close();
    await stopSim?.();
  });

  it('shows an owner the instance checks and only the accounts of their own workspace', async () => {
    const res = await get(people.session.owner);
    expect(res.statusCode).toBe(200);
    const report: DiagnosticReport = res.json();
    expect(diagnosticReportView.safeParse(report).success).toBe(true);
    const accountIds = new Set(report.checks.flatMap((c) => (c.account ? [c.account.id] : [])));
    expect([...accountIds]).toEqual([accounts.linen]);
    expect(report.checks.filter((c) => c.account?.id === accounts.linen).map((c) => c.id)).toEqual([
      'instagram.token',
      'instagram.token_expiry',
      'instagram.permissions',
      'instagram.webhook_fields',
      'instagram.last_delivery',
      'instagram.polling',
    ]);
    const groups = [...new Set(report.checks.map((c) => c.group))];
    expect(groups).toEqual(['configuration', 'webhooks', 'instagram', 'jobs', 'database']);
    expect(report.counts.pass + report.counts.warn + report.counts.fail + report.counts.skip).toBe(
      report.checks.length,
    );

    const other: DiagnosticReport = (await get(people.session.other)).json();
    const otherIds = new Set(other.checks.flatMap((c) => (c.account ? [c.account.id] : [])));
    expect([...otherIds]).toEqual([accounts.other]);
    // The administrator's own workspace has no accounts: instance checks only.
    const admin: DiagnosticReport = (await get(t.token)).json();
    expect(admin.checks.some((c) => c.account)).toBe(false);
  });

  it('refuses agents and anonymous callers', async () => {
    const agent = await get(people.session.agent);
    expect(agent.statusCode).toBe(403);
    expect(agent.json().error).toBe('forbidden');
    expect((await get()).statusCode).toBe(401);
  });
});
