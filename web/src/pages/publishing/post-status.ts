import type { AutoPostStatus, AutoPostView } from './schedule-types.js';

// What a scheduled post's state means on screen: its badge, what may be done with it, and why it
// failed in plain words (the server's errorCode picks a translated sentence; its errorMessage,
// which names the file or Meta's own reason, is shown under it).

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

export const statusTone: Record<AutoPostStatus, Tone> = {
  pending: 'info',
  publishing: 'info',
  held: 'warn',
  published: 'ok',
  failed: 'bad',
  cancelled: 'muted',
  skipped: 'muted',
};

export interface PostActions {
  cancel: boolean;
  reschedule: boolean;
  edit: boolean;
  /** now instead of at its time; a held post checks the quota again, a failed one is retried */
  publishNow: boolean;
  /** gone from the schedule for good; a post on its way out cannot be pulled back */
  remove: boolean;
}

export function postActions(p: Pick<AutoPostView, 'status'>): PostActions {
  const pending = p.status === 'pending';
  return {
    cancel: pending || p.status === 'held',
    reschedule: pending,
    edit: pending,
    publishNow: pending || p.status === 'held' || p.status === 'failed',
    remove: p.status !== 'publishing',
  };
}

/** error codes a publishing run stores, each with a sentence in the dictionaries */
export const publishErrorCodes = [
  'media_not_public',
  'media_rejected',
  'container_error',
  'container_expired',
  'container_timeout',
  'caption_limits_exceeded',
  'publishing_limit_reached',
  'token_invalid',
  'permission_missing',
  'provider_rejected',
  'provider_unavailable',
  'provider_rate_limited',
  'publish_outcome_unknown',
  'media_id_unknown',
  'first_comment_failed',
  'out_of_stock',
  'account_cannot_publish',
  'account_unavailable',
  'product_unavailable',
  'validation_failed',
  'publish_failed',
] as const;
export type PublishErrorCode = (typeof publishErrorCodes)[number];

export type Problem =
  | { code: PublishErrorCode; detail: string | null }
  | { code: null; detail: string }
  | null;

/**
 * The problem to show with a post, or null. A pending post may carry the last transient error of a
 * run that will be retried; a published one the failure of its optional first comment.
 */
export function postProblem(p: Pick<AutoPostView, 'errorCode' | 'errorMessage'>): Problem {
  if (!p.errorCode && !p.errorMessage) return null;
  const known = (publishErrorCodes as readonly string[]).includes(p.errorCode ?? '');
  if (known) return { code: p.errorCode as PublishErrorCode, detail: p.errorMessage };
  return { code: null, detail: p.errorMessage ?? p.errorCode ?? '' };
}
