import type { AutoPostPatch, AutoPostRow } from './auto-post.repository.js';

/** the publishing columns of a post nothing has been done for yet */
export const emptyProgress = {
  error_code: null,
  error_message: null,
  attempts: 0,
  children: null,
  container_id: null,
  container_status: null,
  containers_created_at: null,
  polls: 0,
  publish_attempted_at: null,
  published_caption: null,
  published_media: null,
  published_cover_url: null,
  ig_media_id: null,
  permalink: null,
  published_at: null,
  first_comment_at: null,
  first_comment_id: null,
} satisfies Partial<AutoPostRow>;

/**
 * A failed post tried again. Its containers are kept only when media_publish may have gone
 * through (an unconfirmed publish on a container that did not end in ERROR/EXPIRED): the run then
 * reads that container's status first and never publishes it twice. Otherwise it starts afresh.
 */
export function retryPatch(post: AutoPostRow): AutoPostPatch {
  const unconfirmed =
    post.publish_attempted_at !== null &&
    post.container_id !== null &&
    post.container_status !== 'ERROR' &&
    post.container_status !== 'EXPIRED';
  const base: AutoPostPatch = { status: 'pending', scheduled_at: post.scheduled_at };
  if (unconfirmed) return { ...base, error_code: null, error_message: null, attempts: 0, polls: 0 };
  return { ...base, ...emptyProgress };
}
