import type { FastifyRequest } from 'fastify';
import type { AuthContext, SessionTokens } from '../auth/session-token.js';
import { errors } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext;
  }
}

/** Resolves an API key to its context; provided by the api-keys feature when it exists. */
export type ApiKeyResolver = (key: string) => Promise<AuthContext | null>;

/**
 * onRequest hook for every protected route: a login token (JWT) or an API key (`rdk_…`) in
 * `Authorization: Bearer`. Routes then read `req.auth.workspaceId` and never trust the client
 * to say which workspace it is in.
 */
export function authenticate(tokens: SessionTokens, apiKeys?: ApiKeyResolver) {
  return async (req: FastifyRequest) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    // EventSource cannot set headers, so the SSE stream also takes ?access_token=.
    const token = match?.[1] ?? (req.method === 'GET' ? accessTokenParam(req) : undefined);
    if (!token) throw errors.unauthorized();
    if (token.startsWith('rdk_') && apiKeys) {
      const ctx = await apiKeys(token);
      if (!ctx) throw errors.unauthorized('The API key is invalid or revoked');
      req.auth = ctx;
      return;
    }
    req.auth = await tokens.verify(token);
  };
}

function accessTokenParam(req: FastifyRequest): string | undefined {
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.access_token === 'string' ? q.access_token : undefined;
}

export function requireOwner(req: FastifyRequest): void {
  if (req.auth.role !== 'owner') throw errors.forbidden('Only an owner of the workspace can do this');
}
