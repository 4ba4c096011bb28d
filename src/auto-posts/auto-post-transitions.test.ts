import { describe, expect, it } from 'vitest';
import { testClock } from '../providers/simulator/testing.js';
import type { AutoPostPatch, AutoPostRow } from './auto-post.repository.js';
import { autoPostRow } from './auto-post.testing.js';
import { AutoPostTransitions, MAX_ATTEMPTS, POLL_BOUND_MS, pollDelay } from './auto-post-transitions.js';
import { AutoPostWriter } from './auto-post-writer.js';

// The moves of a publishing run on a fake clock: what is written, and when the post is looked at
// again. The database, queue and event bus are the edges, recorded.

const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

function rig(oldestPublished: string | null = null) {
  const clock = testClock(T0);
  const writes: AutoPostPatch[] = [];
  const wakes: (string | null)[] = [];
  const settled: AutoPostRow[] = [];
  const writer = new AutoPostWriter(
    { update: async (_id, patch) => void writes.push(patch) },
    { wake: async (p) => void wakes.push(p.next_run_at) },
    { publish: () => {} },
    clock,
  );
  const t = new AutoPostTransitions(
    writer,
    { oldestPublishedSince: async () => oldestPublished },
    { run: async (p) => void settled.push(p) },
    clock,
  );
  return { clock, writes, wakes, settled, t };
}

const post = (over: Partial<AutoPostRow> = {}) => autoPostRow(T0, { status: 'publishing', ...over });

describe('auto-post transitions', () => {
  it('backs off status polls from 1 s to a minute', () => {
    expect(Array.from({ length: 13 }, (_, i) => pollDelay(i) / 1000)).toEqual([
      1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 60, 60, 60,
    ]);
  });

  it('polls again after the backoff, and fails the post once Meta took longer than the bound', async () => {
    const r = rig();
    const building = post({ containers_created_at: iso(T0), container_id: 'c1', polls: 4 });
    await r.t.pollLater(building, null);
    expect(r.writes.at(-1)).toMatchObject({ polls: 5, next_run_at: iso(T0 + 5_000) });
    expect(r.wakes).toEqual([iso(T0 + 5_000)]);

    r.clock.advance(POLL_BOUND_MS + 1);
    await r.t.pollLater({ ...building, polls: 9 }, null);
    expect(r.writes.at(-1)).toMatchObject({ status: 'failed', error_code: 'container_timeout' });
    expect(r.settled.map((p) => [p.status, p.error_message])).toEqual([
      ['failed', expect.stringMatching(/still processing the media after 15 minutes/)],
    ]);
  });

  it('retries a transient failure with backoff, then fails it; an unconfirmed publish says so', async () => {
    const r = rig();
    await r.t.retry(post({ attempts: 0 }), 'provider_unavailable', 'Meta is down', null);
    const next = Date.parse(r.writes.at(-1)?.next_run_at ?? '') - T0;
    // 5 s, ±20 % jitter
    expect(next).toBeGreaterThanOrEqual(4_000);
    expect(next).toBeLessThanOrEqual(6_000);
    expect(r.writes.at(-1)).toMatchObject({ attempts: 1, error_code: 'provider_unavailable' });

    await r.t.retry(post({ attempts: MAX_ATTEMPTS - 1 }), 'provider_unavailable', 'Meta is down', null);
    expect(r.writes.at(-1)).toMatchObject({ status: 'failed', error_code: 'provider_unavailable' });

    const attempted = post({ attempts: MAX_ATTEMPTS - 1, publish_attempted_at: iso(T0) });
    await r.t.retry(attempted, 'provider_unavailable', 'timeout', null);
    expect(r.writes.at(-1)).toMatchObject({ status: 'failed', error_code: 'publish_outcome_unknown' });
    expect(r.settled.at(-1)?.error_message).toMatch(/did not confirm the publish .*check the account/);
  });

  it('holds for quota until the oldest publish leaves the 24 h window, within a minute to an hour', async () => {
    const leaves = rig(iso(T0 - DAY + 10 * 60_000));
    await leaves.t.hold(post({ container_id: 'c1', children: '["k1"]' }), 'quota used up');
    expect(leaves.writes.at(-1)).toMatchObject({
      status: 'held',
      error_code: 'publishing_limit_reached',
      container_id: null,
      children: null,
      // 10 minutes until it leaves, and a minute's margin
      next_run_at: iso(T0 + 11 * 60_000),
    });
    expect(leaves.writes.at(-1)?.error_message).toBe(
      `quota used up; the post waits for quota and is tried again at ${iso(T0 + 11 * 60_000)}`,
    );
    const unknown = rig(null);
    await unknown.t.hold(post(), 'quota used up');
    expect(unknown.writes.at(-1)?.next_run_at).toBe(iso(T0 + 3_600_000));
    const almost = rig(iso(T0 - DAY));
    await almost.t.hold(post(), 'quota used up');
    expect(almost.writes.at(-1)?.next_run_at).toBe(iso(T0 + 60_000));
  });
});
