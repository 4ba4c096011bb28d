import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../src/providers/simulator/testing.js';
import { eventually } from '../support/app.js';
import { dialects } from '../support/db.js';
import { containerCalls, type PublishingRig, startPublishingRig } from './setup.js';

// Auto-posts end to end: the API, the publish-post job and the simulator playing Instagram.

describe.each(dialects)('auto-post publishing on %s', (dialect) => {
  let r: PublishingRig;
  let productId: string;
  beforeAll(async () => {
    r = await startPublishingRig(dialect);
    productId = await r.product();
  });
  afterAll(() => r.close());

  const publishesOf = (containerId: string | null) =>
    r.sim.state.publishCalls.filter((c) => c.creationId === containerId && c.ok);

  it('publishes a scheduled post once, at its second, rendering the caption with the price of that moment', async () => {
    const hook = await startWebhookReceiver();
    await r.api('POST', '/api/v1/outbound-webhooks', { url: hook.url, eventTypes: ['post.published'] });
    const scheduledAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toISOString();
    const created = await r.post({
      productId,
      captionTemplate: '🎁 {product_name} - {product_price}₴\n{hashtags}',
      locale: 'uk-UA',
      scheduledAt,
      firstComment: 'Пишіть у Direct 💬',
    });
    expect(created).toMatchObject({ status: 'pending', scheduledAt, igMediaId: null });
    // the price changes after scheduling: the post shows the new one
    expect((await r.api('PATCH', `/api/v1/products/${productId}`, { price: '1499.00' })).status).toBe(200);
    const before = containerCalls(r.sim).length;

    const post = await r.until(created.id, 'published');
    const creations = containerCalls(r.sim).slice(before);
    expect(creations).toHaveLength(1);
    // never early; and at its second, not at some later sweep (the bound only rules out "within the hour")
    expect(creations[0]?.at).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    expect(creations[0]?.at).toBeLessThan(Date.parse(scheduledAt) + 10_000);
    expect(post.caption).toMatch(/^🎁 Сукня «Полтава» - 1\s499₴\n#сукня #льон$/);
    expect(publishesOf(post.steps.containerId)).toHaveLength(1);
    const media = r.sim.state.media.get(post.igMediaId ?? '');
    expect(media).toMatchObject({ caption: post.caption, productType: 'FEED', mediaType: 'IMAGE' });
    expect(post.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\/[\w-]+\/$/);
    expect(Date.parse(post.publishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    const comments = [...r.sim.state.comments.values()].filter((c) => c.mediaId === post.igMediaId);
    expect(comments.map((c) => [c.id, c.text])).toEqual([[post.firstCommentId, 'Пишіть у Direct 💬']]);
    // in the gallery at once, not at the next 2-hourly sync
    const gallery = (await r.api('GET', `/api/v1/posts?accountId=${r.accountId}`)).body.items;
    expect(gallery.find((g: { igMediaId: string }) => g.igMediaId === post.igMediaId)).toMatchObject({
      caption: post.caption,
      permalink: post.permalink,
      mediaType: 'IMAGE',
    });

    await hook.waitFor(1);
    const event = hook.received[0]?.json as { type: string; data: { id: string; igMediaId: string } };
    expect(event).toMatchObject({ type: 'post.published', data: { id: post.id, igMediaId: post.igMediaId } });
    await hook.close();
  });

  it('polls a container IN_PROGRESS until FINISHED, then publishes', async () => {
    r.sim.settings.containerPolls = 2;
    try {
      const created = await r.post({ productId, caption: 'Нова колекція' });
      const post = await r.until(created.id, 'published');
      const reads = r.sim.calls({ method: 'GET', path: new RegExp(`^/${post.steps.containerId}$`) });
      expect(reads.map((c) => c.status)).toEqual([200, 200, 200]);
      expect(post.steps.polls).toBe(3);
      expect(publishesOf(post.steps.containerId)).toHaveLength(1);
    } finally {
      r.sim.settings.containerPolls = 0;
    }
  });

  it('fails with a readable reason when a container ends in ERROR or EXPIRED, publishing nothing', async () => {
    r.sim.faults.containerOutcome('ERROR');
    const broken = await r.until((await r.post({ productId, caption: 'a' })).id, 'failed');
    expect(broken).toMatchObject({
      errorCode: 'container_error',
      errorMessage: 'Instagram could not publish the media (error 2207082)',
    });
    r.sim.faults.containerOutcome('EXPIRED');
    const expired = await r.until((await r.post({ productId, caption: 'b' })).id, 'failed');
    expect(expired.errorCode).toBe('container_expired');
    expect(expired.errorMessage).toMatch(/expired before it was published/);
    expect([...publishesOf(broken.steps.containerId), ...publishesOf(expired.steps.containerId)]).toEqual([]);
  });

  it('holds a post while the 24 h publishing limit is used up, and publishes it when quota frees', async () => {
    r.sim.settings.publishingQuota = 0;
    const created = await r.post({ productId, caption: 'Чекає на квоту' });
    const held = await r.until(created.id, 'held');
    expect(held.errorCode).toBe('publishing_limit_reached');
    expect(held.errorMessage).toMatch(/allows 0 posts through its API per 24 hours.*tried again at/);
    expect(r.sim.state.publishCalls.filter((c) => c.creationId === held.steps.containerId)).toEqual([]);
    r.sim.settings.publishingQuota = 100;
    // its own retry is an hour away: publish-now takes it (even while that run is letting go of it)
    expect((await r.api('POST', `/api/v1/auto-posts/${created.id}/publish-now`)).status).toBe(202);
    const post = await r.until(created.id, 'published');
    expect(post.errorCode).toBeNull();
    expect(publishesOf(post.steps.containerId)).toHaveLength(1);
  });

  it('after a server error on media_publish, checks the container and Instagram before publishing once', async () => {
    r.sim.faults.serverError(1, 500, { path: '/media_publish$', method: 'POST' });
    const created = await r.post({ productId, caption: 'Після помилки' });
    const post = await r.until(created.id, 'published');
    const tries = r.sim
      .calls({ method: 'POST', path: /\/media_publish$/ })
      .filter((c) => c.params.creation_id === post.steps.containerId);
    expect(tries.map((c) => c.status)).toEqual([500, 200]);
    expect(publishesOf(post.steps.containerId)).toHaveLength(1);
    // between the two: the container's status and the account's newest media were read (the
    // inbox's once-a-minute conversation polling may run meanwhile: not publishing's calls)
    const between = r.sim
      .calls()
      .filter((c) => c.seq > (tries[0]?.seq ?? 0) && c.seq < (tries[1]?.seq ?? 0))
      .filter((c) => !c.path.endsWith('/conversations'));
    expect(between.map((c) => `${c.method} ${c.path.replace(/\d+/g, 'N')}`)).toEqual([
      'GET /N',
      'GET /N/media',
      'GET /N/content_publishing_limit',
    ]);
  });

  it('says why when Instagram cannot fetch the media (2207052)', async () => {
    r.sim.faults.failNext(1, {
      path: '/media$',
      method: 'POST',
      code: 9004,
      subcode: 2207052,
      message: 'Only photo or video can be accepted as media type.',
    });
    const own = await r.product({ imageUrls: ['https://cdn.example/broken.jpg'] });
    const post = await r.until((await r.post({ productId: own, caption: 'c' })).id, 'failed');
    expect(post.errorCode).toBe('media_rejected');
    expect(post.errorMessage).toMatch(/^Instagram could not fetch the media from its URL; it must be public/);
    // fixed in the catalogue, then "publish now": the product's image of now goes out
    await r.api('PATCH', `/api/v1/products/${own}`, { imageUrls: ['https://cdn.example/fixed.jpg'] });
    const before = containerCalls(r.sim).length;
    expect((await r.api('POST', `/api/v1/auto-posts/${post.id}/publish-now`)).status).toBe(202);
    const retried = await r.until(post.id, 'published');
    expect(
      containerCalls(r.sim)
        .slice(before)
        .map((c) => c.params.image_url),
    ).toEqual(['https://cdn.example/fixed.jpg']);
    expect([retried.errorCode, retried.media]).toEqual([null, null]);
  });

  it('refuses media Instagram cannot download before trying', async () => {
    const res = await r.api('POST', '/api/v1/auto-posts', {
      accountId: r.accountId,
      media: [{ type: 'image', url: 'http://192.168.1.20/photo.jpg' }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'media_not_public' });
    expect(res.body.message).toMatch(/192\.168\.1\.20 is a local or private address/);
  });

  it("gives Meta a fresh link to an uploaded image, on PUBLIC_URL, that serves the file's bytes", async () => {
    const bytes = randomBytes(3000);
    const uploaded = await r.t.app.http.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { authorization: `Bearer ${r.t.token}`, 'content-type': 'image/jpeg' },
      payload: bytes,
    });
    expect(uploaded.statusCode).toBe(201);
    const { id, url } = uploaded.json();
    const before = containerCalls(r.sim).length;
    const post = await r.until((await r.post({ media: [{ type: 'image', url }] })).id, 'published');
    const sent = new URL(String(containerCalls(r.sim).slice(before)[0]?.params.image_url));
    expect(`${sent.origin}${sent.pathname}`).toBe(`https://relaydesk.example.com/api/v1/attachments/${id}`);
    // the upload's own link lasts 6 h; Meta's is signed anew at publishing, for 24 h
    expect(Number(sent.searchParams.get('exp')) * 1000 - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const file = await r.t.app.http.inject({ method: 'GET', url: `${sent.pathname}${sent.search}` });
    expect([file.statusCode, file.rawPayload.equals(bytes)]).toEqual([200, true]);
    // the post keeps what the user gave; what Meta got is only in the container call
    expect(post.media).toEqual([{ type: 'image', url }]);

    const foreign = await r.api('POST', '/api/v1/auto-posts', {
      accountId: r.accountId,
      media: [{ type: 'image', url: '/api/v1/attachments/0190aaaa-0000-7000-8000-000000000000?exp=1&sig=x' }],
    });
    expect([foreign.status, foreign.body.error]).toEqual([422, 'media_not_public']);
    expect(foreign.body.message).toMatch(/no longer exists in this workspace/);
    expect(foreign.body.message).not.toMatch(/sig=/);
  });

  it('publishes a carousel of three: items first, each finished, then the album', async () => {
    const three = await r.product({
      name: 'Лляний костюм',
      imageUrls: ['https://cdn.example/s1.jpg', 'https://cdn.example/s2.jpg', 'https://cdn.example/s3.jpg'],
    });
    const before = containerCalls(r.sim).length;
    const post = await r.until((await r.post({ productId: three, mediaType: 'carousel' })).id, 'published');
    const calls = containerCalls(r.sim).slice(before);
    expect(calls.map((c) => c.params.is_carousel_item ?? c.params.media_type)).toEqual([
      'true',
      'true',
      'true',
      'CAROUSEL',
    ]);
    expect(post.steps.childContainerIds).toHaveLength(3);
    const media = r.sim.state.media.get(post.igMediaId ?? '');
    expect(media?.mediaType).toBe('CAROUSEL_ALBUM');
    expect(media?.children.map((id) => r.sim.state.media.get(id)?.mediaUrl)).toEqual([
      'https://cdn.example/s1.jpg',
      'https://cdn.example/s2.jpg',
      'https://cdn.example/s3.jpg',
    ]);
  });

  it('publishes a reel with its cover and a story', async () => {
    const before = containerCalls(r.sim).length;
    const reel = await r.post({
      media: [{ type: 'video', url: 'https://cdn.example/try-on.mp4' }],
      mediaType: 'reel',
      coverUrl: 'https://cdn.example/cover.jpg',
      shareToFeed: false,
      caption: 'Примірка',
    });
    const story = await r.post({ productId, mediaType: 'story' });
    const [reelDone, storyDone] = [await r.until(reel.id, 'published'), await r.until(story.id, 'published')];
    const params = containerCalls(r.sim)
      .slice(before)
      .map((c) => c.params);
    expect(params).toContainEqual(
      expect.objectContaining({
        media_type: 'REELS',
        video_url: 'https://cdn.example/try-on.mp4',
        cover_url: 'https://cdn.example/cover.jpg',
        share_to_feed: 'false',
      }),
    );
    expect(params).toContainEqual({ media_type: 'STORIES', image_url: 'https://cdn.example/poltava-1.jpg' });
    expect(r.sim.state.media.get(reelDone.igMediaId ?? '')?.productType).toBe('REELS');
    expect(r.sim.state.media.get(storyDone.igMediaId ?? '')?.productType).toBe('STORY');
  });

  it('cancels and reschedules only while pending', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const created = await r.post({ productId, caption: 'Пізніше', scheduledAt: later });
    const moved = new Date(Date.now() + 7_200_000).toISOString();
    const rescheduled = await r.api('PATCH', `/api/v1/auto-posts/${created.id}`, { scheduledAt: moved });
    expect(rescheduled.body).toMatchObject({ status: 'pending', scheduledAt: moved });
    const cancelled = await r.api('POST', `/api/v1/auto-posts/${created.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/auto-posts/${created.id}`, { scheduledAt: later }],
      ['POST', `/api/v1/auto-posts/${created.id}/cancel`, undefined],
      ['POST', `/api/v1/auto-posts/${created.id}/publish-now`, undefined],
    ] as const) {
      const res = await r.api(method, url, body);
      expect([res.status, res.body.error]).toEqual([409, 'auto_post_not_pending']);
    }
    const published = await r.until((await r.post({ productId, caption: 'd' })).id, 'published');
    const late = await r.api('PATCH', `/api/v1/auto-posts/${published.id}`, { scheduledAt: later });
    expect([late.status, late.body.error]).toEqual([409, 'auto_post_not_pending']);
  });

  it('rejects an unknown template variable when the post is saved', async () => {
    const res = await r.api('POST', '/api/v1/auto-posts', {
      accountId: r.accountId,
      productId,
      captionTemplate: '{product_name} за {prise}',
    });
    expect([res.status, res.body.error]).toEqual([422, 'caption_template_invalid']);
    const locale = await r.api('POST', '/api/v1/auto-posts', {
      accountId: r.accountId,
      productId,
      captionTemplate: '{product_price}',
      locale: 'not a locale',
    });
    expect([locale.status, locale.body.details.issues[0].path]).toEqual([400, 'body.locale']);
  });

  it('keeps a post published when only its first comment fails, and says so', async () => {
    r.sim.faults.failNext(1, { path: '/comments$', method: 'POST', code: 100, message: 'Comments are off' });
    const created = await r.post({ productId, caption: 'Без коментаря', firstComment: 'Пишіть нам' });
    const post = await r.until(created.id, 'published');
    expect(post.errorCode).toBe('first_comment_failed');
    expect(post.errorMessage).toMatch(/^The post is published, but its first comment was not posted: /);
    expect(publishesOf(post.steps.containerId)).toHaveLength(1);
    // posted at most once: the failed attempt is not repeated
    const tries = r.sim.calls({ method: 'POST', path: new RegExp(`^/${post.igMediaId}/comments$`) });
    expect(tries).toHaveLength(1);
  });

  it('fails a post whose product was deleted before its time, creating nothing', async () => {
    const doomed = await r.product({ name: 'Знято з продажу' });
    const scheduledAt = new Date(Date.now() + 1500).toISOString();
    const created = await r.post({ productId: doomed, captionTemplate: '{product_name}', scheduledAt });
    expect((await r.api('DELETE', `/api/v1/products/${doomed}`)).status).toBe(204);
    const before = containerCalls(r.sim).length;
    const post = await r.until(created.id, 'failed');
    expect([post.errorCode, post.errorMessage]).toEqual([
      'product_unavailable',
      'The product of this post was deleted',
    ]);
    expect(containerCalls(r.sim).length).toBe(before);
  });

  it('marks the account when Instagram refuses its token', async () => {
    r.sim.faults.revokeToken(r.igUserId);
    const post = await r.until((await r.post({ productId, caption: 'e' })).id, 'failed');
    expect(post.errorCode).toBe('token_invalid');
    const account = await eventually(async () => {
      const a = (await r.api('GET', '/api/v1/accounts')).body.items.find(
        (x: { id: string }) => x.id === r.accountId,
      );
      return a.status === 'token_expired' ? a : null;
    });
    expect(account.status).toBe('token_expired');
    // what falls due on an account that cannot publish fails at once, without calling Instagram
    const calls = r.sim.calls().length;
    const next = await r.until((await r.post({ productId, caption: 'f' })).id, 'failed');
    expect(next.errorCode).toBe('account_unavailable');
    expect(next.errorMessage).toMatch(/disconnected or its token was refused; reconnect it/);
    expect(r.sim.calls().length).toBe(calls);
  });
});
