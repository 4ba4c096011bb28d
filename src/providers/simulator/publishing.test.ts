import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GraphCaller, graphCaller, shapeOf, startTestSimulator } from './testing.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));

describe('simulated content publishing', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let graph: GraphCaller;
  let userId: string;
  beforeEach(async () => {
    t = await startTestSimulator({ settings: { containerPolls: 2 } });
    const created = t.sim.createAccount({ username: 'acme.studio' });
    userId = created.account.userId;
    graph = graphCaller(t.sim, created.accessToken);
  });
  afterEach(() => t.close());

  const create = (params: Record<string, string>) =>
    graph.post<{ id: string }>(`/${userId}/media`, params, 'form');
  const status = (id: string) =>
    graph.get<{ status_code: string; status?: string }>(`/${id}`, { fields: 'id,status_code,status' });
  const publish = (id: string) =>
    graph.post<{ id: string }>(`/${userId}/media_publish`, { creation_id: id }, 'form');

  it('goes IN_PROGRESS → FINISHED → published once; the second publish is refused', async () => {
    const container = await create({
      image_url: 'https://cdn.example/dress.jpg',
      caption: 'Сукня «Полтава»',
    });
    expect(shapeOf(container.body)).toEqual(shapeOf(fixture('media_container_create.doc.json')));
    const id = container.body.id;

    expect((await publish(id)).body).toEqual({
      error: {
        ...fixture('errors/publish_9007_2207027_media_not_ready.observed.json').error,
        fbtrace_id: expect.any(String),
      },
    });
    expect((await status(id)).body).toMatchObject({ status_code: 'IN_PROGRESS', id });
    expect((await status(id)).body.status_code).toBe('IN_PROGRESS');
    const done = await graph.get(`/${id}`, { fields: 'status_code' });
    expect(done.body).toEqual({ status_code: 'FINISHED', id });

    const published = await publish(id);
    expect(published.status).toBe(200);
    expect(shapeOf(published.body)).toEqual(shapeOf(fixture('media_publish.doc.json')));
    const again = await publish(id);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: 24, error_subcode: 2207008 } });
    expect((await status(id)).body.status_code).toBe('PUBLISHED');

    expect(t.sim.state.publishCalls.map((c) => [c.creationId, c.ok, c.error?.subcode])).toEqual([
      [id, false, 2207027],
      [id, true, undefined],
      [id, false, 2207008],
    ]);
    const media = await graph.get(`/${published.body.id}`, {
      fields: 'id,caption,media_type,media_product_type,owner,permalink,timestamp',
    });
    expect(media.body).toMatchObject({
      caption: 'Сукня «Полтава»',
      media_type: 'IMAGE',
      media_product_type: 'FEED',
      owner: { id: userId },
    });
    expect(String(media.body.permalink)).toMatch(/^https:\/\/www\.instagram\.com\/p\/[\w-]+\/$/);
    expect(String(media.body.timestamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
  });

  it('builds a carousel from finished item containers only', async () => {
    const items = [];
    for (const url of ['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg']) {
      items.push((await create({ image_url: url, is_carousel_item: 'true' })).body.id);
    }
    const early = await create({ media_type: 'CAROUSEL', children: items.join(','), caption: 'Два кольори' });
    expect(early.body).toMatchObject({ error: { code: 9007, error_subcode: 2207027 } });
    for (const id of items) for (let i = 0; i < 2; i++) await status(id);
    const tooFew = await create({ media_type: 'CAROUSEL', children: items[0] ?? '' });
    expect(tooFew.body).toMatchObject({ error: { code: 100, error_subcode: 2207028 } });
    const carousel = (
      await create({ media_type: 'CAROUSEL', children: items.join(','), caption: 'Два кольори' })
    ).body.id;
    for (let i = 0; i < 2; i++) await status(carousel);
    const published = await publish(carousel);
    const media = await graph.get<{ children: { data: { media_type: string }[] } }>(`/${published.body.id}`, {
      fields: 'media_type,caption,children{media_type,media_url}',
    });
    expect(media.body).toMatchObject({ media_type: 'CAROUSEL_ALBUM', caption: 'Два кольори' });
    expect(media.body.children.data.map((c) => c.media_type)).toEqual(['IMAGE', 'IMAGE']);
    expect((await publish(items[0] ?? '')).status).toBe(400);
  });

  it('lets a fault end containers in ERROR or EXPIRED, and expires them after 24 h anyway', async () => {
    t.sim.faults.containerOutcome('ERROR');
    const failed = (await create({ media_type: 'REELS', video_url: 'https://cdn.example/v.mp4' })).body.id;
    expect((await status(failed)).body).toMatchObject({
      status_code: 'ERROR',
      status: expect.stringMatching(/2207082/),
    });
    expect((await publish(failed)).body).toMatchObject({ error: { error_subcode: 2207032 } });

    const expiring = (await create({ image_url: 'https://cdn.example/a.jpg' })).body.id;
    t.sim.faults.containerOutcome('EXPIRED', { containerId: expiring });
    expect((await status(expiring)).body.status_code).toBe('EXPIRED');

    const slow = (await create({ image_url: 'https://cdn.example/b.jpg' })).body.id;
    t.clock.advance(24 * 3600_000);
    expect((await status(slow)).body.status_code).toBe('EXPIRED');
    expect((await publish(slow)).body).toMatchObject({ error: { code: 24, error_subcode: 2207008 } });
  });

  it('validates container parameters like Meta', async () => {
    expect((await create({ media_type: 'HOLOGRAM', image_url: 'x' })).body).toMatchObject({
      error: { error_subcode: 2207023 },
    });
    expect((await create({ caption: 'no url' })).body).toMatchObject({
      error: { code: 100, message: '(#100) The parameter image_url is required' },
    });
    expect((await create({ media_type: 'REELS' })).body).toMatchObject({
      error: { message: '(#100) The parameter video_url is required' },
    });
    expect((await create({ image_url: 'x', caption: 'a'.repeat(2201) })).body).toMatchObject({
      error: { code: 36004, error_subcode: 2207010 },
    });
  });

  it('counts published posts against the 24 h quota', async () => {
    t.sim.settings.publishingQuota = 1;
    t.sim.settings.containerPolls = 0;
    const limit = await graph.get(`/${userId}/content_publishing_limit`, { fields: 'quota_usage,config' });
    expect(shapeOf(limit.body)).toEqual(shapeOf(fixture('content_publishing_limit.doc.json')));
    expect(limit.body).toEqual({
      data: [{ quota_usage: 0, config: { quota_total: 1, quota_duration: 86400 } }],
    });
    await publish((await create({ image_url: 'https://cdn.example/1.jpg' })).body.id);
    expect((await graph.get(`/${userId}/content_publishing_limit`)).body).toEqual({
      data: [{ quota_usage: 1 }],
    });
    const over = await publish((await create({ image_url: 'https://cdn.example/2.jpg' })).body.id);
    expect(over.body).toMatchObject({ error: { code: 9, error_subcode: 2207042 } });
    t.clock.advance(24 * 3600_000 + 1);
    expect((await publish((await create({ image_url: 'https://cdn.example/3.jpg' })).body.id)).status).toBe(
      200,
    );
  });

  it('pages the media list with cursors, newest first', async () => {
    const seed = t.sim.seedDemo();
    const demo = graphCaller(t.sim, seed.accessToken);
    const first = await demo.get<{
      data: { id: string }[];
      paging: { cursors: { after: string }; next?: string };
    }>('/me/media', { limit: 5 });
    expect(shapeOf({ data: first.body.data, paging: { cursors: first.body.paging.cursors } })).toEqual(
      shapeOf(fixture('media_list_paging.doc.json')),
    );
    expect(first.body.data).toHaveLength(5);
    const next = new URL(first.body.paging.next ?? '');
    expect(next.searchParams.get('after')).toBe(first.body.paging.cursors.after);
    const seen = [...first.body.data.map((m) => m.id)];
    let after: string | undefined = first.body.paging.cursors.after;
    while (after) {
      const page: {
        body: { data: { id: string }[]; paging?: { cursors: { after: string }; next?: string } };
      } = await demo.get('/me/media', { limit: 5, after });
      seen.push(...page.body.data.map((m) => m.id));
      after = page.body.paging?.next ? page.body.paging.cursors.after : undefined;
    }
    expect(seen).toEqual(seed.media.map((m) => m.id));
    expect(new Set(seen).size).toBe(12);
  });

  it('deletes feed media but not stories, and turns comments off', async () => {
    const seed = t.sim.seedDemo();
    const demo = graphCaller(t.sim, seed.accessToken);
    const post = seed.media[0]?.id ?? '';
    expect((await demo.post(`/${post}`, { comment_enabled: 'false' }, 'form')).body).toEqual({
      success: true,
    });
    expect((await demo.get(`/${post}`, { fields: 'is_comment_enabled' })).body.is_comment_enabled).toBe(
      false,
    );
    const story = t.sim.state.addMedia({
      accountId: seed.account.userId,
      mediaType: 'IMAGE',
      productType: 'STORY',
      mediaUrl: '/__sim/img/s.svg',
      timestamp: t.clock(),
      likeCount: 0,
      commentsEnabled: false,
      children: [],
      isCarouselChild: false,
    });
    expect((await demo.del(`/${story.id}`)).body).toMatchObject({
      error: { code: -1, error_subcode: 2207073 },
    });
    const deleted = await demo.del(`/${post}`);
    expect(deleted.body).toEqual({ success: true, deleted_id: post });
    expect((await demo.get(`/${post}`)).body).toMatchObject({ error: { error_subcode: 33 } });
  });
});
