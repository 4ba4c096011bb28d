import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simEnv, startTestSimulator } from '../../src/providers/simulator/testing.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { type Service, startRedis } from '../support/services.js';
import { containerCalls } from './setup.js';

// Scale-out mode: jobs on BullMQ (a Redis of this file's own). A post still goes out at its
// second, and a job lost with Redis's data is rebuilt from the database by the sweeper.

describe('auto-posts on PostgreSQL with BullMQ', () => {
  let redis: Service;
  let t: TestApp;
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let accountId = '';
  beforeAll(async () => {
    redis = await startRedis();
    sim = await startTestSimulator({ clock: () => Date.now(), settings: { containerPolls: 0 } });
    t = await createTestApp('postgres', {
      ...simEnv(sim.sim),
      PUBLIC_URL: 'https://relaydesk.example.com',
      REDIS_URL: redis.url,
    });
    const { accessToken } = sim.sim.createAccount({ username: 'linen.shop' });
    accountId = (await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).id;
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
    await redis.stop();
  });

  async function api(method: 'GET' | 'POST', url: string, payload?: object) {
    const res = await t.app.http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.token}` },
      payload,
    });
    return res.json();
  }
  const untilPublished = async (id: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const p = await api('GET', `/api/v1/auto-posts/${id}`);
      if (p.status === 'published' && p.steps.nextRunAt === null) return p;
      if (Date.now() > deadline) throw new Error(`still ${p.status} ${p.errorCode}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const schedule = (caption: string, inMs: number) => {
    const scheduledAt = new Date(Math.ceil((Date.now() + inMs) / 1000) * 1000).toISOString();
    const media = [{ type: 'image', url: 'https://cdn.example/a.jpg' }];
    return api('POST', '/api/v1/auto-posts', { accountId, media, caption, scheduledAt });
  };

  it('publishes a scheduled post once, not before its second', async () => {
    const created = await schedule('BullMQ', 1_500);
    const post = await untilPublished(created.id);
    const [creation, ...more] = containerCalls(sim.sim).filter((c) => c.params.caption === 'BullMQ');
    expect(more).toEqual([]);
    expect(creation?.at).toBeGreaterThanOrEqual(Date.parse(created.scheduledAt));
    expect(
      sim.sim.state.publishCalls.filter((c) => c.creationId === post.steps.containerId && c.ok),
    ).toHaveLength(1);
  });

  it('rebuilds a job lost with Redis from the post row', async () => {
    const created = await schedule('Redis lost it', 1_500);
    const admin = new Redis(redis.url);
    await admin.flushall();
    await admin.quit();
    await new Promise((r) => setTimeout(r, Date.parse(created.scheduledAt) - Date.now() + 200));
    expect((await api('GET', `/api/v1/auto-posts/${created.id}`)).status).toBe('pending');
    // what the minute's sweep does
    expect(await t.app.services.autoPostScheduler.sweep(0)).toBeGreaterThanOrEqual(1);
    const post = await untilPublished(created.id);
    expect(
      sim.sim.state.publishCalls.filter((c) => c.creationId === post.steps.containerId && c.ok),
    ).toHaveLength(1);
  });
});
