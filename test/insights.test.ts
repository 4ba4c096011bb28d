import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf, dayStart } from '../src/insights/insight-day.js';
import { retiredMetrics } from '../src/insights/insight-metrics.js';
import type { Simulator } from '../src/providers/simulator/server.js';
import { graphCaller, simEnv, startTestSimulator, testClock } from '../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';

// Statistics end to end: the app's own job worker reads the simulator over real HTTP, on a clock
// both share, and the API serves what was stored. The tests run in order and share the accounts.

const DAY = 86_400_000;
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API; tests check them field by field
type Json = Record<string, any>;

describe.each(dialects)('statistics with the simulator on %s', (dialect) => {
  // 13:00 in California on Tuesday 10 March 2026: Meta's day is 2026-03-10
  const clock = testClock(Date.UTC(2026, 2, 10, 20, 0, 0));
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let shop: { id: string; userId: string; token: string };
  let youngUserId = '';
  let pickyUserId = '';
  const today = () => dayOf(clock());

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock }));
    t = await createTestApp(dialect, simEnv(sim), { clock });
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.http.server.address() as AddressInfo).port;
    sim.webhooks.configure({ url: `http://127.0.0.1:${port}/api/v1/instagram/webhook` });
    token = t.token;
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });

  let token = '';
  /** login tokens expire: after moving the clock a day, log in again */
  const relogin = async () => {
    const res = await t.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: t.admin });
    token = (res.json() as Json).accessToken;
  };
  const api = async (url: string, as = token, method: 'GET' | 'POST' = 'GET', payload?: unknown) => {
    const res = await t.app.http.inject({
      method,
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${as}` },
    });
    return {
      status: res.statusCode,
      raw: res.rawPayload,
      body: String(res.headers['content-type']).includes('json') ? (res.json() as Json) : res.body,
      headers: res.headers,
    };
  };
  const get = async (url: string) => (await api(url)).body as Json;
  const connect = async (accessToken: string) => {
    const res = await api('/api/v1/accounts', token, 'POST', { provider: 'instagram', accessToken });
    expect(res.status).toBe(201);
    return (res.body as Json).id as string;
  };
  /** the media sync that connecting started has finished */
  const synced = (accountId: string) =>
    eventually(async () => (await get(`/api/v1/accounts/${accountId}/sync-media`)).lastSyncAt, 15_000);
  const jobDone = (id: string) =>
    eventually(async () => (await t.app.queue.get(id))?.state === 'completed', 15_000);
  /** what the simulator (Meta) says for one day's total */
  const metaDay = async (token: string, userId: string, metric: string, day: string) => {
    const res = await graphCaller(sim, token).get<{ data: { total_value: { value: number } }[] }>(
      `/${userId}/insights`,
      {
        metric,
        period: 'day',
        metric_type: 'total_value',
        since: dayStart(day) / 1000,
        until: dayStart(addDays(day, 1)) / 1000,
      },
    );
    return res.body.data[0]?.total_value.value ?? null;
  };

  it('backfills the last 30 days on connect and takes the profile counts for today', async () => {
    const created = sim.createAccount({ username: 'linen.stats', followersCount: 2400, historyDays: 90 });
    shop = {
      id: await connect(created.accessToken),
      userId: created.account.userId,
      token: created.accessToken,
    };
    const stats = await eventually(async () => {
      const s = await get(`/api/v1/accounts/${shop.id}/statistics`);
      return s.series?.[0]?.reach !== null && s.series?.[0]?.reach !== undefined ? s : null;
    }, 15_000);
    expect(stats).toMatchObject({
      accountId: shop.id,
      from: addDays(today(), -29),
      to: today(),
      granularity: 'day',
    });
    expect(stats.series).toHaveLength(30);
    const last = stats.series[29];
    // today is not over: its insights are not read yet, only the profile's counts
    expect(last).toMatchObject({ start: today(), followers: 2400, reach: null, views: null });
    // 30 days back from yesterday, one call per day, always total_value/day, never a retired metric
    const calls = sim.calls({ method: 'GET', path: new RegExp(`^/${shop.userId}/insights$`) });
    expect(calls).toHaveLength(30);
    for (const c of calls) {
      expect(c.status).toBe(200);
      expect(c.params).toMatchObject({ period: 'day', metric_type: 'total_value' });
    }
    const asked = sim.calls({ path: /\/insights$/ }).flatMap((c) => String(c.params.metric).split(','));
    for (const retired of retiredMetrics) expect(asked).not.toContain(retired);
    const yesterday = stats.series[28];
    expect(yesterday.reach).toBe(await metaDay(shop.token, shop.userId, 'reach', yesterday.start));
    expect(yesterday.views).toBe(await metaDay(shop.token, shop.userId, 'views', yesterday.start));
    for (const p of stats.series.slice(0, 29)) {
      expect(p.totalInteractions).toBe(p.likes + p.comments + p.shares + p.saves + p.replies);
      // no profile reading before today, so no follower numbers and no engagement rate
      expect(p).toMatchObject({ followers: null, followerGrowth: null, engagementRate: null });
    }
    expect(stats.formulas.engagementRate.expression).toBe('total_interactions / followers_count');
    expect(stats.formulas.postEngagementRate.expression).toBe('total_interactions / reach');
  });

  it("reads every synced post's insights: engagement is interactions per account reached", async () => {
    const postCount = sim.state.mediaOf(shop.userId).length;
    await synced(shop.id);
    const refresh = await api(`/api/v1/accounts/${shop.id}/statistics/refresh`, token, 'POST', {});
    await jobDone((refresh.body as Json).postsJobId);
    const top = await get(`/api/v1/accounts/${shop.id}/top-posts?metric=reach&from=2025-12-01&limit=100`);
    expect(top.items).toHaveLength(postCount);
    const reaches = top.items.map((p: Json) => p.metrics.reach);
    expect(reaches).toEqual([...reaches].sort((a, b) => b - a));
    for (const p of top.items) {
      expect(p.status).toBe('ok');
      expect(p.engagementRate).toBeCloseTo(p.metrics.totalInteractions / p.metrics.reach, 12);
      expect(p.metrics.avgWatchTimeMs === null).toBe(p.mediaProductType !== 'REELS');
    }
    const best = top.items[0];
    const meta = await graphCaller(sim, shop.token).get<{
      data: { name: string; values: { value: number }[] }[];
    }>(`/${best.igMediaId}/insights`, { metric: 'reach,likes,saved' });
    const one = await api(`/api/v1/posts/${best.postId}/insights`);
    expect(one.status).toBe(200);
    const body = one.body as Json;
    expect(body.metrics).toMatchObject(
      Object.fromEntries(meta.body.data.map((d) => [d.name, d.values[0]?.value])),
    );
    expect(body.formulas.postEngagementRate.expression).toBe('total_interactions / reach');
    expect(Date.parse(body.nextRefreshAt)).toBeGreaterThan(clock());

    const byEngagement = await get(
      `/api/v1/accounts/${shop.id}/top-posts?metric=engagementRate&from=2025-12-01&limit=3`,
    );
    const rates = byEngagement.items.map((p: Json) => p.engagementRate);
    expect(rates).toHaveLength(3);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));

    const csv = await api(`/api/v1/accounts/${shop.id}/top-posts.csv?metric=reach&from=2025-12-01&limit=100`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="top-posts-reach-2025-12-01-2026-03-10\.csv"$/,
    );
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^rank,post_id,ig_media_id,/);
    expect(lines).toHaveLength(postCount + 1);
    expect(lines[1]?.startsWith(`1,${best.postId},${best.igMediaId},`)).toBe(true);
  });

  it('re-reads the last 3 days: values still within the 48-hour lag grow, older ones stay', async () => {
    const range = `from=${addDays(today(), -5)}&to=${today()}`;
    const before = (await get(`/api/v1/accounts/${shop.id}/statistics?${range}`)).series as Json[];
    clock.advance(DAY);
    await relogin();
    (sim.state.accounts.get(shop.userId) as { followersCount: number }).followersCount = 2410;
    const refresh = await api(`/api/v1/accounts/${shop.id}/statistics/refresh`, token, 'POST', {});
    expect(refresh.status).toBe(202);
    await jobDone((refresh.body as Json).accountJobId);
    const after = (await get(`/api/v1/accounts/${shop.id}/statistics?${range}`)).series as Json[];
    // at the first reading the two days before it were still within Meta's 48 hours; older ones were final
    expect(after.slice(0, 3).map((p) => p.reach)).toEqual(before.slice(0, 3).map((p) => p.reach));
    for (const i of [3, 4]) {
      expect(after[i]?.reach).toBeGreaterThan(before[i]?.reach);
      expect(after[i]?.reach).toBe(await metaDay(shop.token, shop.userId, 'reach', after[i]?.start));
    }
    // the day that was "today" now has its insights, and the new today its own reading
    expect(after[5]).toMatchObject({ start: addDays(today(), -1), followers: 2400 });
    expect(after[5]?.reach).not.toBeNull();
    expect(after[5]?.engagementRate).toBeCloseTo(after[5]?.totalInteractions / 2400, 12);
    const now = await get(`/api/v1/accounts/${shop.id}/statistics?from=${today()}&to=${today()}`);
    expect(now.series[0]).toMatchObject({ followers: 2410, followerGrowth: 10, reach: null });
  });

  it('keeps unknown apart from zero', async () => {
    // an account of 0 followers with 5 days of history: Meta says 0 where it has data, nothing before,
    // and never gives follower metrics under 100 followers
    const young = sim.createAccount({ username: 'young.stats', followersCount: 0, historyDays: 5 });
    youngUserId = young.account.userId;
    const id = await connect(young.accessToken);
    await synced(id);
    const s = await eventually(async () => {
      const r = await get(`/api/v1/accounts/${id}/statistics`);
      return r.series?.some((p: Json) => p.reach === 0) ? r : null;
    }, 15_000);
    const days = s.series as Json[];
    const recent = days.slice(-6, -1);
    for (const p of recent)
      expect(p).toMatchObject({ reach: 0, views: 0, likes: 0, followsAndUnfollows: null });
    for (const p of days.slice(0, -6)) expect(p).toMatchObject({ reach: null, views: null, daysWithData: 1 });
    expect(days[days.length - 1]).toMatchObject({ followers: 0, engagementRate: null });
    expect(s.totals).toMatchObject({ reach: 0, followsAndUnfollows: null, engagementRate: null });
  });

  it('asks for metrics one by one when Meta refuses the combination, and leaves the refused one unknown', async () => {
    const picky = sim.createAccount({ username: 'picky.stats', followersCount: 900, historyDays: 60 });
    pickyUserId = picky.account.userId;
    const path = `^/${picky.account.userId}/insights$`;
    // the first day's combined call, then its first single-metric call (reach), are refused
    sim.faults.add({ kind: 'error', code: 100, message: '(#100) Invalid metric', path, times: 2 });
    const id = await connect(picky.accessToken);
    await synced(id);
    const s = await eventually(async () => {
      const r = await get(`/api/v1/accounts/${id}/statistics`);
      return r.series?.[0]?.views !== null && r.series?.[0]?.views !== undefined ? r : null;
    }, 15_000);
    for (const p of (s.series as Json[]).slice(0, -1)) {
      expect(p.reach).toBeNull();
      expect(p.views).toBeGreaterThan(0);
    }
    // 1 refused combined call + 11 single ones for the first day, then one call a day without reach
    const calls = sim.calls({ path: new RegExp(path) });
    expect(calls).toHaveLength(1 + 11 + 29);
    expect(calls.slice(13).every((c) => !String(c.params.metric).includes('reach'))).toBe(true);
  });

  it('says "not enough viewers" when Meta does, instead of failing or inventing zeros', async () => {
    const fresh = sim.state.addMedia({
      ...{ accountId: shop.userId, mediaType: 'IMAGE', productType: 'FEED', caption: 'New linen scarf' },
      ...{ mediaUrl: '/__sim/img/scarf.svg', timestamp: clock() - 3600_000, likeCount: 2 },
      ...{ commentsEnabled: true, children: [], isCarouselChild: false },
    });
    sim.faults.add({
      kind: 'error',
      code: 10,
      message: '(#10) Not enough viewers for the media to show insights',
      path: `^/${fresh.id}/insights$`,
    });
    const ws = (await t.app.services.users.findAdmin())?.workspace_id ?? '';
    const live: unknown[] = [];
    const stop = t.app.services.bus.subscribe(ws, (e) => {
      if (e.type === 'insights.posts_synced') live.push(e.data);
    });
    // the sync that finds the post reads its insights right after, and says so on the live stream
    const sync = await api(`/api/v1/accounts/${shop.id}/sync-media`, token, 'POST');
    await jobDone((sync.body as Json).jobId);
    await eventually(async () =>
      t.tdb.db
        .selectFrom('media_insights')
        .select('id')
        .where('ig_media_id', '=', fresh.id)
        .executeTakeFirst(),
    );
    await eventually(async () => live.length > 0);
    stop();
    expect(live[0]).toMatchObject({ accountId: shop.id, read: expect.any(Number) });
    const post = (await get(`/api/v1/posts?accountId=${shop.id}`)).items.find(
      (p: Json) => p.igMediaId === fresh.id,
    );
    const one = await get(`/api/v1/posts/${post.id}/insights`);
    expect(one).toMatchObject({
      status: 'not_enough_viewers',
      metrics: { reach: null, likes: null },
      engagementRate: null,
    });
  });

  it('stores story insights from the webhook, values under 5 as unknown, once', async () => {
    const { media, delivery } = sim.storyInsights({
      to: 'linen.stats',
      reach: 3,
      replies: 8,
      exits: 2,
      tapsForward: 20,
    });
    const story = await eventually(async () => {
      const r = await get(`/api/v1/accounts/${shop.id}/top-posts?productType=STORY&metric=replies`);
      return r.items?.[0];
    }, 15_000);
    expect(story).toMatchObject({
      postId: null,
      igMediaId: media.id,
      mediaProductType: 'STORY',
      status: 'not_enough_viewers',
      source: 'webhook',
      metrics: { reach: null, replies: 8, exits: null, tapsForward: 20 },
      engagementRate: null,
    });
    sim.webhooks.redeliver(delivery.id);
    await sim.webhooks.idle();
    const again = await get(`/api/v1/accounts/${shop.id}/top-posts?productType=STORY&metric=replies`);
    expect(again.items).toHaveLength(1);
  });

  it('rolls days up into weeks and months, and exports the series as CSV', async () => {
    const from = '2026-02-09';
    const to = '2026-03-10';
    const daily = await get(`/api/v1/accounts/${shop.id}/statistics?from=${from}&to=${to}`);
    const weekly = await get(`/api/v1/accounts/${shop.id}/statistics?from=${from}&to=${to}&granularity=week`);
    const monthly = await get(
      `/api/v1/accounts/${shop.id}/statistics?from=${from}T12:00:00Z&to=${to}&granularity=month`,
    );
    expect(weekly.series.map((w: Json) => w.start)).toEqual([
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(monthly.series.map((m: Json) => [m.start, m.end])).toEqual([
      ['2026-02-09', '2026-02-28'],
      ['2026-03-01', '2026-03-10'],
    ]);
    const sum = (list: Json[]) => list.reduce((s, p) => s + (p.views ?? 0), 0);
    expect(sum(weekly.series)).toBe(sum(daily.series));
    expect(sum(monthly.series)).toBe(daily.totals.views);
    expect(weekly.totals).toEqual(daily.totals);
    const csv = await api(
      `/api/v1/accounts/${shop.id}/statistics.csv?from=${from}&to=${to}&granularity=week`,
    );
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'start,end,followers,follower_growth,following,media_count,reach,views,accounts_engaged,total_interactions,likes,comments,shares,saves,replies,profile_links_taps,follows_and_unfollows,engagement_rate',
    );
    expect(lines).toHaveLength(6);
    // a week without a profile reading: empty cells, not zeros
    expect(lines[1]?.split(',').slice(2, 6)).toEqual(['', '', '', '']);
  });

  it('documents the statistics routes in the OpenAPI spec', async () => {
    const spec = (await t.app.http.inject({ url: '/docs/json' })).json() as Json;
    const paths = Object.keys(spec.paths).filter((p) =>
      Object.values(spec.paths[p] as Record<string, { tags?: string[] }>).some((op) =>
        op.tags?.includes('statistics'),
      ),
    );
    expect(paths.sort()).toEqual([
      '/api/v1/accounts/{id}/statistics',
      '/api/v1/accounts/{id}/statistics.csv',
      '/api/v1/accounts/{id}/statistics/refresh',
      '/api/v1/accounts/{id}/top-posts',
      '/api/v1/accounts/{id}/top-posts.csv',
      '/api/v1/posts/{id}/insights',
    ]);
  });

  it('answers bad parameters with stable codes', async () => {
    const base = `/api/v1/accounts/${shop.id}`;
    const cases: [string, number, string][] = [
      [`${base}/statistics?from=2026-03-05&to=2026-03-01`, 400, 'invalid_date_range'],
      [`${base}/statistics?from=2020-01-01&to=2026-03-01`, 400, 'invalid_date_range'],
      [`${base}/statistics?from=yesterday`, 400, 'validation_failed'],
      [`${base}/statistics?from=2026-02-30`, 400, 'validation_failed'],
      [`${base}/statistics?granularity=year`, 400, 'validation_failed'],
      [`${base}/top-posts?metric=impressions`, 400, 'validation_failed'],
      [`${base}/top-posts?limit=500`, 400, 'validation_failed'],
    ];
    for (const [url, status, code] of cases) {
      const res = await api(url);
      expect({ url, status: res.status, code: (res.body as Json).error }).toEqual({ url, status, code });
    }
    const tooMany = await api(`${base}/statistics/refresh`, token, 'POST', { days: 91 });
    expect((tooMany.body as Json).error).toBe('validation_failed');
    // a Chatrace connection has no Instagram insights: nothing to refresh, nothing invented
    const me = await get('/api/v1/me');
    const chatrace = await t.app.services.accounts.create({
      workspace_id: me.workspace.id,
      provider: 'chatrace',
      external_id: `chatrace-${dialect}`,
    });
    const refused = await api(`/api/v1/accounts/${chatrace.id}/statistics/refresh`, token, 'POST', {});
    expect({ status: refused.status, code: (refused.body as Json).error }).toEqual({
      status: 409,
      code: 'statistics_unavailable',
    });
    const empty = await get(`/api/v1/accounts/${chatrace.id}/statistics`);
    expect(empty.totals).toMatchObject({ reach: null, followers: null, daysWithData: 0 });
  });

  it("shows nothing of another workspace's accounts and posts", async () => {
    await t.app.services.auth.createUser({
      email: `other-${dialect}@example.com`,
      password: 'another password',
      role: 'owner',
    });
    const login = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `other-${dialect}@example.com`, password: 'another password' },
    });
    const other = (login.json() as Json).accessToken as string;
    const post = (await get(`/api/v1/posts?accountId=${shop.id}`)).items[0];
    const urls = [
      `/api/v1/accounts/${shop.id}/statistics`,
      `/api/v1/accounts/${shop.id}/statistics.csv`,
      `/api/v1/accounts/${shop.id}/top-posts`,
      `/api/v1/accounts/${shop.id}/top-posts.csv`,
      `/api/v1/posts/${post.id}/insights`,
    ];
    for (const url of urls)
      expect({ url, status: (await api(url, other)).status }).toEqual({ url, status: 404 });
    expect((await api(`/api/v1/accounts/${shop.id}/statistics/refresh`, other, 'POST', {})).status).toBe(404);
    const stats = await api('/api/v1/instagram/stats', other);
    expect(stats.body).toMatchObject({ followers: null, messagesToday: 0, postsThisWeek: 0 });
  });

  it('gives the home card followers, messages today and posts this week', async () => {
    const monday = Date.parse('2026-03-09T00:00:00Z'); // the workspace's time zone is UTC
    const expectedPosts = [shop.userId, youngUserId, pickyUserId]
      .flatMap((id) => sim.state.mediaOf(id))
      .filter((m) => m.timestamp >= monday).length;
    const before = (await api('/api/v1/instagram/stats')).body as Json;
    expect(before).toMatchObject({ followers: 2410 + 0 + 900, postsThisWeek: expectedPosts });
    expect(before.perAccount.find((a: Json) => a.accountId === shop.id).followers).toBe(2410);
    sim.customerSends({ from: 'olena', text: 'Добрий день! Є шарф у синьому?', to: 'linen.stats' });
    const after = await eventually(async () => {
      const s = (await api('/api/v1/instagram/stats')).body as Json;
      return s.messagesToday > before.messagesToday ? s : null;
    });
    expect(after.messagesToday).toBe(before.messagesToday + 1);
  });
});
