import { AppError } from '../errors.js';
import { publishingErrorMessage } from '../providers/instagram/graph-error-messages.js';
import { GraphError } from '../providers/instagram/graph-errors.js';

// What a failed Graph call means for an auto-post, from the GraphError's closed union and Meta's
// 2207xxx publishing subcodes (never from message text). Codes and texts:
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes

export type PublishOutcome =
  /** give up: the post is failed with this code and readable message */
  | { kind: 'fail'; code: string; message: string; tokenRejected: boolean }
  /** try again later; outcomeUnknown: the call may have reached Meta, so check before repeating */
  | { kind: 'retry'; code: string; message: string; outcomeUnknown: boolean }
  /** the account's 24 h publishing quota is used up (2207042): wait for quota */
  | { kind: 'hold'; message: string }
  /** 2207027: the container is not finished yet; poll again */
  | { kind: 'not_ready' };

/** media Meta could not download or accept: the user has to change the file or its URL */
const MEDIA_SUBCODES = new Set([2207003, 2207004, 2207005, 2207009, 2207020, 2207026, 2207052, 2207053]);

const fail = (code: string, message: string, tokenRejected = false): PublishOutcome => ({
  kind: 'fail',
  code,
  message,
  tokenRejected,
});

export function publishOutcome(err: unknown): PublishOutcome {
  if (err instanceof AppError) return fail(err.code, err.message);
  if (!(err instanceof GraphError)) {
    return {
      kind: 'retry',
      code: 'publish_failed',
      message: (err as Error)?.message ?? 'unknown error',
      outcomeUnknown: true,
    };
  }
  const sub = err.subcode;
  const meta = err.userMessage ?? err.graphMessage ?? err.message;
  if (sub === 2207042) return { kind: 'hold', message: publishingErrorMessage(sub) };
  if (sub === 2207027) return { kind: 'not_ready' };
  if (sub === 2207008) return fail('container_expired', publishingErrorMessage(sub));
  if (sub === 2207010) return fail('caption_limits_exceeded', publishingErrorMessage(sub));
  if (sub !== null && MEDIA_SUBCODES.has(sub) && err.kind !== 'transient')
    return fail('media_rejected', `${publishingErrorMessage(sub)} (Instagram said: ${meta})`);
  switch (err.kind) {
    case 'token_invalid':
      return fail('token_invalid', `Instagram refused the access token: ${meta}`, true);
    case 'permission':
      return fail('permission_missing', `The connection lacks the content publishing permission: ${meta}`);
    case 'rate_limited':
      return { kind: 'retry', code: 'provider_rate_limited', message: err.message, outcomeUnknown: false };
    case 'transient':
      return {
        kind: 'retry',
        code: 'provider_unavailable',
        message: sub !== null ? publishingErrorMessage(sub) : err.message,
        // a lost answer or a server error may come after Meta did the work
        outcomeUnknown: err.origin === 'timeout' || err.origin === 'network' || (err.httpStatus ?? 0) >= 500,
      };
    default:
      return fail(
        'provider_rejected',
        sub !== null && sub >= 2207000 && sub <= 2207999 ? publishingErrorMessage(sub) : err.message,
      );
  }
}

/** the readable reason a container ended in ERROR (its `status` carries the 2207xxx subcode) */
export function containerErrorMessage(status: { errorSubcode: number | null; status: string | null }) {
  if (status.errorSubcode !== null) return publishingErrorMessage(status.errorSubcode);
  return `Instagram could not process the media${status.status ? ` (${status.status})` : ''}`;
}

export const EXPIRED_MESSAGE =
  'The media container expired before it was published (Instagram keeps containers for 24 hours); publish again';
export const TIMEOUT_MESSAGE =
  'Instagram was still processing the media after 15 minutes; check that the file meets the media specifications and publish again';
