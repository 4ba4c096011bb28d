import { AppError, errors } from '../errors.js';
import type { GraphError } from '../providers/instagram/graph-errors.js';

/**
 * A refused comment action (reply, hide, delete) as a stable error code, from GraphClient's closed
 * error union (never from message text). Codes and statuses are those of every other call made on
 * a user's behalf (graph-app-error.ts, docs/errors.md); `comment_gone` is Meta saying the comment
 * no longer exists.
 */
export function commentActionError(err: GraphError, action: string): AppError {
  const reason = err.userMessage ?? err.graphMessage ?? err.message;
  switch (err.kind) {
    case 'token_invalid':
      return errors.unprocessable('token_invalid', `Instagram refused the access token: ${reason}`);
    case 'permission':
      return errors.unprocessable(
        'permission_missing',
        `The connection lacks the instagram_business_manage_comments permission: ${reason}`,
      );
    case 'not_found':
      return errors.conflict('comment_gone', `The comment no longer exists on Instagram: ${reason}`);
    case 'rate_limited': {
      const retryAfterSeconds = Math.ceil((err.retryAfterMs ?? 60_000) / 1000);
      return new AppError('provider_rate_limited', `Instagram is rate-limiting: ${reason}`, 503, {
        retryAfterSeconds,
      });
    }
    case 'transient':
      // For a reply the outcome is unknown: it may have been posted; the next sync or webhook shows it.
      return new AppError(
        'provider_unavailable',
        `Instagram did not answer properly; ${action} may not have happened: ${reason}`,
        502,
      );
    default:
      return errors.unprocessable('provider_rejected', `Instagram refused to ${action}: ${reason}`);
  }
}
