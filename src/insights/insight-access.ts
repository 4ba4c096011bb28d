import type { AccountRow } from '../accounts/account.repository.js';
import { statusAt } from '../accounts/account-status.js';
import { errors } from '../errors.js';

/** why Instagram insights cannot be read for this account now, or null when they can */
export function statisticsUnavailable(a: AccountRow, now: number): string | null {
  if (a.provider !== 'instagram') return 'Chatrace connections have no Instagram insights';
  if (a.status === 'disconnected') return 'The account is disconnected; connect it again first';
  if (!a.access_token_enc || statusAt(a, now) === 'token_expired')
    return 'Instagram no longer accepts the account token; reconnect the account first';
  return null;
}

export const statisticsUnavailableError = (message: string) =>
  errors.conflict('statistics_unavailable', message);

/** one pending run per account and kind: asking again while one waits returns that job */
export const insightKeys = {
  account: (accountId: string, days?: number) => `insights:${accountId}:${days ?? 'auto'}`,
  posts: (accountId: string) => `post-insights:${accountId}`,
};
