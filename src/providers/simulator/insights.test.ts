import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GraphCaller, graphCaller, shapeOf, startTestSimulator } from './testing.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));
const DAY = 86_400_000;

type Insight = {
  name: string;
  values?: { value: number; end_time: string }[];
  total_value?: { value: number; breakdowns?: { results: { value: number }[] }[] };
};

describe('simulated insights', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let graph: GraphCaller;
  let userId: string;
  let postId: string;
  beforeEach(async () => {
    t = await startTestSimulator();
    const seed = t.sim.seedDemo();
    userId = seed.account.userId;
    postId = seed.media[0]?.id ?? '';
    graph = graphCaller(t.sim, seed.accessToken);
  });
  afterEach(() => t.close());

  it('rejects the metrics Meta retired in v22 (impressions, plays) with code 100', async () => {
    const account = await graph.get(`/${userId}/insights`, { metric: 'reach,impressions', period: 'day' });
    expect(account.status).toBe(400);
    expect(account.body).toMatchObject({
      error: {
        code: 100,
        type: 'OAuthException',
        message: expect.stringMatching(
          /^Starting from version 22 and above, the impressions metric is no longer supported/,
        ),
      },
    });
    const media = await graph.get(`/${postId}/insights`, { metric: 'plays' });
    expect(media.body).toMatchObject({
      error: { code: 100, message: expect.stringContaining('the plays metric is no longer supported') },
    });
    const older = await graph.get(`/${userId}/insights`, { metric: 'email_contacts', period: 'day' });
    expect(older.body).toMatchObject({
      error: {
        code: 100,
        message: expect.stringMatching(/^\(#100\) metric\[0\] must be one of the following values: reach, /),
      },
    });
  });

  it('demands metric_type=total_value for total-only metrics', async () => {
    const res = await graph.get(`/${userId}/insights`, { metric: 'reach,views,likes', period: 'day' });
    expect(res.body).toMatchObject({
      error: {
        code: 100,
        message:
          '(#100) The following metrics (views, likes) should be specified with parameter metric_type=total_value',
      },
    });
    expect((await graph.get(`/${userId}/insights`, { metric: 'reach' })).body).toMatchObject({
      error: { code: 100 },
    });
  });

  it("returns totals with breakdowns in Meta's shape, deterministic per day", async () => {
    const query = {
      metric: 'reach,views,total_interactions,likes,comments,shares,saves,replies',
      period: 'day',
      metric_type: 'total_value',
      breakdown: 'media_product_type',
    };
    const res = await graph.get<{ data: Insight[] }>(`/${userId}/insights`, query);
    expect(res.status).toBe(200);
    const reach = res.body.data[0];
    expect(shapeOf({ data: [reach] })).toEqual(
      shapeOf({ data: fixture('insights_account_reach_total_value.doc.json').data }),
    );
    const byName = Object.fromEntries(res.body.data.map((d) => [d.name, d.total_value?.value ?? -1]));
    expect(byName.total_interactions).toBe(
      ['likes', 'comments', 'shares', 'saves', 'replies'].reduce((s, m) => s + (byName[m] ?? 0), 0),
    );
    const parts = reach?.total_value?.breakdowns?.[0]?.results.reduce((s, r) => s + r.value, 0);
    expect(parts).toBe(reach?.total_value?.value);
    expect((await graph.get(`/${userId}/insights`, query)).body).toEqual(res.body);
  });

  it('returns a daily time series with end_time per complete day in the range', async () => {
    const until = Math.floor((t.clock() - 0) / 1000);
    const since = until - 7 * 86400;
    const res = await graph.get<{ data: Insight[]; paging: { next: string } }>(`/${userId}/insights`, {
      metric: 'reach,follower_count',
      period: 'day',
      since,
      until,
    });
    const values = res.body.data[0]?.values ?? [];
    expect(values).toHaveLength(7);
    for (const v of values) {
      expect(v.end_time).toMatch(/^\d{4}-\d\d-\d\dT07:00:00\+0000$/);
      expect(v.value).toBeGreaterThan(0);
    }
    expect(new URL(res.body.paging.next).searchParams.get('since')).toBe(String(until));
    const tooLong = await graph.get(`/${userId}/insights`, {
      metric: 'reach',
      period: 'day',
      since: until - 31 * 86400,
      until,
    });
    expect(tooLong.body).toMatchObject({ error: { code: 100 } });
    t.clock.advance(DAY);
    const shifted = await graph.get<{ data: Insight[] }>(`/${userId}/insights`, {
      metric: 'reach',
      period: 'day',
      since: since + 86400,
      until: until + 86400,
    });
    // days older than the 48 h lag are final; the two most recent ones kept growing meanwhile
    const later = shifted.body.data[0]?.values ?? [];
    expect(later.slice(0, 4)).toEqual(values.slice(1, 5));
    for (const i of [4, 5]) {
      expect(later[i]?.end_time).toBe(values[i + 1]?.end_time);
      expect(later[i]?.value).toBeGreaterThan(values[i + 1]?.value ?? 0);
    }
  });

  it('leaves out what Meta has no data for: days before the account existed, follower metrics under 100', async () => {
    const young = t.sim.createAccount({ username: 'young.shop', followersCount: 80 });
    const g = graphCaller(t.sim, young.accessToken);
    const until = Math.floor(t.clock() / 1000);
    const empty = await g.get<{ data: Insight[] }>(`/${young.account.userId}/insights`, {
      metric: 'reach,views',
      period: 'day',
      metric_type: 'total_value',
      since: until - 3 * 86400,
      until,
    });
    expect(empty.body.data).toEqual([]);
    const old = t.sim.createAccount({ username: 'old.shop', followersCount: 80, historyDays: 90 });
    expect(old.media.length).toBeGreaterThan(20);
    const res = await graphCaller(t.sim, old.accessToken).get<{ data: Insight[] }>(
      `/${old.account.userId}/insights`,
      {
        metric: 'reach,follows_and_unfollows',
        period: 'day',
        metric_type: 'total_value',
        since: until - 86400 * 80,
        until: until - 86400 * 79,
      },
    );
    expect(res.body.data.map((d) => d.name)).toEqual(['reach']);
    expect(res.body.data[0]?.total_value?.value).toBeGreaterThan(0);
  });

  it('rejects the reels play counts Meta retired with v22', async () => {
    const reel = t.sim.state.mediaOf(userId).find((m) => m.productType === 'REELS');
    for (const metric of ['clips_replays_count', 'ig_reels_aggregated_all_plays_count']) {
      const res = await graph.get(`/${reel?.id}/insights`, { metric });
      expect(res.body).toMatchObject({
        error: { code: 100, message: expect.stringContaining(`the ${metric} metric is no longer supported`) },
      });
    }
  });

  it('gives media insights consistent with the post, and refuses metrics of another product type', async () => {
    const res = await graph.get<{ data: { name: string; period: string; values: { value: number }[] }[] }>(
      `/${postId}/insights`,
      { metric: 'reach,views,likes,comments,saved,shares,total_interactions' },
    );
    expect(res.status).toBe(200);
    const v = Object.fromEntries(res.body.data.map((d) => [d.name, d.values[0]?.value ?? -1]));
    const post = t.sim.state.media.get(postId);
    expect(v.likes).toBe(post?.likeCount);
    expect(v.comments).toBe(
      t.sim.state.commentsOf(postId).length +
        [...t.sim.state.comments.values()].filter((c) => c.mediaId === postId && c.parentId).length,
    );
    expect(v.total_interactions).toBe((v.likes ?? 0) + (v.comments ?? 0) + (v.saved ?? 0) + (v.shares ?? 0));
    expect(res.body.data[0]).toMatchObject({ period: 'lifetime', id: `${postId}/insights/reach/lifetime` });
    const story = await graph.get(`/${postId}/insights`, { metric: 'navigation' });
    expect(story.body).toMatchObject({
      error: {
        code: 100,
        message:
          '(#100) The Media Insights API does not support the navigation metric for this media product type.',
      },
    });
  });
});
