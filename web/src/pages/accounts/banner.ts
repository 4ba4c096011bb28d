import { isMessageKey, type TFunction } from '../../i18n/core.js';

// Instagram Login ends on the server's callback, which sends the browser back to
// /accounts?connected=<accountId> or /accounts?error=<code>&message=<text>. These helpers turn that
// address into a banner and take the parameters off again when it is dismissed.

export type ConnectBanner =
  | { kind: 'connected'; accountId: string }
  | { kind: 'error'; code: string; message: string | null };

const bannerParams = ['connected', 'error', 'message', 'error_reason', 'error_description'];
const MAX_MESSAGE = 500;

export function parseConnectBanner(search: string): ConnectBanner | null {
  const p = new URLSearchParams(search);
  const error = p.get('error');
  if (error !== null) {
    // The code picks a dictionary entry, so only a plain snake_case word is taken.
    const code = /^[a-z0-9_]{1,64}$/i.test(error) ? error.toLowerCase() : 'unknown';
    const text = (p.get('message') ?? p.get('error_description') ?? '').trim();
    return { kind: 'error', code, message: text ? text.slice(0, MAX_MESSAGE) : null };
  }
  const connected = p.get('connected')?.trim();
  return connected ? { kind: 'connected', accountId: connected } : null;
}

/** The same query string without the banner's parameters ('' or '?…'). */
export function withoutBannerParams(search: string): string {
  const p = new URLSearchParams(search);
  for (const name of bannerParams) p.delete(name);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Why the login failed, in the user's language: a specific explanation when the code has one. */
export function explainConnectError(t: TFunction, code: string): string {
  const specific = `accounts.oauthError.${code}`;
  if (isMessageKey(specific)) return t(specific);
  const general = `error.${code}`;
  if (isMessageKey(general)) return t(general);
  return t('accounts.oauthError.unknown', { code });
}
