import type { AccountRow } from '../accounts/account.repository.js';
import { statusAt } from '../accounts/account-status.js';

/**
 * Why Graph media and comment calls cannot be made for this account now, or null when they can.
 * Chatrace connections have no Graph access at all; a disconnected or refused account needs
 * reconnecting first (its stored token would only be refused again).
 */
export function graphUnavailable(a: AccountRow, now: number): string | null {
  if (a.provider !== 'instagram') return 'Chatrace connections have no Instagram media or comments';
  if (a.status === 'disconnected') return 'The account is disconnected; connect it again first';
  if (!a.access_token_enc || statusAt(a, now) === 'token_expired')
    return 'Instagram no longer accepts the account token; reconnect the account first';
  return null;
}
