import type { AccountRow } from '../accounts/account.repository.js';
import { EXPIRING_WITHIN_MS } from '../accounts/account-status.js';
import { webhookFields } from '../accounts/instagram-connect.service.js';
import { GraphError } from '../providers/instagram/graph-errors.js';
import { defineCheck, type Finding, fail, pass, skip, warn } from './diagnostic-check.js';
import { DAY, type DiagnosticDeps } from './diagnostic-context.js';

// One Instagram account: does Meta accept its token, for how long, and is it subscribed to the
// webhook fields Relaydesk needs (GET /me/subscribed_apps).
// https://developers.facebook.com/docs/instagram-platform/webhooks#enable-subscriptions

const reconnect =
  'Reconnect the account on the Accounts page (Connect with Instagram). A token stops working when the password changes, or the owner logs out or removes the app.';

export const tokenValid = defineCheck({
  id: 'instagram.token',
  group: 'instagram',
  title: 'Token valid',
  outcomes: {
    valid: pass('Instagram accepts the token of @{username}.'),
    refused: fail('Instagram refused the token.', reconnect),
    other_account: fail(
      'The stored token belongs to @{username} ({userId}), not to this account ({externalId}).',
      'Reconnect this account while logged in to Instagram as it.',
    ),
    no_answer: warn(
      'Instagram did not answer, so the token could not be checked.',
      'Run the check again in a minute; if it persists, check that this server can reach graph.instagram.com.',
    ),
    no_token: fail('No token is stored for this account.', reconnect),
  },
});

export const tokenExpiry = defineCheck({
  id: 'instagram.token_expiry',
  group: 'instagram',
  title: 'Token expiry',
  outcomes: {
    valid: pass(
      'The token is valid until {expiresAt} ({days} days); Relaydesk renews it from 20 days before.',
    ),
    unknown: pass('The expiry of this pasted token is not known yet; the daily refresh learns it.'),
    expiring: warn(
      'The token expires at {expiresAt}, in {days} days.',
      'Press "Refresh token now" (or Re-authorise) on the Accounts page; if the refresh fails, the detail says why.',
    ),
    refresh_failed: warn(
      'The last token refresh failed; the token still works until {expiresAt}.',
      'See the detail; Relaydesk tries again daily. Re-authorise on the Accounts page if it keeps failing.',
    ),
    expired: fail(
      'The token expired at {expiresAt}.',
      'Reconnect with Instagram Login on the Accounts page: an expired token cannot be refreshed.',
    ),
    revoked: fail(
      'Instagram refused the token on {at}; the account is paused until it is reconnected.',
      reconnect,
    ),
  },
});

export const fieldsSubscribed = defineCheck({
  id: 'instagram.webhook_fields',
  group: 'instagram',
  title: 'Webhook fields subscribed',
  outcomes: {
    subscribed: pass('All {count} webhook fields Relaydesk uses are subscribed for this account.'),
    missing: fail(
      'Not subscribed: {missing}. New messages or comments do not arrive as webhooks.',
      'Reconnect the account on the Accounts page: connecting subscribes the fields again. Also tick the same fields in App Dashboard → Webhooks.',
    ),
    partly: warn(
      'Not subscribed: {missing} (messages and comments are).',
      'Reconnect the account on the Accounts page: connecting subscribes the fields again.',
    ),
    none: fail(
      "The account is not subscribed to this app's webhooks at all: nothing arrives for it.",
      'Reconnect the account on the Accounts page: connecting subscribes it again.',
    ),
    unreadable: warn(
      'The subscription could not be read.',
      'See the detail; run the check again once Instagram answers.',
    ),
    not_checked: skip('Not checked: the token was refused (see above).'),
  },
});

export function token(d: DiagnosticDeps, a: AccountRow): string | null {
  return a.access_token_enc ? d.secrets.decrypt(a.access_token_enc) : null;
}

const graphReason = (err: unknown) =>
  err instanceof GraphError ? (err.graphMessage ?? err.message) : (err as Error).message;

export async function checkToken(d: DiagnosticDeps, a: AccountRow): Promise<Finding> {
  const accessToken = token(d, a);
  if (!accessToken) return tokenValid.found('no_token');
  try {
    const me = await d.graph.me({ accessToken });
    if (me.userId !== a.external_id)
      return tokenValid.found('other_account', {
        username: me.username,
        userId: me.userId,
        externalId: a.external_id,
      });
    return tokenValid.found('valid', { username: me.username });
  } catch (err) {
    const refused = err instanceof GraphError && (err.kind === 'token_invalid' || err.kind === 'permission');
    return tokenValid.found(refused ? 'refused' : 'no_answer', {}, { detail: graphReason(err) });
  }
}

export function checkExpiry(d: DiagnosticDeps, a: AccountRow): Finding {
  const now = d.clock();
  const expires = a.token_expires_at ? Date.parse(a.token_expires_at) : null;
  const detail = a.last_error;
  if (a.status === 'token_expired' && (expires === null || expires > now))
    return tokenExpiry.found('revoked', { at: a.status_changed_at ?? a.updated_at }, { detail });
  if (expires === null) return tokenExpiry.found('unknown');
  const params = {
    expiresAt: a.token_expires_at ?? '',
    days: Math.max(0, Math.floor((expires - now) / DAY)),
  };
  if (expires <= now) return tokenExpiry.found('expired', params);
  if (expires - now < EXPIRING_WITHIN_MS) return tokenExpiry.found('expiring', params, { detail });
  if (a.last_error?.startsWith('Token refresh failed'))
    return tokenExpiry.found('refresh_failed', params, { detail });
  return tokenExpiry.found('valid', params);
}

const essential = new Set(['messages', 'comments']);

export async function checkFields(d: DiagnosticDeps, a: AccountRow, tokenOk: boolean): Promise<Finding> {
  const accessToken = token(d, a);
  if (!accessToken || !tokenOk) return fieldsSubscribed.found('not_checked');
  let apps: Awaited<ReturnType<DiagnosticDeps['graph']['getSubscribedApps']>>;
  try {
    apps = await d.graph.getSubscribedApps({ accessToken });
  } catch (err) {
    return fieldsSubscribed.found('unreadable', {}, { detail: graphReason(err) });
  }
  // The token is this app's, so every listed app is normally this one; prefer it by id when named.
  const ours = apps.filter((app) => app.appId === d.config.INSTAGRAM_APP_ID);
  const subscribed = new Set((ours.length ? ours : apps).flatMap((app) => app.subscribedFields));
  if (subscribed.size === 0) return fieldsSubscribed.found('none', {}, { link: '/accounts' });
  const missing = webhookFields.filter((f) => !subscribed.has(f));
  if (missing.length === 0) return fieldsSubscribed.found('subscribed', { count: webhookFields.length });
  const code = missing.some((f) => essential.has(f)) ? 'missing' : 'partly';
  return fieldsSubscribed.found(code, { missing: missing.join(', ') }, { link: '/accounts' });
}
