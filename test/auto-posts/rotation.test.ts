import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/db.js';
import { type PostView, type PublishingRig, startPublishingRig } from './setup.js';

// A rotation: one product a day at 10:00 Kyiv time, in turn, passing over what is out of stock.
// Slots are days apart, so each post is sent out with publish-now (which keeps its slot).

describe.each(dialects)('auto-post rotation on %s', (dialect) => {
  let r: PublishingRig;
  beforeAll(async () => {
    r = await startPublishingRig(dialect);
  });
  afterAll(() => r.close());

  const pendingOf = async (seriesId: string): Promise<PostView[]> =>
    (await r.api('GET', `/api/v1/auto-posts?seriesId=${seriesId}&status=pending`)).body.items;
  const sendNow = async (seriesId: string, status: string) => {
    const [next] = await pendingOf(seriesId);
    if (!next) throw new Error('the rotation has no pending post');
    expect((await r.api('POST', `/api/v1/auto-posts/${next.id}/publish-now`)).status).toBe(202);
    return r.until(next.id, status);
  };

  it('posts the products in turn at the slot time, skipping those out of stock', async () => {
    const a = await r.product({ name: 'Сукня A' });
    const b = await r.product({ name: 'Сукня B', inStock: false });
    const c = await r.product({ name: 'Сукня C' });
    const created = await r.api('POST', '/api/v1/auto-post-series', {
      accountId: r.accountId,
      name: 'Щодня о 10:00',
      productIds: [a, b, c],
      captionTemplate: '{product_name}',
      timeOfDay: '10:00',
      timezone: 'Europe/Kyiv',
    });
    expect(created.status).toBe(201);
    const seriesId = created.body.id;
    const [first] = await pendingOf(seriesId);
    expect(first?.productId).toBe(a);
    // 10:00 in Kyiv is 07:00 or 08:00 UTC; the first slot is the next one after now
    const slot = new Date(first?.scheduledAt ?? '');
    expect([7, 8]).toContain(slot.getUTCHours());
    expect([slot.getUTCMinutes(), slot.getUTCSeconds()]).toEqual([0, 0]);
    expect(slot.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);

    const one = await sendNow(seriesId, 'published');
    expect([one.productId, one.caption, one.scheduledAt]).toEqual([a, 'Сукня A', first?.scheduledAt]);
    // the next slot, a day later, with the next product in stock (B is passed over)
    const [second] = await pendingOf(seriesId);
    expect(second?.productId).toBe(c);
    expect(Date.parse(second?.scheduledAt ?? '') - slot.getTime()).toBe(86_400_000);

    // stock is checked again when the slot comes: C sold out meanwhile, so A goes instead
    await r.api('PATCH', `/api/v1/products/${c}`, { inStock: false });
    const two = await sendNow(seriesId, 'published');
    expect([two.productId, two.caption]).toEqual([a, 'Сукня A']);

    // nothing in stock: the slot is skipped, and the rotation goes on
    await r.api('PATCH', `/api/v1/products/${a}`, { inStock: false });
    const three = await sendNow(seriesId, 'skipped');
    expect(three.errorCode).toBe('out_of_stock');
    const [fourth] = await pendingOf(seriesId);
    expect(Date.parse(fourth?.scheduledAt ?? '') - Date.parse(three.scheduledAt)).toBe(86_400_000);

    // deleting the series removes its planned post; published posts stay
    expect((await r.api('DELETE', `/api/v1/auto-post-series/${seriesId}`)).status).toBe(204);
    expect(await pendingOf(seriesId)).toEqual([]);
    expect((await r.get(one.id)).status).toBe('published');
  });
});
