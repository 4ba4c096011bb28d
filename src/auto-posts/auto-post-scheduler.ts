import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { AutoPostRepository } from './auto-post.repository.js';

/**
 * Glue between auto_posts.next_run_at and the queue. The row is the truth: each time it sets a
 * next_run_at, a delayed `publish-post` job is enqueued to run at exactly that instant (so a post
 * scheduled for 10:00:00 goes out at 10:00:00, not at the next hourly sweep). The unique key names
 * the instant, so enqueueing the same wake twice (API + sweeper) makes one job, while a new instant
 * (reschedule, next poll) gets its own job; a job that finds the row wants another instant does
 * nothing. A lost job (Redis flushed, crash before enqueue) is rebuilt by the sweeper from the row.
 */
export class AutoPostScheduler {
  constructor(
    private readonly queue: JobQueue,
    private readonly posts: Pick<AutoPostRepository, 'due'>,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async wake(post: { id: string; next_run_at: string | null }): Promise<void> {
    if (!post.next_run_at) return;
    const at = Date.parse(post.next_run_at);
    await this.queue.enqueue(
      'publish-post',
      { autoPostId: post.id },
      { delayMs: Math.max(0, at - this.clock()), uniqueKey: `auto-post:${post.id}:${at}` },
    );
  }

  /**
   * Every minute: a job for each row whose work was due more than `graceMs` ago. A row whose job
   * still waits (a backlog) keeps that job: same instant, same key, no second job.
   */
  async sweep(graceMs = 30_000, limit = 1_000): Promise<number> {
    const rows = await this.posts.due(new Date(this.clock() - graceMs).toISOString(), limit);
    for (const row of rows) await this.wake(row);
    if (rows.length > 0) this.log.debug({ posts: rows.length }, 'auto-posts swept');
    return rows.length;
  }
}
