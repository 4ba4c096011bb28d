import { backoffDelay } from '../jobs/job-queue.js';
import type { GraphAuth } from '../providers/instagram/graph-client.js';
import type { AutoPostRepository, AutoPostRow } from './auto-post.repository.js';
import { TIMEOUT_MESSAGE } from './auto-post-failure.js';
import type { AutoPostSettle } from './auto-post-settle.js';
import type { AutoPostWriter } from './auto-post-writer.js';

/** how long Meta may process containers before the post fails (reels can take minutes) */
export const POLL_BOUND_MS = 15 * 60_000;
/** transient failures (Meta down, network) before the post fails */
export const MAX_ATTEMPTS = 8;
const retryPolicy = { attempts: MAX_ATTEMPTS, backoffMs: 5_000, maxBackoffMs: 15 * 60_000 };
const DAY = 86_400_000;

// Meta recommends reading a container's status_code about once a minute for a few minutes;
// most photos finish within seconds, so polls start at 1 s and back off (Fibonacci) to 60 s.
// https://developers.facebook.com/docs/instagram-platform/content-publishing#troubleshooting
const POLL_DELAYS_S = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55];
export const pollDelay = (polls: number) => (POLL_DELAYS_S[polls] ?? 60) * 1_000;

/** The moves a publishing run makes with a post; each is one committed write (see AutoPostWriter). */
export class AutoPostTransitions {
  constructor(
    private readonly w: AutoPostWriter,
    private readonly posts: Pick<AutoPostRepository, 'oldestPublishedSince'>,
    private readonly settle: Pick<AutoPostSettle, 'run'>,
    private readonly clock: () => number,
  ) {}

  /** Meta is still processing: look again after a backoff, or give up after POLL_BOUND_MS */
  async pollLater(post: AutoPostRow, auth: GraphAuth | null): Promise<void> {
    const started = Date.parse(post.containers_created_at ?? post.updated_at);
    if (this.clock() - started > POLL_BOUND_MS)
      return this.fail(post, 'container_timeout', TIMEOUT_MESSAGE, auth);
    await this.w.save(post, { polls: post.polls + 1, next_run_at: this.w.in(pollDelay(post.polls)) });
  }

  async fail(post: AutoPostRow, code: string, message: string, auth: GraphAuth | null): Promise<void> {
    const failed = await this.w.save(
      post,
      { status: 'failed', error_code: code, error_message: message, next_run_at: this.w.now() },
      { wake: false },
    );
    await this.settle.run(failed, auth);
  }

  /** a transient failure: the same step again after a backoff, until MAX_ATTEMPTS */
  async retry(post: AutoPostRow, code: string, message: string, auth: GraphAuth | null): Promise<void> {
    const attempts = post.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      // after an unconfirmed media_publish nobody knows whether the post is out: say so
      return post.publish_attempted_at
        ? this.fail(
            post,
            'publish_outcome_unknown',
            `Instagram did not confirm the publish and could not be asked again (${message}); check the account before publishing again`,
            auth,
          )
        : this.fail(post, code, message, auth);
    }
    const next_run_at = this.w.in(backoffDelay(retryPolicy, attempts));
    await this.w.save(post, { attempts, error_code: code, error_message: message, next_run_at });
  }

  /**
   * The account's 24 h quota is used up. Its containers are dropped (nothing was published, and a
   * container kept for long expires); the post is built afresh when it is its turn. It is looked
   * at again when our oldest publish in the window leaves it, at most an hour from now.
   * https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit
   */
  async hold(post: AutoPostRow, reason: string): Promise<void> {
    const now = this.clock();
    const oldest = await this.posts.oldestPublishedSince(post.account_id, new Date(now - DAY).toISOString());
    const frees = oldest ? Date.parse(oldest) + DAY + 60_000 : now + 3_600_000;
    const at = new Date(Math.min(Math.max(frees, now + 60_000), now + 3_600_000)).toISOString();
    await this.w.save(post, {
      status: 'held',
      error_code: 'publishing_limit_reached',
      error_message: `${reason}; the post waits for quota and is tried again at ${at}`,
      children: null,
      container_id: null,
      container_status: null,
      containers_created_at: null,
      polls: 0,
      publish_attempted_at: null,
      next_run_at: at,
    });
  }

  async published(post: AutoPostRow, mediaId: string | null, auth: GraphAuth | null): Promise<void> {
    const done = await this.w.save(
      post,
      {
        status: 'published',
        ig_media_id: mediaId,
        published_at: this.w.now(),
        // recovered after a lost answer: Meta says the container is published, but not as which post
        error_code: mediaId ? null : 'media_id_unknown',
        error_message: mediaId ? null : 'Published, but Instagram did not say which post it became',
        attempts: 0,
        next_run_at: this.w.now(),
      },
      { wake: false },
    );
    await this.settle.run(done, auth);
  }
}
