import type { EventBus } from '../events/event-bus.js';
import type { AutoPostPatch, AutoPostRepository, AutoPostRow } from './auto-post.repository.js';
import type { AutoPostScheduler } from './auto-post-scheduler.js';

/** the SSE event every change of a post sends to its workspace's dashboards */
export const AUTO_POST_UPDATED = 'auto-post.updated';

/**
 * The one way a publishing run writes its post: the patch is committed before anything else
 * happens (so a crash right after any Graph call finds that call's result, or knows it may have
 * happened), dashboards hear about it, and a new next_run_at gets its delayed job.
 */
export class AutoPostWriter {
  constructor(
    private readonly posts: Pick<AutoPostRepository, 'update'>,
    private readonly scheduler: Pick<AutoPostScheduler, 'wake'>,
    private readonly bus: Pick<EventBus, 'publish'>,
    private readonly clock: () => number,
  ) {}

  now(): string {
    return new Date(this.clock()).toISOString();
  }

  in(ms: number): string {
    return new Date(this.clock() + ms).toISOString();
  }

  /**
   * `wake: false` when the caller goes on with the post in the same run (its lock is still held,
   * a job for now would only find it taken).
   */
  async save(post: AutoPostRow, patch: AutoPostPatch, opts: { wake?: boolean } = {}): Promise<AutoPostRow> {
    const next = { ...post, ...patch, updated_at: this.now() } as AutoPostRow;
    await this.posts.update(post.id, { ...patch, updated_at: next.updated_at });
    this.announce(next);
    if (opts.wake !== false && patch.next_run_at) await this.scheduler.wake(next);
    return next;
  }

  announce(post: AutoPostRow): void {
    this.bus.publish(post.workspace_id, AUTO_POST_UPDATED, {
      id: post.id,
      accountId: post.account_id,
      status: post.status,
      scheduledAt: post.scheduled_at,
      errorCode: post.error_code,
    });
  }
}
