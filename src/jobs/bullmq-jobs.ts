import type { Job, JobType } from 'bullmq';
import { type JobInfo, type JobName, type JobState, jobNames } from './job-queue.js';

/** BullMQ's states that make up each of ours ('failed' only ever means: after the last attempt) */
export const bullTypes: Record<JobState, JobType[]> = {
  waiting: ['wait', 'prioritized', 'waiting-children'],
  delayed: ['delayed'],
  active: ['active'],
  completed: ['completed'],
  dead: ['failed'],
};

export function toJobState(bullState: string): JobState | null {
  switch (bullState) {
    case 'unknown':
      return null;
    case 'failed':
      return 'dead';
    case 'completed':
    case 'active':
    case 'delayed':
      return bullState;
    default:
      return 'waiting';
  }
}

/** Our ids are `<name>:<BullMQ id>`: BullMQ ids are only unique within one queue (one name). */
export const jobId = (name: JobName, bullId: string | undefined) => `${name}:${bullId ?? ''}`;

export function parseJobId(id: string): { name: JobName; bullId: string } | null {
  const colon = id.indexOf(':');
  const name = id.slice(0, colon) as JobName;
  const bullId = id.slice(colon + 1);
  return colon > 0 && bullId && jobNames.includes(name) ? { name, bullId } : null;
}

export function toJobInfo(name: JobName, job: Job, state: JobState): JobInfo {
  const info: JobInfo = {
    id: jobId(name, job.id),
    name,
    payload: job.data as unknown,
    state,
    attempts: job.attemptsStarted || job.attemptsMade,
    lastError: job.failedReason || null,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedAt:
      job.finishedOn && (state === 'completed' || state === 'dead')
        ? new Date(job.finishedOn).toISOString()
        : null,
  };
  if (typeof job.progress === 'number') info.progress = job.progress;
  return info;
}

/** newest first, like the embedded queue's list() */
export function newestFirst(a: JobInfo, b: JobInfo): number {
  return (b.finishedAt ?? b.createdAt).localeCompare(a.finishedAt ?? a.createdAt);
}
