import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { sleep } from './bullmq-connection.js';
import { jobId } from './bullmq-jobs.js';
import { backoffDelay, type JobDefinition, type JobName } from './job-queue.js';

export interface BullWorkerOptions {
  connection: Redis;
  prefix: string;
  logger: Logger;
  /** handler runs in progress (shared by all workers), so a forced close can still wait for them */
  running: Set<Promise<void>>;
  onRedisError(err: Error, queue: JobName): void;
}

/** One BullMQ worker per job name: its concurrency and retry policy are the job definition's. */
export function startBullWorker(name: JobName, def: JobDefinition<JobName>, o: BullWorkerOptions): Worker {
  const worker = new Worker(
    name,
    async (job) => {
      const attempt = job.attemptsMade + 1;
      const run = def.handler(job.data, {
        id: jobId(name, job.id),
        attempt,
        log: o.logger.child({ jobId: jobId(name, job.id), job: name, attempt }),
        progress: (percent) => job.updateProgress(Math.max(0, Math.min(100, percent))),
      });
      o.running.add(run);
      try {
        await run;
      } finally {
        o.running.delete(run);
      }
    },
    {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: def.concurrency ?? 1,
      settings: {
        // attemptsMade counts the run that just failed; -1 tells BullMQ not to retry (dead)
        backoffStrategy: (attemptsMade) =>
          attemptsMade >= def.retry.attempts ? -1 : backoffDelay(def.retry, attemptsMade),
      },
    },
  );
  worker.on('error', (err) => o.onRedisError(err, name));
  worker.on('failed', (job, err) => {
    const dead = job && job.attemptsMade >= def.retry.attempts;
    const id = job && jobId(name, job.id);
    if (dead) o.logger.error({ err, jobId: id }, 'job failed on its last attempt and is dead');
    else o.logger.warn({ err, jobId: id }, 'job failed; retrying');
  });
  return worker;
}

/**
 * A graceful close waits for the running jobs and records their outcome. BullMQ 6.7 never finishes
 * one that starts while the worker's blocking connection is reconnecting, though: it parks the
 * connection for good. So wait for the connection first; if Redis stays away, let our handlers
 * finish and force the close (a job whose outcome could not be written runs again as stalled).
 */
export async function closeBullWorker(worker: Worker, waitMs: number, o: BullWorkerOptions): Promise<void> {
  const deadline = Date.now() + waitMs;
  const blocking = await worker.getBackend().blockingClient;
  while (blocking && blocking.status !== 'ready' && Date.now() < deadline) await sleep(50);
  if (!blocking || blocking.status === 'ready') return worker.close();
  o.logger.warn({ queue: worker.name }, 'Redis unreachable: closing the job worker without it');
  await Promise.allSettled([...o.running]);
  await worker.close(true);
}
