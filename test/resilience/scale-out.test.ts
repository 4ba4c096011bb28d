import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, info, none, reportFigures } from '../support/figures.js';
import { type KeywordShop, REPLY, startKeywordShop, until } from '../support/keyword-shop.js';
import { collectEvents } from '../support/sse.js';

// Three instances on one PostgreSQL and one Redis behind a load balancer (scripts/scale-out.ts, the
// README's example). Meta's deliveries reach any instance, and some reach two (Meta duplicates);
// each is processed once, the keyword rule answers each customer once, every dashboard sees every
// event whichever instance it is connected to, replies leave in order, a scheduled post goes out
// once, and neither kill -9 nor a graceful stop of one instance loses an acknowledged delivery.

describe('three instances on PostgreSQL and Redis', () => {
  let shop: KeywordShop;
  beforeAll(async () => {
    shop = await startKeywordShop();
  });
  afterAll(async () => shop?.close());

  it('processes each delivery once whichever instances receive it, and streams it to all', async () => {
    const { so, db, token, customerDelivery, post, expectAnsweredOnce } = shop;
    const streams = await Promise.all(so.instances.map((i) => collectEvents(i.url, token)));
    const deliveries = Array.from({ length: 120 }, customerDelivery);
    let once: number;
    try {
      // Through the balancer, and a second time straight to one of the instances (a duplicate).
      const statuses = await Promise.all(
        deliveries.flatMap((d, n) => [
          post(so.url, d),
          post((so.instances[n % so.instances.length] as { url: string }).url, d),
        ]),
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect([...so.balancer.counts().values()].filter((n) => n > 0).length).toBe(so.instances.length);
      once = await expectAnsweredOnce(deliveries);

      const inbound = await db.db
        .selectFrom('messages')
        .select('id')
        .where(
          'external_id',
          'in',
          deliveries.map((d) => d.mid),
        )
        .execute();
      await until(
        'every stream to see every message',
        () =>
          streams.every((s) => {
            const seen = new Set(
              s.events.filter((e) => e.type === 'message.created').map((e) => e.data.messageId),
            );
            return inbound.every((m) => seen.has(m.id));
          }),
        30_000,
      );
    } finally {
      for (const s of streams) s.stop();
    }
    reportFigures('scale-out', [
      all('deliveries posted to two of three instances, answered once', once, deliveries.length),
    ]);
  });

  it('sends the replies of one conversation in the order they were written', async () => {
    const { so, db, api, customerDelivery, post, sentTo, expectAnsweredOnce } = shop;
    const d = customerDelivery();
    expect(await post(so.url, d)).toBe(200);
    await expectAnsweredOnce([d]);
    const [conversation] = await db.db
      .selectFrom('conversations as c')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .select('c.id')
      .where('k.external_id', '=', d.igsid)
      .execute();
    const texts = Array.from({ length: 12 }, (_, i) => `відповідь №${i + 1}`);
    // One after another through the balancer: each request lands on the next instance.
    for (const text of texts)
      await api('POST', `/api/v1/conversations/${conversation?.id}/messages`, { text });
    await until('all replies', () => sentTo(d.igsid).length === texts.length + 1);
    expect(sentTo(d.igsid)).toEqual([REPLY, ...texts]);
  });

  it('publishes a scheduled post once', async () => {
    const { so, api } = shop;
    const { id: accountId } =
      (await api<{ items: { id: string }[] }>('GET', '/api/v1/accounts')).items[0] ?? {};
    const caption = `scale-out post ${Date.now()}`;
    const scheduledAt = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000).toISOString();
    const created = await api<{ id: string }>('POST', '/api/v1/auto-posts', {
      accountId,
      media: [{ type: 'image', url: 'https://cdn.example/scale-out.jpg' }],
      caption,
      scheduledAt,
    });
    await until('the post published', async () => {
      const p = await api<{ status: string }>('GET', `/api/v1/auto-posts/${created.id}`);
      return p.status === 'published';
    });
    await new Promise((r) => setTimeout(r, 3_000)); // the other instances' schedulers had their turn
    const containers = [...so.sim.state.containers.values()].filter((c) => c.caption === caption);
    expect(containers.length).toBe(1);
    const publishes = so.sim.calls({ method: 'POST', path: /media_publish$/ });
    expect(publishes.filter((c) => c.params.creation_id === containers[0]?.id).length).toBe(1);
  });

  it('keeps every acknowledged delivery when one of three is killed with kill -9', async () => {
    const { so, customerDelivery, post, expectAnsweredOnce } = shop;
    const acked: ReturnType<typeof customerDelivery>[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const d = customerDelivery();
        if ((await post(so.url, d)) === 200) acked.push(d);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 1_500));
    const victim = so.instances[0];
    await victim?.kill9(); // the balancer finds out the way nginx would: refused connections
    await new Promise((r) => setTimeout(r, 1_500));
    stop = true;
    await Promise.all(clients);
    expect(acked.length).toBeGreaterThan(50);
    // The killed instance's leased jobs are taken over by the survivors once their lease expires.
    const once = await expectAnsweredOnce(acked);
    reportFigures('scale-out', [
      info('deliveries acknowledged while one of three instances was killed -9', acked.length),
      all('of them answered once by the survivors', once, acked.length, 'acknowledged'),
    ]);
    // …and a replacement joins without ceremony.
    await so.addInstance();
    expect(so.instances.filter((i) => i.exitStatus() === null).length).toBe(3);
  });

  it('drains a gracefully stopped instance without losing a request', async () => {
    const { so, customerDelivery, post, expectAnsweredOnce } = shop;
    const acked: ReturnType<typeof customerDelivery>[] = [];
    const refused: number[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const d = customerDelivery();
        const status = await post(so.url, d);
        if (status === 200) acked.push(d);
        else refused.push(status);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 1_000));
    const leaving = so.instances.find((i) => i.exitStatus() === null);
    await leaving?.stop(); // SIGTERM: not ready (503), finish in-flight requests and jobs, exit
    await new Promise((r) => setTimeout(r, 1_000));
    stop = true;
    await Promise.all(clients);
    expect(leaving?.exitStatus()).toEqual({ code: 0, signal: null });
    expect(refused).toEqual([]);
    const once = await expectAnsweredOnce(acked);
    reportFigures('scale-out', [
      none('requests refused while an instance drained on SIGTERM', refused.length),
      all('deliveries acknowledged meanwhile, answered once', once, acked.length, 'acknowledged'),
    ]);
  });
});
