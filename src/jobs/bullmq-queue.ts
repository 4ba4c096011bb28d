import { type JobsOptions, Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { errors } from '../errors.js';
import type { Logger } from '../logger.js';
import { connectRedis, sleep, throttledWarn, whenReady } from './bullmq-connection.js';
import { bullTypes, jobId, newestFirst, parseJobId, toJobInfo, toJobState } from './bullmq-jobs.js';
import { type BullWorkerOptions, closeBullWorker, startBullWorker } from './bullmq-worker.js';
import { cronKey, nextCronRun } from './cron.js';
import {
  type EnqueueOptions,
  type JobDefinition,
  type JobHandlers,
  type JobInfo,
  type JobName,
  type JobPayloads,
  type JobQueue,
  type JobState,
  jobNames,
} from './job-queue.js';

export interface BullmqJobQueueOptions {
  redisUrl: string;
  logger: Logger;
  /** Redis key prefix (default `relaydesk`); tests use one per test */
  prefix?: string;
  /** how long a call waits for an unreachable Redis before it fails (default 5 s) */
  connectTimeoutMs?: number;
}

// The worker's RetryPolicy decides when to stop (the backoff strategy answers -1), so an
// enqueuing process needs no policy: BullMQ's own attempt limit is only a ceiling.
const ATTEMPT_CEILING = 1_000;
const jobOptions: JobsOptions = {
  attempts: ATTEMPT_CEILING,
  backoff: { type: 'relaydesk' },
  // Redis memory is finite: completed jobs are pruned by BullMQ; dead ones stay until retried.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 100_000 },
};

/** The scale-out queue: one BullMQ queue per job name, so concurrency is per name. */
export class BullmqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly prefix: string;
  private readonly waitMs: number;
  private readonly client: Redis;
  private readonly queues = new Map<JobName, Queue>();
  private workers: Worker[] = [];
  private workerOpts: BullWorkerOptions | null = null;
  private readonly warnRedis: (err: Error, queue: string, message: string) => void;
  /** every schedule() so far, to write again when Redis comes back (it may have lost them) */
  private readonly schedules = new Map<JobName, () => Promise<void>>();

  constructor(private readonly o: BullmqJobQueueOptions) {
    this.prefix = o.prefix ?? 'relaydesk';
    this.waitMs = o.connectTimeoutMs ?? 5_000;
    // Producer commands fail fast while Redis is away (the sweeper re-enqueues), instead of hanging.
    this.client = connectRedis(o.redisUrl, `${this.prefix}:producer`, { maxRetriesPerRequest: 2 }, o.logger);
    this.warnRedis = throttledWarn(o.logger);
    // A Redis restarted without persistence comes back empty, job schedulers included, and without
    // them the sweepers never run again. Upserting is idempotent, so every reconnect writes them.
    let connectedOnce = false;
    this.client.on('ready', () => {
      if (connectedOnce) void this.restoreSchedules();
      connectedOnce = true;
    });
  }

  private async restoreSchedules(): Promise<void> {
    for (const [name, write] of this.schedules) {
      try {
        await write();
      } catch (err) {
        this.warnRedis(err as Error, name, 'could not restore the job schedule after Redis came back');
      }
    }
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: EnqueueOptions = {},
  ): Promise<string> {
    await this.reachable();
    const job = await this.queue(name).add(name, payload, {
      ...(opts.delayMs ? { delay: Math.max(0, opts.delayMs) } : {}),
      // deduplication returns the pending job's id and is released when that job completes or dies
      ...(opts.uniqueKey ? { deduplication: { id: opts.uniqueKey } } : {}),
    });
    return jobId(name, job.id);
  }

  async schedule<N extends JobName>(
    name: N,
    cron: string,
    payload: JobPayloads[N],
    tz = 'UTC',
  ): Promise<void> {
    nextCronRun(cron, Date.now(), tz); // same validation and error as the embedded queue
    const { attempts, backoff, removeOnComplete, removeOnFail } = jobOptions;
    const write = async () => {
      await this.queue(name).upsertJobScheduler(
        cronKey(name),
        { pattern: cron, tz },
        { name, data: payload, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
      );
    };
    this.schedules.set(name, write);
    await this.reachable();
    await write();
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.workers.length > 0) return;
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest null and duplicates this client
    // for each worker. Not lazyConnect: a lazy duplicate makes a worker started while Redis is down
    // give up for good.
    const connection = connectRedis(
      this.o.redisUrl,
      `${this.prefix}:worker`,
      { maxRetriesPerRequest: null },
      this.o.logger,
    );
    const opts: BullWorkerOptions = {
      connection,
      prefix: this.prefix,
      logger: this.o.logger,
      running: new Set(),
      onRedisError: (err, queue) => this.warnRedis(err, queue, 'job worker: Redis error'),
    };
    this.workerOpts = opts;
    this.workers = jobNames.map((name) =>
      startBullWorker(name, handlers[name] as JobDefinition<JobName>, opts),
    );
    // Redis may be down right now: workers connect when it answers, start-up does not wait for that
    const ready = Promise.all(this.workers.map((w) => w.waitUntilReady())).then(
      () => true,
      () => false,
    );
    if (!(await Promise.race([ready, sleep(this.waitMs).then(() => false)]))) {
      this.o.logger.warn('Redis unreachable: the job workers start once it answers');
    }
  }

  async stop(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    const opts = this.workerOpts;
    this.workerOpts = null;
    if (!opts) return;
    await Promise.all(workers.map((w) => closeBullWorker(w, this.waitMs, opts)));
    opts.connection.disconnect();
  }

  async counts(): Promise<Record<JobState, number>> {
    await this.reachable();
    const counts: Record<JobState, number> = { waiting: 0, delayed: 0, active: 0, completed: 0, dead: 0 };
    for (const name of jobNames) {
      const c = await this.queue(name).getJobCounts(...Object.values(bullTypes).flat());
      for (const [state, types] of Object.entries(bullTypes) as [JobState, string[]][]) {
        for (const t of types) counts[state] += c[t] ?? 0;
      }
    }
    return counts;
  }

  async oldestReady(): Promise<{ name: string; readyAt: string } | null> {
    await this.reachable();
    let oldest: { name: string; readyAt: number } | null = null;
    const now = Date.now();
    for (const name of jobNames) {
      // asc: the head of each list. A delayed job past its time is due too: only a running worker
      // moves those to the wait list, so when none runs they are the backlog.
      const [waiting] = await this.queue(name).getJobs(['wait'], 0, 0, true);
      const [delayed] = await this.queue(name).getJobs(['delayed'], 0, 0, true);
      for (const job of [waiting, delayed]) {
        if (!job) continue;
        const readyAt = job.timestamp + (job.opts.delay ?? 0);
        if (readyAt <= now && (!oldest || readyAt < oldest.readyAt)) oldest = { name, readyAt };
      }
    }
    return oldest && { name: oldest.name, readyAt: new Date(oldest.readyAt).toISOString() };
  }

  async get(id: string): Promise<JobInfo | null> {
    await this.reachable();
    const ref = parseJobId(id);
    const job = ref ? await this.queue(ref.name).getJob(ref.bullId) : undefined;
    if (!ref || !job) return null;
    const state = toJobState(await job.getState());
    return state ? toJobInfo(ref.name, job, state) : null;
  }

  async list(state: JobState, limit: number): Promise<JobInfo[]> {
    await this.reachable();
    const all: JobInfo[] = [];
    for (const name of jobNames) {
      const jobs = await this.queue(name).getJobs(bullTypes[state], 0, limit - 1, false);
      for (const job of jobs) if (job) all.push(toJobInfo(name, job, state));
    }
    return all.sort(newestFirst).slice(0, limit);
  }

  async retry(id: string): Promise<boolean> {
    await this.reachable();
    const ref = parseJobId(id);
    const job = ref ? await this.queue(ref.name).getJob(ref.bullId) : undefined;
    if (!job || (await job.getState()) !== 'failed') return false;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  async ping(): Promise<boolean> {
    const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, 1_000, false).unref());
    const pong = this.client.ping().then(
      (r) => r === 'PONG',
      () => false,
    );
    return Promise.race([pong, timeout]);
  }

  async close(): Promise<void> {
    await this.stop();
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    // QUIT would wait in the offline queue while Redis is away
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }

  /** BullMQ waits for Redis forever; an HTTP request or the ingest path must get an answer */
  private async reachable(): Promise<void> {
    if (!(await whenReady(this.client, this.waitMs)))
      throw errors.unavailable('The job queue (Redis) is unreachable');
  }

  private queue(name: JobName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.client, prefix: this.prefix, defaultJobOptions: jobOptions });
      q.on('error', (err) => this.warnRedis(err, name, 'job queue: Redis error'));
      this.queues.set(name, q);
    }
    return q;
  }
}
