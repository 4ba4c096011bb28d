import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { newId } from '../db/ids.js';
import { AutoPostRepository, type AutoPostRow } from './auto-post.repository.js';
import { autoPostRow } from './auto-post.testing.js';

const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const row = (over: Partial<AutoPostRow> = {}) => autoPostRow(T0, { id: newId(), ...over });

describe.each(dialects)('auto-post repository on %s', (dialect) => {
  let tdb: TestDatabase;
  let repo: AutoPostRepository;
  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new AutoPostRepository(tdb.db);
  });
  afterEach(() => tdb.drop());

  it('lets one run hold a post at a time, and keeps API changes out while it does', async () => {
    const p = row();
    await repo.insert(p);
    const first = await repo.claim(p.id, iso(T0), iso(T0 + 300_000));
    expect(first?.id).toBe(p.id);
    expect(await repo.claim(p.id, iso(T0 + 1_000), iso(T0 + 301_000))).toBeUndefined();
    const cancel = { status: 'cancelled' as const };
    expect(await repo.updateIf('ws1', p.id, ['pending'], iso(T0 + 1_000), cancel)).toBeUndefined();
    expect(await repo.deleteIf('ws1', p.id, ['pending'], iso(T0 + 1_000))).toBe(false);
    // a crashed run's hold runs out
    expect((await repo.claim(p.id, iso(T0 + 300_001), iso(T0 + 600_000)))?.id).toBe(p.id);
    await repo.release(p.id);
    expect(await repo.updateIf('ws1', p.id, ['published'], iso(T0), cancel)).toBeUndefined();
    expect(await repo.updateIf('ws2', p.id, ['pending'], iso(T0), cancel)).toBeUndefined();
    expect((await repo.updateIf('ws1', p.id, ['pending'], iso(T0), cancel))?.status).toBe('cancelled');
  });

  it('finds due work oldest first, and nothing without a next run', async () => {
    const late = row({ next_run_at: iso(T0 - 60_000) });
    const now = row({ next_run_at: iso(T0) });
    await repo.insert(row({ next_run_at: iso(T0 + 60_000) }));
    await repo.insert(row({ next_run_at: null, status: 'published' }));
    await repo.insert(now);
    await repo.insert(late);
    expect((await repo.due(iso(T0), 10)).map((r) => r.id)).toEqual([late.id, now.id]);
    expect((await repo.due(iso(T0), 1)).map((r) => r.id)).toEqual([late.id]);
  });

  it('keeps one post per rotation slot', async () => {
    const slot = { series_id: 's1', scheduled_at: iso(T0 + 86_400_000) };
    expect(await repo.insertSlot(row(slot))).toBe(true);
    expect(await repo.insertSlot(row(slot))).toBe(false);
    expect(await repo.insertSlot(row({ ...slot, series_id: 's2' }))).toBe(true);
    // posts outside a rotation never collide
    expect(await repo.insertSlot(row({ scheduled_at: slot.scheduled_at }))).toBe(true);
    expect(await repo.insertSlot(row({ scheduled_at: slot.scheduled_at }))).toBe(true);
  });

  it('pages a workspace by scheduled time with filters', async () => {
    const rows = [3, 1, 2].map((h) => row({ scheduled_at: iso(T0 + h * 3_600_000) }));
    for (const r of rows) await repo.insert(r);
    await repo.insert(row({ workspace_id: 'ws2' }));
    await repo.insert(row({ status: 'failed', scheduled_at: iso(T0 + 3_600_000) }));
    const first = await repo.page('ws1', { status: 'pending', limit: 2 });
    expect(first.map((r) => r.scheduled_at)).toEqual([iso(T0 + 3_600_000), iso(T0 + 7_200_000)]);
    const last = first[1] as AutoPostRow;
    const next = await repo.page('ws1', {
      status: 'pending',
      limit: 2,
      after: { at: last.scheduled_at, id: last.id },
    });
    expect(next.map((r) => r.id)).toEqual([rows[0]?.id]);
    expect(
      await repo.page('ws1', { from: iso(T0 + 7_200_000), to: iso(T0 + 10_800_000), limit: 5 }),
    ).toHaveLength(1);
  });

  it('knows when the oldest publish of an account leaves the 24 h window', async () => {
    await repo.insert(row({ status: 'published', published_at: iso(T0 - 90_000_000), ig_media_id: 'm0' }));
    await repo.insert(row({ status: 'published', published_at: iso(T0 - 3_600_000), ig_media_id: 'm1' }));
    await repo.insert(row({ status: 'published', published_at: iso(T0 - 60_000), ig_media_id: 'm2' }));
    expect(await repo.oldestPublishedSince('acc1', iso(T0 - 86_400_000))).toBe(iso(T0 - 3_600_000));
    expect(await repo.oldestPublishedSince('acc2', iso(T0 - 86_400_000))).toBeNull();
    expect(await repo.mediaTaken('acc1', 'm1')).toBe(true);
    expect(await repo.mediaTaken('acc1', 'mX')).toBe(false);
  });
});
