import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, DialectName } from '../db/database.js';
import type { JobState, JobTable } from '../db/schema.js';

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;

// 14 columns a row: 500 rows stay far below SQLite's 32 766 and PostgreSQL's 65 535 bind parameters.
const CHUNK = 500;
const LEASE_EXPIRED = 'lease expired: the worker running this job crashed or stalled';

/** All SQL of the embedded queue (SqlJobQueue). Times are ISO strings, which sort like the instants. */
export class SqlJobRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Inserts in one transaction and returns the id each row resolved to: a row whose unique_key is
   * held by a pending job resolves to that job's id instead of being inserted.
   */
  /** inside a transaction the caller owns (the outbox); rows without unique keys only */
  async insertIn(trx: Db, rows: NewJobRow[]): Promise<void> {
    await insertResolvingKeys(trx, rows);
  }

  async insertMany(rows: NewJobRow[]): Promise<string[]> {
    const fresh: NewJobRow[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.unique_key == null) fresh.push(r);
      else if (!seen.has(r.unique_key)) {
        seen.add(r.unique_key);
        fresh.push(r);
      }
    }
    const idByKey = await this.db.transaction().execute((trx) => insertResolvingKeys(trx, fresh));
    return rows.map((r) => (r.unique_key == null ? r.id : (idByKey.get(r.unique_key) ?? r.id)));
  }

  /**
   * Marks up to `limit` ready jobs of one name active under a lease. PostgreSQL: SKIP LOCKED lets
   * several instances claim side by side; SQLite: better-sqlite3 serializes, the UPDATE is atomic.
   */
  async claim(
    name: string,
    limit: number,
    maxAttempts: number,
    workerId: string,
    now: string,
    leaseUntil: string,
  ) {
    let pick = this.db
      .selectFrom('jobs')
      .select('id')
      .where('state', '=', 'waiting')
      .where('name', '=', name)
      .where('run_at', '<=', now)
      .orderBy('run_at')
      .limit(limit);
    if (this.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
    const rows = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'active',
        attempts: eb('attempts', '+', 1),
        max_attempts: maxAttempts,
        locked_by: workerId,
        locked_until: leaseUntil,
        updated_at: now,
      }))
      .where('id', 'in', pick)
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.run_at.localeCompare(b.run_at));
  }

  /**
   * Records the outcome of the run `job` describes; false when that run no longer owns the job
   * (its lease expired and another run took over). `next` (a cron re-arm) commits with it.
   */
  async finish(job: JobRow, change: Updateable<JobTable>, next?: NewJobRow): Promise<boolean> {
    const update = (db: Db) =>
      db
        .updateTable('jobs')
        .set({ ...change, locked_by: null, locked_until: null })
        .where('id', '=', job.id)
        .where('state', '=', 'active')
        .where('locked_by', '=', job.locked_by)
        .where('attempts', '=', job.attempts)
        .executeTakeFirst();
    if (!next) return (await update(this.db)).numUpdatedRows > 0n;
    return this.db.transaction().execute(async (trx) => {
      if ((await update(trx)).numUpdatedRows === 0n) return false;
      await trx
        .insertInto('jobs')
        .values(next)
        .onConflict((oc) => oc.column('unique_key').doNothing())
        .execute();
      return true;
    });
  }

  async extendLeases(ids: string[], workerId: string, leaseUntil: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('jobs')
      .set({ locked_until: leaseUntil })
      .where('id', 'in', ids)
      .where('locked_by', '=', workerId)
      .where('state', '=', 'active')
      .execute();
  }

  /** active jobs whose lease ran out: back to waiting, or dead when their attempts are used up */
  async reapExpired(now: string): Promise<number> {
    const expired = this.db.updateTable('jobs').where('state', '=', 'active').where('locked_until', '<', now);
    const released = { locked_by: null, locked_until: null, last_error: LEASE_EXPIRED, updated_at: now };
    const dead = await expired
      .set({ ...released, state: 'dead', unique_key: null, finished_at: now })
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .executeTakeFirst();
    const requeued = await expired.set({ ...released, state: 'waiting', run_at: now }).executeTakeFirst();
    return Number(dead.numUpdatedRows + requeued.numUpdatedRows);
  }

  async promoteDue(now: string): Promise<number> {
    const res = await this.db
      .updateTable('jobs')
      .set({ state: 'waiting', updated_at: now })
      .where('state', '=', 'delayed')
      .where('run_at', '<=', now)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async nextDelayedAt(): Promise<string | null> {
    const row = await this.db
      .selectFrom('jobs')
      .select('run_at')
      .where('state', '=', 'delayed')
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
    return row?.run_at ?? null;
  }

  /** a changed schedule takes effect now rather than after the run armed under the old one */
  async rescheduleEarlier(uniqueKey: string, runAt: string, payload: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ run_at: runAt, payload })
      .where('unique_key', '=', uniqueKey)
      .where('state', '=', 'delayed')
      .where('run_at', '>', runAt)
      .execute();
  }

  async counts(): Promise<{ state: JobState; n: number }[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    return rows.map((r) => ({ state: r.state, n: Number(r.n) }));
  }

  /**
   * The waiting job due the longest. A delayed row past its run_at counts too: only a running
   * worker promotes those, so when none runs they are exactly the backlog.
   */
  oldestReady(now: string): Promise<Pick<JobRow, 'name' | 'run_at'> | undefined> {
    return this.db
      .selectFrom('jobs')
      .select(['name', 'run_at'])
      .where('state', 'in', ['waiting', 'delayed'])
      .where('run_at', '<=', now)
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
  }

  get(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** newest first; walks the (state, run_at) index backwards */
  list(state: JobState, limit: number): Promise<JobRow[]> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('state', '=', state)
      .orderBy('run_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** a dead job back to waiting with a fresh attempt budget; its name, or null when not dead */
  async retry(id: string, now: string): Promise<string | null> {
    const row = await this.db
      .updateTable('jobs')
      .set({ state: 'waiting', attempts: 0, run_at: now, finished_at: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'dead')
      .returning('name')
      .executeTakeFirst();
    return row?.name ?? null;
  }
}

async function insertResolvingKeys(trx: Db, rows: NewJobRow[]): Promise<Map<string, string>> {
  const idByKey = new Map<string, string>();
  let todo = rows;
  // Bounded: each round only repeats rows whose holder finished between our INSERT and SELECT.
  for (let round = 0; todo.length > 0; round++) {
    if (round === 5) throw new Error('enqueue: unique keys kept changing hands; try again');
    const inserted = new Set<string>();
    for (let i = 0; i < todo.length; i += CHUNK) {
      const res = await trx
        .insertInto('jobs')
        .values(todo.slice(i, i + CHUNK))
        .onConflict((oc) => oc.column('unique_key').doNothing())
        .returning('id')
        .execute();
      for (const r of res) inserted.add(r.id);
    }
    const conflicted = todo.filter((r) => !inserted.has(r.id));
    for (const r of todo) if (r.unique_key != null && inserted.has(r.id)) idByKey.set(r.unique_key, r.id);
    const keys = conflicted.map((r) => r.unique_key as string);
    for (let i = 0; i < keys.length; i += CHUNK) {
      const holders = await trx
        .selectFrom('jobs')
        .select(['id', 'unique_key'])
        .where('unique_key', 'in', keys.slice(i, i + CHUNK))
        .execute();
      for (const h of holders) if (h.unique_key != null) idByKey.set(h.unique_key, h.id);
    }
    todo = conflicted.filter((r) => !idByKey.has(r.unique_key as string));
  }
  return idByKey;
}
