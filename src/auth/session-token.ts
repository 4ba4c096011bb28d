import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { errors } from '../errors.js';

export interface AuthContext {
  userId: string;
  workspaceId: string;
  role: 'owner' | 'agent';
  isAdmin: boolean;
  via: 'session' | 'api_key';
  /** an API key's scopes ('read' = GET, 'write' = every other method); a login session has none */
  scopes?: readonly ('read' | 'write')[];
}

export interface SessionTokens {
  issue(ctx: Omit<AuthContext, 'via'>): Promise<{ accessToken: string; expiresIn: number }>;
  verify(token: string): Promise<AuthContext>;
}

export function createSessionTokens(key: Uint8Array, ttlSeconds: number, clock: () => number): SessionTokens {
  return {
    async issue(ctx) {
      const now = Math.floor(clock() / 1000);
      const accessToken = await new SignJWT({ ws: ctx.workspaceId, role: ctx.role, adm: ctx.isAdmin })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(ctx.userId)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .setIssuer('relaydesk')
        .sign(key);
      return { accessToken, expiresIn: ttlSeconds };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: 'relaydesk',
          algorithms: ['HS256'],
          currentDate: new Date(clock()),
        });
        if (typeof payload.sub !== 'string' || typeof payload.ws !== 'string') throw errors.unauthorized();
        return {
          userId: payload.sub,
          workspaceId: payload.ws,
          role: payload.role === 'owner' ? 'owner' : 'agent',
          isAdmin: payload.adm === true,
          via: 'session',
        };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw errors.tokenExpired();
        throw errors.unauthorized('The bearer token is invalid');
      }
    },
  };
}
