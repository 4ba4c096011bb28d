import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncKey } from '../src/posts/post.service.js';
import type { Simulator } from '../src/providers/simulator/server.js';
import { simEnv, startTestSimulator } from '../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';
import { collectEvents } from './support/sse.js';

// The gallery end to end with the app's own job worker: connecting an account syncs its media
// and comments; a new comment arrives by signed webhook from the simulator and shows live.

describe.each(dialects)('posts and comments with the simulator on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let base = '';
  let sse: Awaited<ReturnType<typeof collectEvents<Record<string, unknown>>>>;
  const events = () => sse.events;

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => Date.now() }));
    t = await createTestApp(dialect, simEnv(sim));
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
    sim.webhooks.configure({ url: `${base}/api/v1/instagram/webhook` });
    sse = await collectEvents(base, t.token);
  });
  afterAll(async () => {
    sse.stop();
    await t.close();
    await stopSim();
  });

  const api = async (method: 'GET' | 'POST', url: string) => {
    const res = await t.app.http.inject({ method, url, headers: { authorization: `Bearer ${t.token}` } });
    return res.json();
  };

  it('syncs media and comments on connect, and shows a new comment live', async () => {
    const { account, accessToken } = sim.createAccount({ username: 'linen.live' });
    const media = sim.state.addMedia({
      ...{ accountId: account.userId, mediaType: 'IMAGE', productType: 'FEED', caption: 'Blue dress' },
      ...{ mediaUrl: '/__sim/img/dress-blue.svg', timestamp: Date.now() - 86_400_000, likeCount: 7 },
      ...{ commentsEnabled: true, children: [], isCarouselChild: false },
    });
    // before the app knows the account: no webhook reaches it, only the sync can find this one
    sim.webhooks.configure({ url: null });
    sim.customerComments({ from: 'olga', text: 'Is it linen?', mediaId: media.id, to: account.userId });
    sim.webhooks.configure({ url: `${base}/api/v1/instagram/webhook` });
    const connected = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { provider: 'instagram', accessToken },
    });
    expect(connected.statusCode).toBe(201);
    const post = await eventually(async () => (await api('GET', '/api/v1/posts/recent')).items[0]);
    expect(post).toMatchObject({ igMediaId: media.id, caption: 'Blue dress', likeCount: 7 });
    const first = await eventually(
      async () => (await api('GET', `/api/v1/media/${post.id}/comments`)).items[0],
    );
    expect(first).toMatchObject({ text: 'Is it linen?', from: { username: 'olga' } });

    sim.customerComments({ from: 'ivan', text: 'Need size L', mediaId: media.id });
    const live = await eventually(async () =>
      events().find((e) => e.type === 'comment.created' && e.data.text === 'Need size L'),
    );
    expect(live.data).toMatchObject({ postId: post.id, igMediaId: media.id, fromSelf: false });
    const items = (await api('GET', `/api/v1/media/${post.id}/comments`)).items;
    expect(items.map((c: { text: string }) => c.text)).toEqual(['Need size L', 'Is it linen?']);
  });

  it('documents the gallery and moderation routes in the OpenAPI spec', async () => {
    const spec = (await t.app.http.inject({ url: '/docs/json' })).json();
    const tagged = (ops: Record<string, { tags?: string[] }>) =>
      Object.values(ops).some((op) => op.tags?.some((tag) => tag === 'posts' || tag === 'comments'));
    const paths = Object.keys(spec.paths).filter((p) => tagged(spec.paths[p]));
    expect(paths.sort()).toEqual([
      '/api/v1/accounts/{id}/sync-media',
      '/api/v1/accounts/{id}/sync-media/{jobId}',
      '/api/v1/comments/{id}',
      '/api/v1/comments/{id}/hide',
      '/api/v1/comments/{id}/reply',
      '/api/v1/comments/{id}/unhide',
      '/api/v1/media/{id}/comments',
      '/api/v1/posts',
      '/api/v1/posts/recent',
      '/api/v1/posts/{id}',
    ]);
  });

  it('runs an on-demand sync as a job, and the 2-hourly cron for every account', async () => {
    const accountId = (await api('GET', '/api/v1/accounts')).items[0].id;
    const { jobId } = await api('POST', `/api/v1/accounts/${accountId}/sync-media`);
    const done = await eventually(async () => {
      const job = await api('GET', `/api/v1/accounts/${accountId}/sync-media/${jobId}`);
      return job.state === 'completed' ? job : null;
    });
    expect(done).toMatchObject({
      jobId,
      progress: 100,
      lastResult: { seen: 1, created: expect.any(Number) },
    });
    expect(await t.app.queue.get(jobId)).toMatchObject({ name: 'sync-media', attempts: 1 });
    // the stream is a real connection: its last events may still be on their way
    await eventually(async () =>
      events().some((e) => e.type === 'posts.synced' && e.data.accountId === accountId),
    );
    const progress = await eventually(async () => {
      const pct = events().filter((e) => e.type === 'posts.sync_progress' && e.data.jobId === jobId);
      return pct.at(-1)?.data.progress === 100 ? pct : null;
    });
    expect(progress.map((e) => e.data.progress)).toEqual(
      progress.map((e) => e.data.progress).sort((a, b) => Number(a) - Number(b)),
    );
    // a job id names this account's sync only
    const other = await t.app.queue.enqueue('sync-media-all', {}, { delayMs: 3_600_000 });
    for (const url of [
      `/api/v1/accounts/${accountId}/sync-media/${other}`,
      `/api/v1/accounts/nope/sync-media/${jobId}`,
    ])
      expect((await api('GET', url)).error).toBe('not_found');
    sim.clearCalls();
    await t.app.queue.enqueue('sync-media-all', {});
    await eventually(async () => sim.calls({ method: 'GET', path: /\/media$/ }).length > 0);
  });

  // A scheduled sync that is already running may have read its pages before the post the user
  // is looking for: "Sync now" starts a sync of its own.
  it('syncs now when asked while a scheduled sync is running', async () => {
    const accountId = (await api('GET', '/api/v1/accounts')).items[0].id;
    sim.faults.latency(2_000, { path: /\/media$/, times: 1 }); // the scheduled sync's page is slow
    const scheduled = await t.app.queue.enqueue(
      'sync-media',
      { accountId },
      { uniqueKey: syncKey(accountId) },
    );
    await eventually(async () => (await t.app.queue.get(scheduled))?.state === 'active');
    const { jobId } = await api('POST', `/api/v1/accounts/${accountId}/sync-media`);
    expect(jobId).not.toBe(scheduled);
    for (const id of [jobId, scheduled])
      await eventually(async () => (await t.app.queue.get(id))?.state === 'completed');
  });

  it('reads the insights of a post right after the sync that found it', async () => {
    const accountId = (await api('GET', '/api/v1/accounts')).items[0].id;
    const igUserId = (await api('GET', '/api/v1/accounts')).items[0].igUserId;
    const fresh = sim.state.addMedia({
      ...{ accountId: igUserId, mediaType: 'IMAGE', productType: 'FEED', caption: 'Green dress' },
      ...{ mediaUrl: '/__sim/img/dress.svg', timestamp: Date.now() - 3_600_000, likeCount: 2 },
      ...{ commentsEnabled: true, children: [], isCarouselChild: false },
    });
    const { jobId } = await api('POST', `/api/v1/accounts/${accountId}/sync-media`);
    await eventually(async () => (await t.app.queue.get(jobId))?.state === 'completed');
    // not at the next hourly run
    await eventually(async () =>
      t.tdb.db
        .selectFrom('media_insights')
        .select('id')
        .where('ig_media_id', '=', fresh.id)
        .executeTakeFirst(),
    );
  });
});
