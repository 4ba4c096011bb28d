import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DiagnosticReport } from '../src/diagnostics/diagnostic.service.js';
import { doctorCommand } from '../src/diagnostics/doctor.command.js';
import { simulateDelivery } from '../src/diagnostics/simulate-delivery.js';
import type { Simulator } from '../src/providers/simulator/index.js';
import { simEnv, startTestSimulator } from '../src/providers/simulator/testing.js';
import { createTestApp, type TestApp } from './support/app.js';
import { freePort } from './support/services.js';

// `relaydesk doctor` and `relaydesk simulate delivery` as a shell runs them: the environment is
// parsed by loadConfig, the database opened from it, and a real server listens on loopback.

interface Run {
  code: number;
  out: string;
}

async function doctor(env: Record<string, string>, ...args: string[]): Promise<Run> {
  const lines: string[] = [];
  const code = await doctorCommand(args, {
    env: { LOG_LEVEL: 'silent', ...env },
    print: (t) => lines.push(t),
  });
  return { code, out: lines.join('\n') };
}

async function simulate(env: Record<string, string>, args: string[], waitMs = 10_000): Promise<Run> {
  const lines: string[] = [];
  const io = { print: (t: string) => lines.push(t), error: (t: string) => lines.push(t) };
  const code = await simulateDelivery(args, loadConfig(env), io, waitMs);
  return { code, out: lines.join('\n') };
}

const json = (r: Run) => JSON.parse(r.out) as DiagnosticReport;

describe('relaydesk doctor without a server', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'relaydesk-doctor-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('reports an invalid environment as a failed check with every problem, and exits 1', async () => {
    const env = { DATA_DIR: freshDir(), DATABASE_URL: 'mysql://db/relaydesk', SECRET_KEY: 'short' };
    const text = await doctor(env);
    expect(text.code).toBe(1);
    expect(text.out).toContain('FAIL  Configuration valid: The environment has 2 invalid variables');
    expect(text.out).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://');
    expect(text.out).toContain('Fix: Correct the variables');
    const report = json(await doctor(env, '--json'));
    expect(report).toMatchObject({ verdict: 'fail', counts: { fail: 1, pass: 0 } });
    expect(report.checks.map((c) => [c.id, c.code])).toEqual([['config.valid', 'invalid']]);
  });

  it('refuses an unknown option with exit code 2', async () => {
    expect((await doctor({ DATA_DIR: freshDir() }, '--verbose')).code).toBe(2);
  });

  it('exits 0 in demo mode on a migrated database, and says the accounts are the Diagnostics page’s', async () => {
    const dir = freshDir();
    const db = openDatabase({ kind: 'sqlite', file: join(dir, 'relaydesk.db') });
    await migrateToLatest(db.db);
    await db.close();
    const run = await doctor({ DATA_DIR: dir }, '--json');
    expect(run.code).toBe(0);
    const report = json(run);
    expect(report.verdict).not.toBe('fail');
    expect(report.checks.find((c) => c.id === 'config.valid')?.code).toBe('demo');
    expect(report.checks.some((c) => c.account)).toBe(false);
    expect(report.checks.find((c) => c.id === 'database.migrations')?.code).toBe('current');
  });

  it('fails on an empty database (a shell with the wrong DATA_DIR), with the fix indented under it', async () => {
    const run = await doctor({ DATA_DIR: freshDir() });
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'FAIL  Migrations current: The database is empty: no migration was ever applied to it.',
    );
    expect(run.out).toContain(
      '        Fix: If the server is running, this shell uses another database than the server',
    );
  });

  it('fails the job queue when Redis does not answer', async () => {
    const dir = freshDir();
    const db = openDatabase({ kind: 'sqlite', file: join(dir, 'relaydesk.db') });
    await migrateToLatest(db.db);
    await db.close();
    const run = await doctor({ DATA_DIR: dir, REDIS_URL: 'redis://127.0.0.1:1' }, '--json');
    expect(run.code).toBe(1);
    const report = json(run);
    expect(report.checks.find((c) => c.id === 'jobs.queue')).toMatchObject({
      verdict: 'fail',
      code: 'unreachable',
    });
  });
});

describe('relaydesk doctor and simulate delivery against a running server', () => {
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let t: TestApp;
  let env: Record<string, string>;
  let shop: { id: string; userId: string };

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator());
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    t = await createTestApp('sqlite', { ...simEnv(sim), PUBLIC_URL: publicUrl });
    await t.app.http.listen({ port, host: '127.0.0.1' });
    const { account, accessToken } = sim.createAccount({ username: 'doctor.shop' });
    const admin = await t.app.services.users.findAdmin();
    const row = await t.app.services.instagram.connect(admin!.workspace_id, {
      accessToken,
      expiresAt: null,
      issuedAt: new Date().toISOString(),
    });
    shop = { id: row.id, userId: account.userId };
    // The shell that runs the commands: the server's database, secret key and Meta app.
    env = {
      ...simEnv(sim),
      DATA_DIR: dirname((t.tdb.location as { file: string }).file),
      SECRET_KEY: t.app.config.SECRET_KEY,
      PUBLIC_URL: publicUrl,
      INSTAGRAM_WEBHOOK_VERIFY_TOKEN: t.verifyToken,
      SIMULATOR: 'off',
    };
  });
  afterAll(async () => {
    await t?.close();
    await stopSim?.();
  });

  it('checks the connected account through the same database and Meta app', async () => {
    const run = await doctor(env);
    expect(run.out).toContain(`Instagram @doctor.shop (${shop.userId})`);
    expect(run.out).toContain('PASS  Token valid: Instagram accepts the token of @doctor.shop.');
    expect(run.out).toContain(
      "PASS  Webhook verification answered: The webhook address answers Meta's verification",
    );
    // PUBLIC_URL is plain http here, which Meta does not deliver to
    expect(run.out).toContain('FAIL  PUBLIC_URL is https');
    expect(run.code).toBe(1);
  });

  it('fails the verification when the shell and the server disagree on the verify token, never printing either', async () => {
    const run = await doctor({ ...env, INSTAGRAM_WEBHOOK_VERIFY_TOKEN: 'stale-token-from-old-env' });
    expect(run.code).toBe(1);
    expect(run.out).toContain('FAIL  Webhook verification answered: The server at PUBLIC_URL refused');
    expect(run.out).not.toContain('stale-token-from-old-env');
    expect(run.out).not.toContain(t.verifyToken);
    expect(run.out).not.toContain(sim.app.secret);
  });

  it('sends a signed test delivery for an account and sees it stored and processed', async () => {
    const before = await t.tdb.db.selectFrom('messages').select('id').execute();
    const run = await simulate(env, ['--account', shop.userId]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toMatch(/^Stored and processed: delivery \S+, 1 event routed to account/);
    const id = /delivery (\S+),/.exec(run.out)?.[1] ?? '';
    const delivery = await t.tdb.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ status: 'processed', signature_valid: 1, account_id: shop.id });
    const events = await t.tdb.db
      .selectFrom('inbound_events')
      .selectAll()
      .where('delivery_id', '=', id)
      .execute();
    expect(events.map((e) => [e.field, e.status])).toEqual([['relaydesk_test', 'processed']]);
    // harmless: nothing in the inbox came of it
    expect(await t.tdb.db.selectFrom('messages').select('id').execute()).toHaveLength(before.length);
  });

  it('without --account sends Meta’s test id 0, which is stored without an account', async () => {
    const run = await simulate(env, []);
    expect(run.code).toBe(0);
    expect(run.out).toContain("without an account, as Meta's Test button delivery would be");
  });

  it('exits 1 for an account that is not connected, and 2 for one that is no id', async () => {
    const run = await simulate(env, ['--account', '17841400000000999']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('not routed: no connected Instagram account has the id 17841400000000999');
    expect((await simulate(env, ['--account', '@doctor.shop'])).code).toBe(2);
  });

  it('exits 1 when the server has another app secret, and the doctor then shows the rejection', async () => {
    const run = await simulate({ ...env, INSTAGRAM_APP_SECRET: 'an-old-app-secret' }, []);
    expect(run.code).toBe(1);
    expect(run.out).toContain('The server rejected the signature');
    const report = json(await doctor(env, '--json'));
    expect(report.checks.find((c) => c.id === 'webhook.signatures')).toMatchObject({ code: 'rejected' });
  });

  it('exits 1 when no server answers', async () => {
    const run = await simulate(env, ['--url', `http://127.0.0.1:${await freePort()}`]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      /^No answer from http:\/\/127\.0\.0\.1:\d+\/api\/v1\/instagram\/webhook: connection refused/,
    );
  });
});

describe('relaydesk simulate delivery when nobody works the queue', () => {
  it('exits 1: stored but not processed in time', async () => {
    const port = await freePort();
    const t = await createTestApp('sqlite', { PUBLIC_URL: `http://127.0.0.1:${port}` }, { worker: false });
    try {
      await t.app.http.listen({ port, host: '127.0.0.1' });
      const env = {
        DATA_DIR: dirname((t.tdb.location as { file: string }).file),
        INSTAGRAM_APP_SECRET: t.appSecret,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      };
      const run = await simulate(env, [], 1_000);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/but not processed within 1 s: is the job worker running\?/);
    } finally {
      await t.close();
    }
  });
});
