import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db, DialectName } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { errors } from '../errors.js';
import type { Logger } from '../logger.js';
import { cronKey, nextCronRun } from './cron.js';
import { EnqueueBatcher } from './enqueue-batcher.js';
import type {
  EnqueueOptions,
  JobHandlers,
  JobInfo,
  JobName,
  JobPayloads,
  JobQueue,
  JobState,
} from './job-queue.js';
import { type JobRow, type NewJobRow, SqlJobRepository } from './sql-job.repository.js';
import { SqlWorker } from './sql-worker.js';

export interface SqlJobQueueOptions {
  db: Db;
  dialect: DialectName;
  logger: Logger;
  clock?: () => number;
  /** names this process in locked_by; random by default */
  workerId?: string;
  /** how long a claimed job stays ours without a heartbeat (default 30 s); a crash frees it after that */
  leaseMs?: number;
  /** fallback poll for expired leases and jobs enqueued by other processes (default 5 s) */
  pollMs?: number;
}

interface Schedule {
  cron: string;
  tz: string;
  payload: unknown;
}

/**
 * The embedded durable queue: jobs are rows in the application's own database (SQLite or
 * PostgreSQL), so a committed enqueue survives any crash and needs no extra service.
 */
export class SqlJobQueue implements JobQueue {
  readonly kind = 'embedded' as const;
  private readonly repo: SqlJobRepository;
  private readonly batcher: EnqueueBatcher;
  private readonly clock: () => number;
  private readonly schedules = new Map<JobName, Schedule>();
  private worker: SqlWorker | null = null;
  private handlers: JobHandlers | null = null;
  private closed = false;

  constructor(private readonly o: SqlJobQueueOptions) {
    this.clock = o.clock ?? Date.now;
    this.repo = new SqlJobRepository(o.db, o.dialect);
    this.batcher = new EnqueueBatcher(
      (rows) => this.repo.insertMany(rows),
      (rows) => this.committed(rows),
    );
  }

  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<string> {
    if (this.closed) return Promise.reject(errors.unavailable('The job queue is closed'));
    const runAt = this.clock() + Math.max(0, opts.delayMs ?? 0);
    return this.batcher.add(this.row(name, payload, runAt, opts.uniqueKey ?? null));
  }

  async enqueueInTransaction<N extends JobName>(
    trx: Transaction<Database>,
    name: N,
    payload: JobPayloads[N],
    opts: Pick<EnqueueOptions, 'uniqueKey'> = {},
  ) {
    const row = this.row(name, payload, this.clock(), opts.uniqueKey ?? null);
    await this.repo.insertIn(trx, [row]);
    return { id: row.id, committed: () => this.committed([row]) };
  }

  /**
   * Durable cron: the next run is a delayed row under the unique key `cron:<name>`, re-armed in the
   * same transaction that records each run's outcome, and here at start-up. A restart therefore
   * neither loses the pending run nor adds a second one.
   */
  async schedule<N extends JobName>(
    name: N,
    cron: string,
    payload: JobPayloads[N],
    tz = 'UTC',
  ): Promise<void> {
    const next = nextCronRun(cron, this.clock(), tz);
    this.schedules.set(name, { cron, tz, payload });
    if (this.closed) throw errors.unavailable('The job queue is closed');
    await this.batcher.add(this.row(name, payload, next, cronKey(name)));
    await this.repo.rescheduleEarlier(cronKey(name), new Date(next).toISOString(), JSON.stringify(payload));
    this.worker?.armAt(next);
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.worker) return;
    this.handlers = handlers;
    this.worker = new SqlWorker({
      repo: this.repo,
      handlers,
      logger: this.o.logger,
      clock: this.clock,
      workerId: this.o.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`,
      leaseMs: this.o.leaseMs ?? 30_000,
      pollMs: this.o.pollMs ?? 5_000,
      nextCronRow: (job, now) => this.nextCronRow(job, now),
    });
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.batcher.drain();
    const worker = this.worker;
    this.worker = null;
    await worker?.stop();
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { waiting: 0, delayed: 0, active: 0, completed: 0, dead: 0 };
    for (const { state, n } of await this.repo.counts()) counts[state] = n;
    return counts;
  }

  async oldestReady(): Promise<{ name: string; readyAt: string } | null> {
    const row = await this.repo.oldestReady(new Date(this.clock()).toISOString());
    return row ? { name: row.name, readyAt: row.run_at } : null;
  }

  async get(id: string): Promise<JobInfo | null> {
    const row = await this.repo.get(id);
    return row ? this.info(row) : null;
  }

  async list(state: JobState, limit: number): Promise<JobInfo[]> {
    return (await this.repo.list(state, limit)).map((r) => this.info(r));
  }

  async retry(id: string): Promise<boolean> {
    const name = await this.repo.retry(id, new Date(this.clock()).toISOString());
    if (name) this.worker?.wake([name as JobName]);
    return name !== null;
  }

  async ping(): Promise<boolean> {
    try {
      await this.o.db.selectFrom('jobs').select('id').limit(1).execute();
      return true;
    } catch {
      return false;
    }
  }

  /** the database handle belongs to the caller and stays open */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private row(name: JobName, payload: unknown, runAtMs: number, uniqueKey: string | null): NewJobRow {
    const now = this.clock();
    const at = new Date(now).toISOString();
    return {
      id: newId(now),
      name,
      payload: JSON.stringify(payload),
      state: runAtMs > now ? 'delayed' : 'waiting',
      unique_key: uniqueKey,
      attempts: 0,
      // the worker's policy is authoritative and is written again at each claim
      max_attempts: this.handlers?.[name].retry.attempts ?? 1,
      run_at: new Date(runAtMs).toISOString(),
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      finished_at: null,
    };
  }

  private nextCronRow(job: JobRow, now: number): NewJobRow | undefined {
    const schedule = this.schedules.get(job.name as JobName);
    if (!schedule || job.unique_key !== cronKey(job.name)) return undefined;
    const next = nextCronRun(schedule.cron, now, schedule.tz);
    return this.row(job.name as JobName, schedule.payload, next, cronKey(job.name));
  }

  private committed(rows: NewJobRow[]): void {
    const worker = this.worker;
    if (!worker) return;
    const ready = new Set<JobName>();
    for (const r of rows) {
      if (r.state === 'waiting') ready.add(r.name as JobName);
      else worker.armAt(Date.parse(r.run_at));
    }
    if (ready.size > 0) worker.wake(ready);
  }

  private info(row: JobRow): JobInfo {
    const info: JobInfo = {
      id: row.id,
      name: row.name,
      payload: JSON.parse(row.payload) as unknown,
      state: row.state,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
    const progress = this.worker?.progressOf(row.id);
    if (progress !== undefined) info.progress = progress;
    return info;
  }
}
