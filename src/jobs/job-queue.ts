import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../logger.js';

/**
 * Every job name and its payload. Payloads carry ids, never rows or tokens: a job can always
 * be rebuilt from the database, so a lost queue entry never loses data.
 * Later features add their jobs here; a job without a handler does not compile (JobHandlers).
 */
export interface JobPayloads {
  /** split stored webhook deliveries into events and route them (one job per committed batch) */
  'process-deliveries': { deliveryIds: string[] };
  /** an account was connected: route the events that arrived for it before */
  'route-unrouted': { accountId: string };
  /** periodic: re-enqueue deliveries whose processing never finished (lost job, crash) */
  'sweep-deliveries': Record<string, never>;
  /** daily: refresh Instagram tokens that are due and update every account's status */
  'refresh-tokens': Record<string, never>;
  /** send one queued outbound message (idempotent: never sends a message twice) */
  'send-message': { messageId: string };
  /** read a customer's Instagram profile (name, username, picture, follower flags) */
  'fetch-profile': { contactId: string };
  /** keep copies of a message's attachments: Meta's URLs expire */
  'copy-attachments': { messageId: string };
  /** import recent conversations and messages through the Conversations API */
  'import-history': { accountId: string };
  /** every minute: poll the Conversations API of accounts that are due, importing what webhooks missed */
  'poll-conversations': Record<string, never>;
  /** POST one signed outbound webhook delivery (retried with backoff for up to 24 h) */
  'deliver-outbound-webhook': { deliveryId: string };
  /** advance one auto-post by its next publishing step (idempotent: never publishes twice) */
  'publish-post': { autoPostId: string };
  /** every minute: re-enqueue auto-posts whose due work has no job (lost job, crash) */
  'sweep-auto-posts': Record<string, never>;
  /** import an account's media and recent comments through Graph; incremental after the first run */
  'sync-media': { accountId: string };
  /** every 2 hours: one sync-media per usable Instagram account */
  'sync-media-all': Record<string, never>;
  /** hourly: prunes old webhook bodies, job rows and unreferenced attachments (03:00 workspace time) */
  cleanup: Record<string, never>;
  /** post one comment rule's public reply (checks Instagram first after an unknown outcome) */
  'comment-reply': { actionId: string };
  /** every minute: decide customer messages and comment replies left undecided by a crash */
  'sweep-automation': Record<string, never>;
  /** every minute: re-enqueue messages to send and outbound webhook deliveries whose job was lost */
  'sweep-outbox': Record<string, never>;
  /** an account's daily snapshot: profile counts and the insights of the last `days` days (default 3; 30 at first) */
  'account-insights': { accountId: string; days?: number };
  /** every 6 hours: one account-insights per usable Instagram account */
  'account-insights-all': Record<string, never>;
  /** read the insights of an account's posts that are due (decaying schedule) */
  'post-insights': { accountId: string };
  /** hourly: one post-insights per usable Instagram account */
  'post-insights-all': Record<string, never>;
}

export type JobName = keyof JobPayloads;

/**
 * Every job name at run time (BullMQ keeps one queue per name, so counts and lists walk them all).
 * `satisfies` makes a name added to JobPayloads but missing here a compile error.
 */
export const jobNames = Object.keys({
  'process-deliveries': true,
  'route-unrouted': true,
  'sweep-deliveries': true,
  'refresh-tokens': true,
  'send-message': true,
  'fetch-profile': true,
  'copy-attachments': true,
  'import-history': true,
  'poll-conversations': true,
  'deliver-outbound-webhook': true,
  'publish-post': true,
  'sweep-auto-posts': true,
  'sync-media': true,
  'sync-media-all': true,
  cleanup: true,
  'comment-reply': true,
  'sweep-automation': true,
  'sweep-outbox': true,
  'account-insights': true,
  'account-insights-all': true,
  'post-insights': true,
  'post-insights-all': true,
} satisfies Record<JobName, true>) as JobName[];

export interface JobContext {
  id: string;
  /** 1 on the first run */
  attempt: number;
  log: Logger;
  /** reports progress (0..100) to whoever watches the job */
  progress(percent: number): Promise<void>;
}

export interface RetryPolicy {
  /** total runs including the first; after the last failure the job is dead */
  attempts: number;
  /** first backoff; doubles every retry, with ±20 % jitter, capped at maxBackoffMs */
  backoffMs: number;
  maxBackoffMs?: number;
}

export interface JobDefinition<N extends JobName> {
  handler: (payload: JobPayloads[N], ctx: JobContext) => Promise<void>;
  /** applied by the worker when a run fails, so a process that only enqueues need not know it */
  retry: RetryPolicy;
  /** how many of this job run at once in one process */
  concurrency?: number;
}

export type JobHandlers = { [N in JobName]: JobDefinition<N> };

export interface EnqueueOptions {
  /** run no earlier than this many ms from now */
  delayMs?: number;
  /**
   * At most one waiting/delayed/active job per key: enqueueing again while one is pending is a
   * no-op that returns the existing job's id.
   */
  uniqueKey?: string;
}

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'dead';

export interface JobInfo {
  id: string;
  name: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** last ctx.progress() of a running job, when the queue knows it (embedded: only in this process) */
  progress?: number;
}

export interface JobQueue {
  readonly kind: 'embedded' | 'bullmq';
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts?: EnqueueOptions): Promise<string>;
  /**
   * Transactional outbox (embedded queue only): writes the job inside the caller's database
   * transaction, so it exists exactly when the caller's rows do, in one commit instead of two.
   * Call the returned `committed` after the transaction commits, to wake the worker.
   */
  enqueueInTransaction?<N extends JobName>(
    trx: Transaction<Database>,
    name: N,
    payload: JobPayloads[N],
    opts?: Pick<EnqueueOptions, 'uniqueKey'>,
  ): Promise<{ id: string; committed(): void }>;
  /** a repeating job by cron expression (UTC unless tz is given); idempotent per name */
  schedule<N extends JobName>(name: N, cron: string, payload: JobPayloads[N], tz?: string): Promise<void>;
  /** starts working jobs in this process */
  start(handlers: JobHandlers): Promise<void>;
  /** stops taking new jobs and waits for running ones */
  stop(): Promise<void>;
  counts(): Promise<Record<JobState, number>>;
  /** the job that has been due the longest without being started (queue lag), or null */
  oldestReady(): Promise<{ name: string; readyAt: string } | null>;
  get(id: string): Promise<JobInfo | null>;
  list(state: JobState, limit: number): Promise<JobInfo[]>;
  /** moves a dead job back to waiting with a fresh attempt budget */
  retry(id: string): Promise<boolean>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** exponential backoff with ±20 % jitter, so retries of many failed jobs do not arrive together */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.backoffMs * 2 ** Math.max(0, attempt - 1), policy.maxBackoffMs ?? 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
