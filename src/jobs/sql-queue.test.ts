import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { newId } from '../db/ids.js';
import * as claimIndex from '../db/migrations/20261122_0410_jobs_claim_index.js';
import type { JobState } from '../db/schema.js';
import { createLogger } from '../logger.js';
import { type JobHandlers, jobNames } from './job-queue.js';
import { SqlJobRepository } from './sql-job.repository.js';
import { SqlJobQueue } from './sql-queue.js';

// What only the embedded queue has: leases in the table, and the SQL behind enqueue.

const logger = createLogger('silent');
const quick = { attempts: 3, backoffMs: 10 };

async function until(fn: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(dialects)('embedded job queue on %s', (dialect) => {
  let tdb: TestDatabase;
  const queues: SqlJobQueue[] = [];
  const open = (opts: { leaseMs?: number } = {}) => {
    const q = new SqlJobQueue({ db: tdb.db, dialect, logger, pollMs: 60_000, ...opts });
    queues.push(q);
    return q;
  };
  const handlers = (handler: JobHandlers['process-deliveries']['handler']): JobHandlers => {
    const noop = { handler: async () => {}, retry: quick };
    // every other job a no-op (later features keep adding jobs)
    return {
      ...Object.fromEntries(jobNames.map((n) => [n, noop])),
      'process-deliveries': { handler, retry: quick },
    } as JobHandlers;
  };
  const row = (id: string) =>
    tdb.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** a job a crashed process left active: its lease ran out a minute ago */
  const orphan = async (attempts: number, maxAttempts: number) => {
    const id = newId();
    const past = new Date(Date.now() - 60_000).toISOString();
    await tdb.db
      .insertInto('jobs')
      .values({
        id,
        name: 'process-deliveries',
        payload: JSON.stringify({ deliveryIds: ['orphan'] }),
        state: 'active' as JobState,
        unique_key: 'delivery:orphan',
        attempts,
        max_attempts: maxAttempts,
        run_at: past,
        locked_until: past,
        locked_by: 'crashed-worker',
        last_error: null,
        created_at: past,
        updated_at: past,
        finished_at: null,
      })
      .execute();
    return id;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.close();
    await tdb.db.deleteFrom('jobs').execute();
  });
  afterAll(async () => tdb.drop());

  it('runs a job again whose worker crashed once its lease has expired', async () => {
    const id = await orphan(1, 3);
    const runs: number[] = [];
    await open().start(handlers(async (_p, ctx) => void runs.push(ctx.attempt)));
    await until(async () => (await row(id)).state === 'completed', 'completed by the new process');
    expect(runs).toEqual([2]);
    expect(await row(id)).toMatchObject({ attempts: 2, locked_by: null, unique_key: null });
  });

  it('declares a crashed job dead when it had no attempts left', async () => {
    const id = await orphan(3, 3);
    await open().start(handlers(async () => {}));
    await until(async () => (await row(id)).state === 'dead', 'dead');
    expect((await row(id)).last_error).toMatch(/lease expired/);
  });

  it('ignores the outcome of a run whose lease expired after another run took over', async () => {
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((r) => {
        open = r;
      });
      return { open, opened };
    };
    const [stalled, second] = [gate(), gate()];
    const first = open({ leaseMs: 60_000 });
    await first.start(
      handlers(async () => {
        await stalled.opened;
        throw new Error('late failure of the stalled run');
      }),
    );
    const id = await first.enqueue('process-deliveries', { deliveryIds: ['d-1'] });
    await until(async () => (await row(id)).state === 'active', 'claimed by the first process');
    // the first process freezes: its lease runs out without a heartbeat
    await tdb.db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1).toISOString() })
      .execute();

    const runs: number[] = [];
    await open({ leaseMs: 60_000 }).start(
      handlers(async (_p, ctx) => {
        runs.push(ctx.attempt);
        await second.opened;
      }),
    );
    await until(async () => runs.length === 1, 'taken over by the second process');
    // the stalled run wakes up and fails while the second run still owns the job
    stalled.open();
    await first.stop();
    expect(await row(id)).toMatchObject({ state: 'active', attempts: 2 });
    second.open();
    await until(async () => (await row(id)).state === 'completed', 'completed by the second process');
    expect(runs).toEqual([2]);
  });

  it('keeps a running job leased through heartbeats', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const q = open({ leaseMs: 150 });
    await q.start(handlers(() => slow));
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-2'] });
    await until(async () => (await row(id)).state === 'active', 'active');
    const leasedUntil = (await row(id)).locked_until as string;
    await until(async () => ((await row(id)).locked_until as string) > leasedUntil, 'the lease was extended');
    release();
    await until(async () => (await row(id)).state === 'completed', 'completed');
    expect((await row(id)).attempts).toBe(1);
  });

  it('inserts a batch with repeated and already held unique keys as one row per key', async () => {
    const repo = new SqlJobRepository(tdb.db, dialect);
    const q = open();
    const held = await q.enqueue('process-deliveries', { deliveryIds: ['held'] }, { uniqueKey: 'k:held' });
    const now = new Date().toISOString();
    const mk = (key: string | null) => ({
      id: newId(),
      name: 'process-deliveries',
      payload: '{}',
      state: 'waiting' as JobState,
      unique_key: key,
      attempts: 0,
      max_attempts: 1,
      run_at: now,
      created_at: now,
      updated_at: now,
    });
    const rows = [mk('k:new'), mk('k:new'), mk('k:held'), mk(null), mk(null)];
    const ids = await repo.insertMany(rows);
    expect(ids).toEqual([rows[0]?.id, rows[0]?.id, held, rows[3]?.id, rows[4]?.id]);
    expect((await q.counts()).waiting).toBe(4);
  });

  it('re-arms a cron schedule in the same commit as its run', async () => {
    const q = open();
    await q.schedule('sweep-deliveries', '* * * * * *', {});
    await q.start(handlers(async () => {}));
    const pendingCron = () =>
      tdb.db.selectFrom('jobs').select('state').where('unique_key', '=', 'cron:sweep-deliveries').execute();
    await until(
      async () =>
        (await tdb.db.selectFrom('jobs').select('id').where('state', '=', 'completed').execute()).length >= 1,
      'a scheduled run completed',
    );
    expect(await pendingCron()).toHaveLength(1);
  });

  it('applies and reverts the claim index migration', async () => {
    await claimIndex.up(tdb.db as never);
    await claimIndex.up(tdb.db as never);
    const q = open();
    await q.start(handlers(async () => {}));
    const id = await q.enqueue('process-deliveries', { deliveryIds: ['d-3'] });
    await until(async () => (await row(id)).state === 'completed', 'completed with the index');
    await claimIndex.down(tdb.db as never);
  });
});
