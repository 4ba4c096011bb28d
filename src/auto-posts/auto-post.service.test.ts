import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { AutoPostRepository } from './auto-post.repository.js';
import { AutoPostService } from './auto-post.service.js';
import { autoPostRow } from './auto-post.testing.js';
import type { AutoPostInput } from './auto-post-input.js';

// "Publish now" on a held post whose run is still letting go of it: the run has written `held`
// (so the dashboard shows the button) but holds the row for a moment more. The click must land
// once the run lets go, not answer "only a held post can be published now" about a held post.
// The database is real; the queue and the event bus are the edges, recorded.

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(dialects)('auto-post changes while a run holds the post, on %s', (dialect) => {
  let tdb: TestDatabase;
  let repo: AutoPostRepository;
  let wakes: (string | null)[];
  let service: AutoPostService;
  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new AutoPostRepository(tdb.db);
    wakes = [];
    const scheduler = { wake: async (p: { next_run_at: string | null }) => void wakes.push(p.next_run_at) };
    service = new AutoPostService(repo, {} as AutoPostInput, scheduler, { announce: () => {} }, Date.now);
  });
  afterEach(() => tdb.drop());

  const heldByRun = async () => {
    const t = Date.now();
    const p = autoPostRow(t, { status: 'held', next_run_at: iso(t + 3_600_000) });
    await repo.insert(p);
    expect(await repo.claim(p.id, iso(t), iso(t + 300_000))).toBeDefined();
    return p;
  };

  it('publishes a held post now once its run lets go', async () => {
    const p = await heldByRun();
    const clicked = service.publishNow('ws1', p.id);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await repo.release(p.id);
    const now = await clicked;
    expect(Date.parse(now.next_run_at ?? '')).toBeLessThanOrEqual(Date.now());
    expect(wakes).toEqual([now.next_run_at]);
  });

  it('says the run moved the post on, with its new status', async () => {
    const p = await heldByRun();
    const refused = expect(service.publishNow('ws1', p.id)).rejects.toMatchObject({
      code: 'auto_post_not_pending',
      details: { status: 'publishing' },
    });
    await repo.update(p.id, { status: 'publishing' });
    await repo.release(p.id);
    await refused;
    expect(wakes).toEqual([]);
  });

  it('says the post is being published when the run keeps it', async () => {
    const p = await heldByRun();
    await expect(service.cancel('ws1', p.id)).rejects.toMatchObject({ code: 'auto_post_publishing' });
    expect((await repo.findById(p.id))?.status).toBe('held');
  });
});
