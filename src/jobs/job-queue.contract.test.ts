import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/support/db.js';
import type { DialectName } from '../db/database.js';
import { createLogger } from '../logger.js';
import { BullmqJobQueue } from './bullmq-queue.js';
import {
  type JobDefinition,
  type JobHandlers,
  type JobName,
  type JobQueue,
  jobNames,
  type RetryPolicy,
} from './job-queue.js';
import { SqlJobQueue } from './sql-queue.js';

// One behaviour, three implementations: every test here runs against each target.

const logger = createLogger('silent');

interface Target {
  /** a new queue instance on the same store (a new instance = a restarted process) */
  open(): JobQueue;
  /** a clean store for the next test */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

async function sqlTarget(dialect: DialectName): Promise<Target> {
  const tdb = await createTestDatabase(dialect);
  return {
    // A one-minute poll: anything picked up within a test came from the wake-up on enqueue or
    // the timer of the earliest delayed job, not from polling.
    open: () => new SqlJobQueue({ db: tdb.db, dialect, logger, pollMs: 60_000 }),
    reset: async () => {
      await tdb.db.deleteFrom('jobs').execute();
    },
    dispose: () => tdb.drop(),
  };
}

async function bullmqTarget(): Promise<Target> {
  const fresh = () => `rdtest-${randomBytes(6).toString('hex')}`;
  let prefix = fresh();
  return {
    open: () => new BullmqJobQueue({ redisUrl: inject('redisUrl'), logger, prefix }),
    reset: async () => {
      prefix = fresh();
    },
    dispose: async () => {},
  };
}

const targets: [string, () => Promise<Target>][] = [
  ['embedded queue on sqlite', () => sqlTarget('sqlite')],
  ['embedded queue on postgres', () => sqlTarget('postgres')],
  ['bullmq on redis', bullmqTarget],
];

const quick: RetryPolicy = { attempts: 3, backoffMs: 10, maxBackoffMs: 40 };
const noop = { handler: async () => {}, retry: quick };

function handlers(over: Partial<{ [N in JobName]: JobDefinition<N> }> = {}): JobHandlers {
  // every job a no-op unless the test says otherwise (later features keep adding jobs)
  return { ...Object.fromEntries(jobNames.map((n) => [n, noop])), ...over } as JobHandlers;
}

async function until<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

describe.each(targets)('job queue contract: %s', (_label, makeTarget) => {
  let target: Target;
  const opened: JobQueue[] = [];
  const open = () => {
    const q = target.open();
    opened.push(q);
    return q;
  };
  const stateOf = async (q: JobQueue, id: string) => (await q.get(id))?.state;

  beforeAll(async () => {
    target = await makeTarget();
  });
  afterEach(async () => {
    for (const q of opened.splice(0).reverse()) await q.close();
    await target.reset();
  });
  afterAll(async () => target.dispose());

  it('picks up a newly enqueued job at once and hands the payload over intact', async () => {
    const q = open();
    const seen: unknown[] = [];
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async (p, ctx) => void seen.push({ p, id: ctx.id, attempt: ctx.attempt }),
          retry: quick,
        },
      }),
    );
    // the first job proves the worker is up (and outlives its start-up sweep) ...
    const warmUp = await q.enqueue('process-deliveries', { deliveryIds: ['d-0'] });
    await until(async () => (await stateOf(q, warmUp)) === 'completed', 'the first job completed');
    // ... so the second can only be picked up by the wake-up on enqueue (the poll is a minute)
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-1'] });
    await until(() => seen.length === 2, 'the job ran');
    expect(seen[1]).toEqual({ p: { deliveryIds: ['d-1'] }, id, attempt: 1 });
    await until(async () => (await stateOf(q, id)) === 'completed', 'completed');
    const info = await q.get(id);
    expect(info).toMatchObject({
      id,
      name: 'process-deliveries',
      payload: { deliveryIds: ['d-1'] },
      attempts: 1,
    });
    expect(info?.lastError).toBeNull();
    expect(info?.finishedAt).toEqual(expect.any(String));
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const q = open();
    const attempts: number[] = [];
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async (_p, ctx) => {
            attempts.push(ctx.attempt);
            if (ctx.attempt < 3) throw new Error(`flaky ${ctx.attempt}`);
          },
          retry: { attempts: 5, backoffMs: 10 },
        },
      }),
    );
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-2'] });
    await until(async () => (await stateOf(q, id)) === 'completed', 'completed after retries');
    expect(attempts).toEqual([1, 2, 3]);
    expect(await q.get(id)).toMatchObject({ attempts: 3, lastError: 'flaky 2' });
  });

  it('moves a job to dead after its last attempt, lists it, and runs it again after retry(id)', async () => {
    const q = open();
    let healed = false;
    const runs: number[] = [];
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async (_p, ctx) => {
            runs.push(ctx.attempt);
            if (!healed) throw new Error('boom');
          },
          retry: { attempts: 2, backoffMs: 10 },
        },
      }),
    );
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-3'] });
    await until(async () => (await stateOf(q, id)) === 'dead', 'dead');
    expect(runs).toEqual([1, 2]);
    expect(await q.get(id)).toMatchObject({ attempts: 2, lastError: 'boom', finishedAt: expect.any(String) });
    expect((await q.list('dead', 10)).map((j) => j.id)).toEqual([id]);
    expect((await q.counts()).dead).toBe(1);

    const done = await q.enqueue('route-unrouted', { accountId: 'a-1' });
    await until(async () => (await stateOf(q, done)) === 'completed', 'other job completed');
    expect(await q.retry(done)).toBe(false);
    expect(await q.retry(`${id}x`)).toBe(false);

    healed = true;
    expect(await q.retry(id)).toBe(true);
    await until(async () => (await stateOf(q, id)) === 'completed', 'completed after retry');
    expect(runs).toEqual([1, 2, 1]);
    expect((await q.counts()).dead).toBe(0);
  });

  it('does not run a delayed job before its delay', async () => {
    const q = open();
    let ranAt = 0;
    await q.start(
      handlers({
        'route-unrouted': {
          handler: async () => {
            ranAt = Date.now();
          },
          retry: quick,
        },
      }),
    );
    // once a job has run, the start-up sweep is over: only the delayed job's own timer can run it
    const warmUp = await q.enqueue('process-deliveries', { deliveryIds: ['d-0'] });
    await until(async () => (await stateOf(q, warmUp)) === 'completed', 'the first job completed');
    const t0 = Date.now();
    const id = await q.enqueue('route-unrouted', { accountId: 'a-2' }, { delayMs: 400 });
    expect(await stateOf(q, id)).toBe('delayed');
    await until(() => ranAt > 0, 'the delayed job ran');
    expect(ranAt - t0).toBeGreaterThanOrEqual(400);
  });

  it('keeps one pending job per uniqueKey and frees the key when it completes', async () => {
    const q = open();
    const first = await q.enqueue(
      'process-deliveries',
      { deliveryIds: ['d-4'] },
      { uniqueKey: 'delivery:d-4' },
    );
    const again = await q.enqueue(
      'process-deliveries',
      { deliveryIds: ['d-4'] },
      { uniqueKey: 'delivery:d-4' },
    );
    const sameTurn = await Promise.all(
      [1, 2, 3].map(() =>
        q.enqueue('process-deliveries', { deliveryIds: ['d-4'] }, { uniqueKey: 'delivery:d-4' }),
      ),
    );
    expect([again, ...sameTurn]).toEqual([first, first, first, first]);
    const other = await q.enqueue(
      'process-deliveries',
      { deliveryIds: ['d-5'] },
      { uniqueKey: 'delivery:d-5' },
    );
    expect(other).not.toBe(first);
    expect((await q.counts()).waiting).toBe(2);

    const release = gate();
    const runs: string[] = [];
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async (p) => {
            runs.push(p.deliveryIds[0] ?? '');
            await release.opened;
          },
          retry: quick,
          concurrency: 2,
        },
      }),
    );
    await until(async () => (await stateOf(q, first)) === 'active', 'active');
    // still pending while it runs
    expect(
      await q.enqueue('process-deliveries', { deliveryIds: ['d-4'] }, { uniqueKey: 'delivery:d-4' }),
    ).toBe(first);
    release.open();
    await until(async () => (await stateOf(q, first)) === 'completed', 'completed');
    expect(runs.sort()).toEqual(['d-4', 'd-5']);

    const later = await q.enqueue(
      'process-deliveries',
      { deliveryIds: ['d-4'] },
      { uniqueKey: 'delivery:d-4' },
    );
    expect(later).not.toBe(first);
    await until(async () => (await stateOf(q, later)) === 'completed', 'the new job completed');
  });

  it('runs a cron schedule every second, re-armed after each run', async () => {
    const q = open();
    await q.schedule('sweep-deliveries', '* * * * * *', {});
    let runs = 0;
    await q.start(
      handlers({
        'sweep-deliveries': {
          handler: async () => {
            runs++;
          },
          retry: quick,
        },
      }),
    );
    await until(() => runs >= 2, 'two scheduled runs (re-armed after the first)');
    await q.stop();
    const c = await q.counts();
    expect(c.delayed + c.waiting).toBe(1);
  });

  it('survives a restart: queued jobs and schedules carry over to the next process', async () => {
    const before = open();
    const id = await before.enqueue('process-deliveries', { deliveryIds: ['d-6'] });
    await before.schedule('sweep-deliveries', '0 0 * * *', {});
    await before.close();

    const after = open();
    // the app schedules again at every start: that must not add a second pending run
    await after.schedule('sweep-deliveries', '0 0 * * *', {});
    const seen: string[] = [];
    await after.start(
      handlers({
        'process-deliveries': { handler: async (p) => void seen.push(p.deliveryIds[0] ?? ''), retry: quick },
      }),
    );
    await until(async () => (await stateOf(after, id)) === 'completed', 'completed by the new process');
    expect(seen).toEqual(['d-6']);
    expect((await after.counts()).delayed).toBe(1);
  });

  it('stop() waits for the running job to finish', async () => {
    const q = open();
    let started = false;
    let finished = false;
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async () => {
            started = true;
            await new Promise((r) => setTimeout(r, 150));
            finished = true;
          },
          retry: quick,
        },
      }),
    );
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-7'] });
    await until(() => started, 'started');
    await q.stop();
    expect(finished).toBe(true);
    expect(await stateOf(q, id)).toBe('completed');
  });

  it('runs at most `concurrency` jobs of a name at once, and other names beside them', async () => {
    const q = open();
    const release = gate();
    let running = 0;
    let peak = 0;
    let other = false;
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async () => {
            peak = Math.max(peak, ++running);
            await release.opened;
            running--;
          },
          retry: quick,
          concurrency: 2,
        },
        'route-unrouted': {
          handler: async () => {
            other = true;
          },
          retry: quick,
        },
      }),
    );
    const ids = await Promise.all(
      [1, 2, 3, 4].map((n) => q.enqueue('process-deliveries', { deliveryIds: [`c-${n}`] })),
    );
    await until(() => running === 2, 'two running');
    await q.enqueue('route-unrouted', { accountId: 'a-3' });
    await until(() => other, 'another name ran while the first was saturated');
    expect((await q.counts()).waiting).toBe(2);
    release.open();
    for (const id of ids) await until(async () => (await stateOf(q, id)) === 'completed', 'all completed');
    expect(peak).toBe(2);
  });

  it('reports progress, counts, get and list', async () => {
    const q = open();
    const release = gate();
    await q.start(
      handlers({
        'process-deliveries': {
          handler: async (_p, ctx) => {
            await ctx.progress(40);
            await release.opened;
          },
          retry: quick,
        },
      }),
    );
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-8'] });
    const delayed = await q.enqueue('route-unrouted', { accountId: 'a-4' }, { delayMs: 60_000 });
    await until(async () => (await q.get(id))?.progress === 40, 'progress reported');
    expect(await q.counts()).toEqual({ waiting: 0, delayed: 1, active: 1, completed: 0, dead: 0 });
    expect((await q.list('active', 10)).map((j) => j.id)).toEqual([id]);
    expect((await q.list('delayed', 10)).map((j) => j.id)).toEqual([delayed]);
    release.open();
    await until(async () => (await stateOf(q, id)) === 'completed', 'completed');
    const [done] = await q.list('completed', 10);
    expect(done).toMatchObject({
      id,
      name: 'process-deliveries',
      state: 'completed',
      payload: { deliveryIds: ['d-8'] },
    });
    expect(await q.get('process-deliveries:987654')).toBeNull();
    expect(await q.get('0196b0f4-0000-7000-8000-000000000000')).toBeNull();
    expect(await q.ping()).toBe(true);
  });
});
