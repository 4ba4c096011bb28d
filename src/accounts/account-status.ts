import type { AccountRow } from './account.repository.js';

export type AccountStatus = AccountRow['status'];

const DAY = 86_400_000;
/** shown as `expiring` (with a re-authorise link) this long before the token runs out */
export const EXPIRING_WITHIN_MS = 7 * DAY;

/**
 * The status a stored account should have now. `token_expired` sticks once a call was refused
 * with a token error (Meta revoked it), even if the expiry date lies in the future.
 */
export function statusAt(
  a: Pick<AccountRow, 'status' | 'provider' | 'token_expires_at'>,
  now: number,
): AccountStatus {
  if (a.status === 'disconnected' || a.status === 'token_expired') return a.status;
  if (a.provider !== 'instagram' || !a.token_expires_at) return 'active';
  const left = Date.parse(a.token_expires_at) - now;
  if (left <= 0) return 'token_expired';
  return left < EXPIRING_WITHIN_MS ? 'expiring' : 'active';
}

/**
 * Meta refreshes only long-lived tokens that are at least 24 h old and not expired; Relaydesk
 * refreshes them once they are within 20 days of expiry, idle accounts included.
 * https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
 */
export function refreshDue(
  a: Pick<AccountRow, 'status' | 'provider' | 'token_expires_at' | 'token_issued_at'>,
  now: number,
): boolean {
  if (a.provider !== 'instagram' || a.status === 'disconnected' || a.status === 'token_expired') return false;
  const issued = a.token_issued_at ? Date.parse(a.token_issued_at) : 0;
  if (now - issued < DAY) return false;
  // A pasted token's expiry is unknown until the first refresh tells it.
  if (!a.token_expires_at) return true;
  const expires = Date.parse(a.token_expires_at);
  return expires > now && expires - now <= 20 * DAY;
}
