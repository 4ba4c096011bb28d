import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, info, reportFigures } from '../support/figures.js';
import { type KeywordShop, startKeywordShop, until } from '../support/keyword-shop.js';
import type { Service } from '../support/services.js';

// Two instances on PostgreSQL and Redis while customers keep writing. Redis goes away (and comes
// back empty, as a restarted Redis without persistence does), then PostgreSQL goes away and comes
// back. While a dependency is gone the instances say so on /readyz (a load balancer stops sending
// them traffic) and refuse what they cannot store, so Meta retries it; once it is back they are
// ready again by themselves, and every delivery they acknowledged, before, during or after, is
// processed and answered exactly once.

let shop: KeywordShop;
beforeAll(async () => {
  shop = await startKeywordShop({ instances: 2 });
});
afterAll(async () => shop?.close());

async function readiness(): Promise<number[]> {
  return Promise.all(
    shop.so.instances.map(async (i) => {
      try {
        return (await fetch(`${i.url}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
      } catch {
        return 0;
      }
    }),
  );
}

/** customers write the whole time `outage` runs; returns the deliveries acknowledged with 200 */
async function underLoad(outage: () => Promise<void>) {
  const acked: ReturnType<KeywordShop['customerDelivery']>[] = [];
  const refused = new Map<number, number>();
  let stop = false;
  const client = async () => {
    while (!stop) {
      const d = shop.customerDelivery();
      const status = await shop.post(shop.so.url, d);
      if (status === 200) acked.push(d);
      else refused.set(status, (refused.get(status) ?? 0) + 1);
      // a steady stream (about 100 a second over the clients), not a flood
      await new Promise((r) => setTimeout(r, status === 200 ? 50 : 200));
    }
  };
  const clients = Array.from({ length: 6 }, client);
  await new Promise((r) => setTimeout(r, 1_000));
  await outage();
  await new Promise((r) => setTimeout(r, 1_000));
  stop = true;
  await Promise.all(clients);
  console.log(
    `under load: ${acked.length} acknowledged, refused ${JSON.stringify(Object.fromEntries(refused))}`,
  );
  return { acked, refused };
}

async function outage(service: Service) {
  await service.interrupt();
  await until(
    'every instance to report not ready',
    async () => (await readiness()).every((s) => s === 503),
    30_000,
  );
  await new Promise((r) => setTimeout(r, 2_000)); // down for a while, under load
  await service.resume();
  await until(
    'every instance to be ready again',
    async () => (await readiness()).every((s) => s === 200),
    60_000,
  );
}

const figures = (lost: string, acked: number, refused: Map<number, number>, once: number) => [
  info(`deliveries acknowledged while ${lost} stopped and restarted`, acked),
  info(`deliveries refused with 503 meanwhile (${lost})`, refused.get(503) ?? 0),
  all(`acknowledged deliveries answered once (${lost})`, once, acked, 'acknowledged'),
];

describe('losing a dependency under load', () => {
  it('Redis: not ready while it is gone, then every acknowledged delivery answered once', async () => {
    const { acked, refused } = await underLoad(() => outage(shop.so.redis));
    expect(acked.length).toBeGreaterThan(20);
    // The database is the source of truth: a delivery accepted while Redis was gone waits for the
    // sweeper, which re-enqueues it once the queue is back.
    const once = await shop.expectAnsweredOnce(acked, 180_000);
    expect([...refused.keys()].filter((s) => s !== 503 && s !== 0)).toEqual([]);
    reportFigures('dependency-loss', figures('Redis', acked.length, refused, once));
  });

  it('PostgreSQL: not ready and refusing while it is gone, then every acknowledged delivery answered once', async () => {
    const { acked, refused } = await underLoad(() => outage(shop.so.postgres));
    expect(acked.length).toBeGreaterThan(20);
    // Nothing can be stored without the database: refused with 503, so Meta sends it again.
    expect(refused.get(503) ?? 0).toBeGreaterThan(0);
    expect([...refused.keys()].filter((s) => s !== 503 && s !== 0)).toEqual([]);
    const once = await shop.expectAnsweredOnce(acked, 180_000);
    reportFigures('dependency-loss', figures('PostgreSQL', acked.length, refused, once));
  });
});
