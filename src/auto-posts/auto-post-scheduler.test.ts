import { describe, expect, it } from 'vitest';
import type { EnqueueOptions, JobQueue } from '../jobs/job-queue.js';
import { createLogger } from '../logger.js';
import { testClock } from '../providers/simulator/testing.js';
import { AutoPostScheduler } from './auto-post-scheduler.js';

function recorder() {
  const jobs: { name: string; payload: unknown; opts: EnqueueOptions }[] = [];
  const queue = {
    enqueue: async (name: string, payload: unknown, opts: EnqueueOptions = {}) => {
      jobs.push({ name, payload, opts });
      return String(jobs.length);
    },
  } as unknown as JobQueue;
  return { jobs, queue };
}

describe('the auto-post scheduler', () => {
  it('wakes a post at its instant, one job per instant', async () => {
    const clock = testClock(Date.UTC(2026, 0, 15, 9, 59, 58, 500));
    const { jobs, queue } = recorder();
    const s = new AutoPostScheduler(queue, { due: async () => [] }, createLogger('silent'), clock);
    await s.wake({ id: 'p1', next_run_at: '2026-01-15T10:00:00.000Z' });
    await s.wake({ id: 'p1', next_run_at: null });
    clock.advance(5_000);
    await s.wake({ id: 'p1', next_run_at: '2026-01-15T10:00:00.000Z' });
    expect(jobs).toEqual([
      {
        name: 'publish-post',
        payload: { autoPostId: 'p1' },
        opts: { delayMs: 1_500, uniqueKey: `auto-post:p1:${Date.UTC(2026, 0, 15, 10)}` },
      },
      // overdue: now, under the same key (a job still waiting for that instant keeps it)
      {
        name: 'publish-post',
        payload: { autoPostId: 'p1' },
        opts: { delayMs: 0, uniqueKey: `auto-post:p1:${Date.UTC(2026, 0, 15, 10)}` },
      },
    ]);
  });

  it('sweeps rows whose work was due before the grace period', async () => {
    const clock = testClock(Date.UTC(2026, 0, 15, 10, 1, 0));
    const { jobs, queue } = recorder();
    let asked = '';
    const due = async (before: string) => {
      asked = before;
      return [{ id: 'p2', next_run_at: '2026-01-15T10:00:00.000Z' }];
    };
    const s = new AutoPostScheduler(queue, { due }, createLogger('silent'), clock);
    expect(await s.sweep()).toBe(1);
    expect(asked).toBe('2026-01-15T10:00:30.000Z');
    expect(jobs.map((j) => j.opts.uniqueKey)).toEqual([`auto-post:p2:${Date.UTC(2026, 0, 15, 10)}`]);
  });
});
