import type { Account, AccountStatus } from './types.js';

// What an account's state means on screen: badge colour, the name to show, and which actions apply.

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** active green, expiring amber, token_expired red, disconnected grey */
export const statusTone: Record<AccountStatus, Tone> = {
  active: 'ok',
  expiring: 'warn',
  token_expired: 'bad',
  disconnected: 'muted',
};

// Instagram handles are letters, digits, periods and underscores; anything else (a Chatrace page
// name such as "Lumen Studio") is shown as it is, without the @.
const handle = /^@?[\p{L}\p{N}._]+$/u;

/** '@username' when known; otherwise the name, the Instagram id, or the account's own id. */
export function accountLabel(a: Pick<Account, 'username' | 'name' | 'igUserId' | 'id'>): string {
  if (a.username) return handle.test(a.username) ? `@${a.username.replace(/^@/, '')}` : a.username;
  return a.name || a.igUserId || a.id;
}

export interface AccountActions {
  /** sign in with Instagram again: the only cure for an expired token */
  reauthorize: boolean;
  /** the same sign-in, offered as "Reconnect" once the account was disconnected */
  reconnect: boolean;
  refreshToken: boolean;
  disconnect: boolean;
  fieldMap: boolean;
}

export function availableActions(a: Pick<Account, 'provider' | 'status'>): AccountActions {
  const instagram = a.provider === 'instagram';
  const connected = a.status !== 'disconnected';
  return {
    reauthorize: instagram && (a.status === 'expiring' || a.status === 'token_expired'),
    reconnect: instagram && !connected,
    // Meta refreshes only a long-lived token that has not expired yet:
    // https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
    refreshToken: instagram && (a.status === 'active' || a.status === 'expiring'),
    disconnect: connected,
    fieldMap: a.provider === 'chatrace' && connected,
  };
}
