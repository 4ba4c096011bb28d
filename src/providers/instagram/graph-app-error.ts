import { AppError } from '../../errors.js';
import { GraphError } from './graph-errors.js';

/**
 * What an API caller sees when Meta refuses a call made on its behalf (connecting an account,
 * refreshing a token). Inbox and publishing record Graph errors on their rows instead.
 */
export function graphToAppError(err: unknown): unknown {
  if (!(err instanceof GraphError)) return err;
  const reason = err.graphMessage ?? err.message;
  switch (err.kind) {
    case 'token_invalid':
      return new AppError('token_invalid', `Instagram refused the access token: ${reason}`, 422, {
        metaCode: err.code,
      });
    case 'permission':
      return new AppError(
        'permission_missing',
        `The token lacks a permission Relaydesk needs: ${reason}`,
        422,
        {
          metaCode: err.code,
        },
      );
    case 'rate_limited':
      return new AppError('provider_rate_limited', `Instagram is rate-limiting this app: ${reason}`, 503, {
        retryAfterSeconds: Math.ceil((err.retryAfterMs ?? 60_000) / 1000),
      });
    case 'transient':
      return new AppError(
        'provider_unavailable',
        `Instagram did not answer properly (${reason}); try again`,
        502,
      );
    default:
      return new AppError('provider_rejected', `Instagram rejected the request: ${reason}`, 422, {
        metaCode: err.code,
      });
  }
}
