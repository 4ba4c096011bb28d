import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { graphCaller } from '../../src/providers/simulator/testing.js';
import { eventually } from '../support/app.js';
import { dialects } from '../support/db.js';
import { containerCalls, type PublishingRig, startPublishingRig } from './setup.js';

// Exactly once across a restart: every step is in the database before the next, so a second
// instance on the same database carries on where the first stopped, and a publish whose answer
// never arrived is found on Instagram instead of being made again.

describe.each(dialects)('auto-post publishing across a restart on %s', (dialect) => {
  let r: PublishingRig;
  let second: App | null = null;
  beforeAll(async () => {
    r = await startPublishingRig(dialect);
  });
  afterAll(async () => {
    await second?.stop();
    await r.close();
  });

  it('resumes between container creation and publish without publishing twice', async () => {
    const productId = await r.product();
    // Meta keeps processing: the first instance creates the containers and polls
    r.sim.settings.containerPolls = 1_000_000;
    const plain = await r.post({ productId, caption: 'Після перезапуску' });
    const lost = await r.post({ productId, caption: 'Відповідь загубилась' });
    const started = async (id: string) =>
      eventually(async () => {
        const p = await r.get(id);
        return p.steps.containerId ? p : null;
      });
    const [a, b] = [await started(plain.id), await started(lost.id)];
    // the first instance stops working (its in-flight run finishes, the queued polls stay in the database)
    await r.t.app.queue.stop();
    r.sim.settings.containerPolls = 0;

    // For `lost`, media_publish went through at Meta but the answer never reached us: the run had
    // committed publish_attempted_at before calling, then the process died.
    const meta = graphCaller(r.sim, r.accessToken);
    await meta.get(`/${b.steps.containerId}`, { fields: 'status_code' });
    const published = await meta.post<{ id: string }>(
      `/${r.igUserId}/media_publish`,
      { creation_id: b.steps.containerId },
      'form',
    );
    expect(published.status).toBe(200);
    await r.t.tdb.db
      .updateTable('auto_posts')
      .set({ publish_attempted_at: new Date().toISOString() })
      .where('id', '=', lost.id)
      .execute();

    second = await createApp(r.t.app.config, { logger: createLogger('silent') });
    await second.startWorker();
    const [donePlain, doneLost] = [await r.until(plain.id, 'published'), await r.until(lost.id, 'published')];

    for (const [before, after] of [
      [a, donePlain],
      [b, doneLost],
    ] as const) {
      expect(after.steps.containerId).toBe(before.steps.containerId);
      const calls = r.sim.state.publishCalls.filter((c) => c.creationId === before.steps.containerId);
      expect(calls.map((c) => c.ok)).toEqual([true]);
    }
    expect(doneLost.igMediaId).toBe(published.body.id);
    expect(donePlain.igMediaId).toBe(
      r.sim.state.publishCalls.find((c) => c.creationId === a.steps.containerId)?.mediaId,
    );
    // one container each: the second instance did not start over
    const captions = containerCalls(r.sim).map((c) => c.params.caption);
    expect(captions.filter((c) => c === 'Після перезапуску')).toHaveLength(1);
    expect(captions.filter((c) => c === 'Відповідь загубилась')).toHaveLength(1);
    expect(r.sim.state.media.get(doneLost.igMediaId ?? '')?.caption).toBe('Відповідь загубилась');
  });
});
