import { AppError } from '../errors.js';
import { ChatraceError } from '../providers/chatrace/chatrace-errors.js';
import { GraphError } from '../providers/instagram/graph-errors.js';

export interface SendFailure {
  /** stored on the message as error.code (docs/errors.md lists them) */
  code: string;
  message: string;
  /** worth another try later (rate limit, Meta or the network having a bad moment) */
  retry: boolean;
  /** the request may have reached Meta: the next try must check before sending again */
  outcomeUnknown: boolean;
  /** the stored token was refused: the account needs reconnecting */
  tokenRejected: boolean;
}

const fail = (code: string, message: string, more: Partial<SendFailure> = {}): SendFailure => ({
  code,
  message,
  retry: false,
  outcomeUnknown: false,
  tokenRejected: false,
  ...more,
});

/** why a send failed, from the provider's closed error union (never from message text) */
export function sendFailure(err: unknown): SendFailure {
  if (err instanceof GraphError) {
    const reason = err.userMessage ?? err.graphMessage ?? err.message;
    switch (err.kind) {
      case 'outside_window':
        return fail(
          'outside_messaging_window',
          `Instagram refused: outside the messaging window (${reason})`,
        );
      case 'recipient_unavailable':
        return fail('recipient_unavailable', `The customer cannot receive messages now: ${reason}`);
      case 'token_invalid':
        return fail('token_invalid', `Instagram refused the access token: ${reason}`, {
          tokenRejected: true,
        });
      case 'permission':
        return fail('permission_missing', `The connection lacks a messaging permission: ${reason}`);
      case 'rate_limited':
        return fail('provider_rate_limited', `Instagram is rate-limiting: ${reason}`, { retry: true });
      case 'transient':
        return fail('provider_unavailable', `Instagram did not answer properly: ${reason}`, {
          retry: true,
          // A server error or a lost answer may come after Meta accepted the message.
          outcomeUnknown:
            err.origin === 'timeout' || err.origin === 'network' || (err.httpStatus ?? 0) >= 500,
        });
      default:
        return fail('provider_rejected', `Instagram rejected the message: ${reason}`);
    }
  }
  if (err instanceof ChatraceError) {
    if (err.kind === 'token_invalid')
      return fail('token_invalid', `Chatrace refused the API token: ${err.message}`, { tokenRejected: true });
    if (err.kind === 'transient' || err.kind === 'rate_limited')
      return fail('provider_unavailable', `Chatrace: ${err.message}`, { retry: true, outcomeUnknown: true });
    return fail('provider_rejected', `Chatrace rejected the message: ${err.message}`);
  }
  if (err instanceof AppError) return fail(err.code, err.message);
  return fail('send_failed', (err as Error)?.message ?? 'unknown error', {
    retry: true,
    outcomeUnknown: true,
  });
}
