import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../src/insights/insight-day.js';
import { simEnv, startTestSimulator } from '../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from './support/app.js';
import { type Service, startRedis } from './support/services.js';

// Scale-out mode: the statistics jobs on BullMQ (a Redis of this file's own, so no other test's
// worker takes them), with the real clock.

describe('statistics on PostgreSQL with BullMQ', () => {
  let redis: Service;
  let t: TestApp;
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let accountId = '';
  beforeAll(async () => {
    redis = await startRedis();
    sim = await startTestSimulator({ clock: () => Date.now() });
    t = await createTestApp('postgres', { ...simEnv(sim.sim), REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
    await redis.stop();
  });

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.http.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${t.token}` },
    });
    return res.json();
  };

  it('backfills on connect, and an on-demand refresh reads further back', async () => {
    const { accessToken } = sim.sim.createAccount({
      username: 'linen.queue',
      followersCount: 1500,
      historyDays: 60,
    });
    accountId = (await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).id;
    const today = dayOf(Date.now());
    const first = await eventually(async () => {
      const s = await api('GET', `/api/v1/accounts/${accountId}/statistics`);
      return s.series?.[0]?.reach != null ? s : null;
    }, 15_000);
    expect(first.series.at(-1)).toMatchObject({ start: today, followers: 1500 });

    const from = addDays(today, -45);
    const before = await api(
      'GET',
      `/api/v1/accounts/${accountId}/statistics?from=${from}&to=${addDays(from, 5)}`,
    );
    expect(before.totals).toMatchObject({ reach: null, daysWithData: 0 });
    const { accountJobId } = await api('POST', `/api/v1/accounts/${accountId}/statistics/refresh`, {
      days: 50,
    });
    await eventually(async () => (await t.app.queue.get(accountJobId))?.state === 'completed', 15_000);
    expect(await t.app.queue.get(accountJobId)).toMatchObject({
      name: 'account-insights',
      payload: { accountId, days: 50 },
    });
    const after = await api(
      'GET',
      `/api/v1/accounts/${accountId}/statistics?from=${from}&to=${addDays(from, 5)}`,
    );
    expect(after.totals.daysWithData).toBe(6);
    expect(after.totals.reach).toBeGreaterThan(0);
  });
});
