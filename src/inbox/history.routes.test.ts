import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import type { AccountRow } from '../accounts/account.repository.js';
import { authenticate } from '../http/authenticate.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { createLogger } from '../logger.js';
import { historyRoutes } from './history.routes.js';

// The backfill and polling routes, on the authenticated scope the way app.ts builds it, with the
// app's own services and queue (no worker: an enqueued import stays visible).

describe.each(dialects)('history routes on %s', (dialect) => {
  let t: TestApp;
  let http: HttpServer;
  let workspaceId: string;
  let ig: AccountRow;
  let chatrace: AccountRow;
  let disconnected: AccountRow;
  const tokens: Record<'owner' | 'agent' | 'stranger', string> = { owner: '', agent: '', stranger: '' };

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { worker: false });
    const s = t.app.services;
    http = await createHttpServer({ logger: createLogger('silent'), trustProxy: false });
    await http.register(async (api: HttpServer) => {
      api.addHook('onRequest', authenticate(s.tokens));
      historyRoutes(api, s.history, t.app.queue);
    });
    workspaceId = (await s.users.findAdmin())?.workspace_id as string;
    tokens.owner = t.token;
    const issue = async (role: 'owner' | 'agent', ws: string) =>
      (await s.tokens.issue({ userId: `${role}-${ws}`, workspaceId: ws, role, isAdmin: false })).accessToken;
    tokens.agent = await issue('agent', workspaceId);
    tokens.stranger = await issue('owner', 'another-workspace');
    const token = s.secrets.encrypt('IGAA-not-a-real-token');
    ig = await s.accounts.create({
      workspace_id: workspaceId,
      provider: 'instagram',
      external_id: '17841400000000001',
      access_token_enc: token,
    });
    chatrace = await s.accounts.create({
      workspace_id: workspaceId,
      provider: 'chatrace',
      external_id: '9001',
    });
    disconnected = await s.accounts.create({
      workspace_id: workspaceId,
      provider: 'instagram',
      external_id: '17841400000000002',
      access_token_enc: token,
      status: 'disconnected',
    });
  });
  afterAll(async () => {
    await http.close();
    await t.close();
  });

  const call = (who: keyof typeof tokens, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload ? { payload } : {}),
    });

  it('enqueues one history import per account and answers 202 with the job', async () => {
    const res = await call('agent', 'POST', `/api/v1/accounts/${ig.id}/backfill`);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    const job = await t.app.queue.get(jobId);
    expect(job).toMatchObject({ name: 'import-history', payload: { accountId: ig.id }, state: 'waiting' });
    // asked again while it waits: the same job
    const again = await call('owner', 'POST', `/api/v1/accounts/${ig.id}/backfill`);
    expect(again.json().jobId).toBe(jobId);
  });

  it('refuses accounts of another workspace and accounts it cannot import', async () => {
    const other = await call('stranger', 'POST', `/api/v1/accounts/${ig.id}/backfill`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toBe('not_found');
    for (const a of [chatrace, disconnected]) {
      const res = await call('owner', 'POST', `/api/v1/accounts/${a.id}/backfill`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toBe('history_unavailable');
    }
    const unauthenticated = await http.inject({ method: 'POST', url: `/api/v1/accounts/${ig.id}/backfill` });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('shows the polling settings and the last poll', async () => {
    const fresh = await call('agent', 'GET', `/api/v1/accounts/${ig.id}/polling`);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toEqual({
      intervalSeconds: 60,
      lastPollAt: null,
      lastPollResult: null,
      webhookGapAt: null,
      backfilledAt: null,
    });
    const result = { at: '2026-01-15T12:00:00.000Z', checked: 4, fetched: 1, imported: 2, gap: true };
    await t.app.services.accounts.update(ig.id, {
      last_poll_at: result.at,
      last_poll_result: JSON.stringify(result),
      webhook_gap_at: result.at,
    });
    const polled = await call('agent', 'GET', `/api/v1/accounts/${ig.id}/polling`);
    expect(polled.json()).toMatchObject({
      lastPollAt: result.at,
      lastPollResult: result,
      webhookGapAt: result.at,
    });
    expect(
      (await call('owner', 'GET', `/api/v1/accounts/${chatrace.id}/polling`)).json().intervalSeconds,
    ).toBe(0);
    expect((await call('stranger', 'GET', `/api/v1/accounts/${ig.id}/polling`)).statusCode).toBe(404);
  });

  it('lets an owner set the interval: 0 (off) or 30 s to an hour', async () => {
    const set = await call('owner', 'PUT', `/api/v1/accounts/${ig.id}/polling`, { intervalSeconds: 300 });
    expect(set.statusCode).toBe(200);
    expect(set.json().intervalSeconds).toBe(300);
    const row = await t.app.services.accounts.findById(ig.id);
    expect(row?.poll_interval_seconds).toBe(300);

    for (const intervalSeconds of [10, 3601, 45.5, -1]) {
      const bad = await call('owner', 'PUT', `/api/v1/accounts/${ig.id}/polling`, { intervalSeconds });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toBe('validation_failed');
    }
    const agent = await call('agent', 'PUT', `/api/v1/accounts/${ig.id}/polling`, { intervalSeconds: 30 });
    expect(agent.statusCode).toBe(403);
    const stranger = await call('stranger', 'PUT', `/api/v1/accounts/${ig.id}/polling`, {
      intervalSeconds: 30,
    });
    expect(stranger.statusCode).toBe(404);
    const onChatrace = await call('owner', 'PUT', `/api/v1/accounts/${chatrace.id}/polling`, {
      intervalSeconds: 30,
    });
    expect(onChatrace.statusCode).toBe(409);

    expect(await t.app.services.history.pollingActive()).toBe(true);
    const off = await call('owner', 'PUT', `/api/v1/accounts/${ig.id}/polling`, { intervalSeconds: 0 });
    expect(off.json().intervalSeconds).toBe(0);
    expect((await t.app.services.accounts.findById(ig.id))?.poll_interval_seconds).toBe(0);
    expect(await t.app.services.history.pollingActive()).toBe(false);
  });
});
