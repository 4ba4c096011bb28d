import { nowIso } from '../db/ids.js';
import type { Logger } from '../logger.js';
import {
  backoffDelay,
  type JobContext,
  type JobDefinition,
  type JobHandlers,
  type JobName,
  jobNames,
} from './job-queue.js';
import type { JobRow, NewJobRow, SqlJobRepository } from './sql-job.repository.js';

export interface SqlWorkerOptions {
  repo: SqlJobRepository;
  handlers: JobHandlers;
  logger: Logger;
  clock: () => number;
  workerId: string;
  leaseMs: number;
  pollMs: number;
  /** the next run of a cron schedule, committed together with the outcome of this one */
  nextCronRow(job: JobRow, now: number): NewJobRow | undefined;
}

/**
 * Works the jobs table in this process. Claims happen when something can have changed: an enqueue
 * or a finished job in this process (wake), the earliest delayed run_at (timer), and a slow poll
 * for leases that expired and for jobs other processes enqueued.
 */
export class SqlWorker {
  private readonly running = new Map<JobName, number>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly progress = new Map<string, number>();
  private readonly dirty = new Set<JobName>();
  private pumping: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Number.POSITIVE_INFINITY;
  private heartbeat: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: SqlWorkerOptions) {}

  start(): void {
    this.heartbeat = setInterval(() => this.extendLeases(), Math.max(50, Math.floor(this.o.leaseMs / 3)));
    this.armAt(this.o.clock());
  }

  /** jobs of these names may be ready to run */
  wake(names: Iterable<JobName>): void {
    for (const n of names) this.dirty.add(n);
    this.kick();
  }

  /** something becomes due at `ms` (epoch ms of the queue's clock) */
  armAt(ms: number): void {
    // never sleep past the poll (this also keeps far-future delays under setTimeout's 24.8-day limit)
    ms = Math.min(ms, this.o.clock() + this.o.pollMs);
    if (this.stopped || ms >= this.timerDue) return;
    clearTimeout(this.timer);
    this.timerDue = ms;
    this.timer = setTimeout(() => void this.tick(), Math.max(0, ms - this.o.clock()));
  }

  progressOf(id: string): number | undefined {
    return this.progress.get(id);
  }

  /** stops claiming and waits for running jobs; their leases are kept alive until they finish */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pumping;
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight.values()]);
    clearInterval(this.heartbeat);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.timerDue = Number.POSITIVE_INFINITY;
    if (this.stopped) return;
    let next = Number.POSITIVE_INFINITY;
    try {
      const now = nowIso(this.o.clock);
      const reaped = await this.o.repo.reapExpired(now);
      if (reaped > 0) this.o.logger.warn({ jobs: reaped }, 'jobs whose worker vanished were released');
      await this.o.repo.promoteDue(now);
      this.wake(jobNames);
      const due = await this.o.repo.nextDelayedAt();
      if (due) next = Date.parse(due);
    } catch (err) {
      this.o.logger.warn({ err }, 'job queue poll failed; retrying');
    }
    this.armAt(Math.min(next, this.o.clock() + this.o.pollMs));
  }

  private kick(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = this.pump()
      .catch((err) => this.o.logger.warn({ err }, 'claiming jobs failed; the next poll retries'))
      .finally(() => {
        this.pumping = null;
        if (this.dirty.size > 0) this.kick();
      });
  }

  private async pump(): Promise<void> {
    while (this.dirty.size > 0 && !this.stopped) {
      const names = [...this.dirty];
      this.dirty.clear();
      for (const name of names) {
        const def = this.o.handlers[name] as JobDefinition<JobName> | undefined;
        if (!def) continue;
        const free = (def.concurrency ?? 1) - (this.running.get(name) ?? 0);
        if (free <= 0) continue;
        const now = this.o.clock();
        const jobs = await this.o.repo.claim(
          name,
          free,
          def.retry.attempts,
          this.o.workerId,
          new Date(now).toISOString(),
          new Date(now + this.o.leaseMs).toISOString(),
        );
        for (const job of jobs) this.run(name, job, def);
      }
    }
  }

  private run(name: JobName, job: JobRow, def: JobDefinition<JobName>): void {
    this.running.set(name, (this.running.get(name) ?? 0) + 1);
    const done = this.execute(job, def).finally(() => {
      this.running.set(name, (this.running.get(name) ?? 1) - 1);
      this.inflight.delete(job.id);
      this.progress.delete(job.id);
      this.wake([name]);
    });
    this.inflight.set(job.id, done);
  }

  private async execute(job: JobRow, def: JobDefinition<JobName>): Promise<void> {
    const log = this.o.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const ctx: JobContext = {
      id: job.id,
      attempt: job.attempts,
      log,
      progress: async (percent) => {
        this.progress.set(job.id, Math.max(0, Math.min(100, percent)));
      },
    };
    let failure: { error: unknown } | null = null;
    try {
      await def.handler(JSON.parse(job.payload), ctx);
    } catch (error) {
      failure = { error };
    }
    try {
      if (failure && job.attempts < def.retry.attempts) await this.retryLater(job, def, log, failure.error);
      else await this.finish(job, log, failure);
    } catch (err) {
      log.error({ err }, 'could not record the job outcome; it runs again when its lease expires');
    }
  }

  /** completed, or dead after the last attempt; a cron schedule is re-armed in the same commit */
  private async finish(job: JobRow, log: Logger, failure: { error: unknown } | null): Promise<void> {
    const now = this.o.clock();
    const at = new Date(now).toISOString();
    const next = this.o.nextCronRow(job, now);
    const outcome = failure
      ? { state: 'dead' as const, last_error: errorText(failure.error) }
      : { state: 'completed' as const };
    const owned = await this.o.repo.finish(
      job,
      { ...outcome, unique_key: null, finished_at: at, updated_at: at },
      next,
    );
    if (failure) log.error({ err: failure.error }, 'job failed on its last attempt and is dead');
    if (!owned) log.warn('job outcome dropped: its lease expired and another run took over');
    if (owned && next) this.armAt(Date.parse(next.run_at));
  }

  private async retryLater(
    job: JobRow,
    def: JobDefinition<JobName>,
    log: Logger,
    error: unknown,
  ): Promise<void> {
    const now = this.o.clock();
    const runAt = now + backoffDelay(def.retry, job.attempts);
    await this.o.repo.finish(job, {
      state: 'delayed',
      run_at: new Date(runAt).toISOString(),
      last_error: errorText(error),
      updated_at: new Date(now).toISOString(),
    });
    log.warn({ err: error, retryInMs: runAt - now }, 'job failed; retrying');
    this.armAt(runAt);
  }

  private extendLeases(): void {
    const ids = [...this.inflight.keys()];
    const until = new Date(this.o.clock() + this.o.leaseMs).toISOString();
    this.o.repo
      .extendLeases(ids, this.o.workerId, until)
      .catch((err) => this.o.logger.warn({ err }, 'could not extend job leases'));
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.slice(0, 2000);
}
