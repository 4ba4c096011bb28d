import { authenticate } from './auth.js';
import type { RawReply, SimContext } from './context.js';
import { GraphError, OAuthError } from './errors.js';
import { type ParsedRequest, str } from './http-io.js';
import { newOAuthCode } from './ids.js';
import { TOKEN_TTL_MS } from './state.js';
import { allPermissions, type Permission, type SimAccount } from './types.js';

// Business Login for Instagram: authorize → code (1 h, single use) → short-lived token (1 h) →
// ig_exchange_token → long-lived (60 days) → ig_refresh_token (only when ≥ 24 h old, not expired).
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login

const CODE_TTL_MS = 3600_000;
const DAY_MS = 86_400_000;

/** GET /oauth/authorize: redirect to redirect_uri with `?code=…&state=…#_`, or with the cancel error. */
export function authorize(sim: SimContext, req: ParsedRequest): RawReply {
  const q = req.query;
  if (q.client_id !== sim.app.id)
    return page(400, 'Invalid Request: Request parameters are invalid: Invalid platform app');
  if (!q.redirect_uri || !/^https?:\/\//.test(q.redirect_uri)) return page(400, 'Invalid redirect_uri');
  if (q.response_type !== 'code') return page(400, 'Invalid Request: response_type must be "code"');
  const decision = q.sim_decision;
  if (sim.settings.oauthConsentPage && !decision) return consentPage(req);
  const target = new URL(q.redirect_uri);
  if (decision === 'deny' || sim.faults.takeOAuthDenial()) {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_reason', 'user_denied');
    target.searchParams.set('error_description', 'The user denied your request.');
  } else {
    const account = loginAccount(sim, q.sim_user);
    const code = newOAuthCode();
    const permissions = scopes(q.scope);
    sim.state.codes.set(code, {
      code,
      accountId: account.userId,
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      permissions,
      issuedAt: sim.clock(),
      used: false,
    });
    target.searchParams.set('code', code);
  }
  if (q.state !== undefined) target.searchParams.set('state', q.state);
  // Meta appends "#_" to the redirect; clients must strip it from the code.
  return { raw: true, status: 302, headers: { location: `${target.toString()}#_` } };
}

/** POST /oauth/access_token (api.instagram.com): code → short-lived token. Errors use the OAuth shape. */
export function exchangeCode(sim: SimContext, req: ParsedRequest): unknown {
  const p = (name: string) => str(req.params[name]);
  for (const name of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code']) {
    if (!p(name)) throw new OAuthError(`Missing required parameter: ${name}`);
  }
  if (p('client_id') !== sim.app.id) throw new OAuthError('Invalid platform app');
  if (p('client_secret') !== sim.app.secret) throw new OAuthError('Error validating client secret.');
  if (p('grant_type') !== 'authorization_code') throw new OAuthError('Unsupported grant_type');
  const code = sim.state.codes.get((p('code') ?? '').replace(/#_$/, ''));
  if (!code || code.used || code.issuedAt + CODE_TTL_MS <= sim.clock() || code.clientId !== p('client_id')) {
    throw new OAuthError('Matching code was not found or was already used');
  }
  if (code.redirectUri !== p('redirect_uri')) {
    throw new OAuthError(
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    );
  }
  code.used = true;
  const token = sim.state.issueToken(code.accountId, 'short', code.permissions);
  const account = sim.state.accounts.get(code.accountId) as SimAccount;
  // user_id is the app-scoped id (/me `id`), not the professional id that webhooks carry.
  if (sim.settings.oauthTokenShape === 'flat') {
    return {
      access_token: token.token,
      user_id: Number(account.appScopedId),
      permissions: token.permissions,
    };
  }
  return {
    data: [
      { access_token: token.token, user_id: account.appScopedId, permissions: token.permissions.join(',') },
    ],
  };
}

/** GET /access_token?grant_type=ig_exchange_token&client_secret=…&access_token=<short-lived> */
export function exchangeForLongLived(sim: SimContext, req: ParsedRequest): unknown {
  if (str(req.params.grant_type) !== 'ig_exchange_token') throw unsupportedGrant();
  if (str(req.params.client_secret) !== sim.app.secret) {
    throw new GraphError({ message: 'Error validating client secret.', code: 1 });
  }
  const { token } = authenticate(sim, req);
  // INFERRED: Meta documents only short-lived tokens as input; no published body for the refusal.
  if (token.kind !== 'short') {
    throw new GraphError({
      message: '(#100) Only a short-lived token can be exchanged for a long-lived token',
      code: 100,
    });
  }
  const long = sim.state.issueToken(token.accountId, 'long', token.permissions);
  return { access_token: long.token, token_type: 'bearer', expires_in: TOKEN_TTL_MS.long / 1000 };
}

/** GET /refresh_access_token?grant_type=ig_refresh_token&access_token=<long-lived ≥ 24 h old> */
export function refreshLongLived(sim: SimContext, req: ParsedRequest): unknown {
  if (str(req.params.grant_type) !== 'ig_refresh_token') throw unsupportedGrant();
  const { token } = authenticate(sim, req);
  // INFERRED texts: Meta states the rules (long-lived, at least 24 h old, unexpired), not the bodies.
  if (token.kind !== 'long') {
    throw new GraphError({ message: '(#100) Only a long-lived token can be refreshed', code: 100 });
  }
  if (token.issuedAt + DAY_MS > sim.clock()) {
    throw new GraphError({
      message: '(#100) The access token can be refreshed only when it is at least 24 hours old',
      code: 100,
    });
  }
  const fresh = sim.state.issueToken(token.accountId, 'long', token.permissions);
  return { access_token: fresh.token, token_type: 'bearer', expires_in: TOKEN_TTL_MS.long / 1000 };
}

const unsupportedGrant = () => new GraphError({ message: '(#100) Unsupported grant_type', code: 100 });

function loginAccount(sim: SimContext, hint: string | undefined): SimAccount {
  const chosen =
    (hint && sim.state.findAccount(hint)) ||
    (sim.state.loginAccountId && sim.state.accounts.get(sim.state.loginAccountId)) ||
    sim.state.accounts.values().next().value;
  return chosen ?? sim.state.createAccount();
}

function scopes(scope: string | undefined): Permission[] {
  if (!scope) return [...allPermissions];
  const asked = scope.split(/[,\s]+/);
  return allPermissions.filter((p) => asked.includes(p));
}

function page(status: number, message: string): RawReply {
  return {
    raw: true,
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><title>Instagram</title><p>${escapeHtml(message)}</p>`,
  };
}

function consentPage(req: ParsedRequest): RawReply {
  const link = (decision: string) => {
    const q = new URLSearchParams({ ...req.query, sim_decision: decision });
    return `?${q.toString()}`;
  };
  const body = `<!doctype html><title>Instagram (simulated)</title>
<h1>Allow this app to access your Instagram professional account?</h1>
<p><a id="allow" href="${escapeHtml(link('allow'))}">Allow</a> · <a id="cancel" href="${escapeHtml(link('deny'))}">Cancel</a></p>`;
  return { raw: true, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
