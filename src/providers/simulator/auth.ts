import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SimContext } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { accessToken, type ParsedRequest, str } from './http-io.js';
import type { SimAccount, SimToken } from './types.js';

// Every Graph call needs a valid token: missing or unknown → 190 (cannot parse), past its expiry
// → 190/463, revoked → 190/467 (or 458/460). An `appsecret_proof`, when sent, must be the
// HMAC-SHA256 of the token keyed with the app secret.
// https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging-and-error-handling

export function authenticate(sim: SimContext, req: ParsedRequest): { token: SimToken; account: SimAccount } {
  const value = accessToken(req);
  const token = value ? sim.state.tokens.get(value) : undefined;
  if (!token) throw graphErrors.tokenUnparseable();
  if (token.revoked) throw graphErrors.tokenRevoked(token.revoked.subcode, token.revoked.message);
  const now = sim.clock();
  if (token.expiresAt <= now) throw graphErrors.tokenExpired(token.expiresAt, now);
  const account = sim.state.accounts.get(token.accountId);
  if (!account) throw graphErrors.tokenUnparseable();
  const proof = str(req.params.appsecret_proof);
  if (proof !== undefined && !proofMatches(proof, token.token, sim.app.secret)) {
    throw new GraphError({ message: 'Invalid appsecret_proof provided in the API argument', code: 100 });
  }
  return { token, account };
}

function proofMatches(proof: string, token: string, secret: string): boolean {
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('hex'));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** the account a token names, valid or not (usage headers and call records want it) */
export function tokenAccount(sim: SimContext, req: ParsedRequest): string | null {
  const value = accessToken(req);
  return (value && sim.state.tokens.get(value)?.accountId) || null;
}
