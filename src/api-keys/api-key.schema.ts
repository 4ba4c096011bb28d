import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { ApiKeyRow } from './api-key.repository.js';

/** `read` allows GET (and HEAD/OPTIONS); `write` allows every other method. Neither implies the other. */
export const apiKeyScope = z.enum(['read', 'write']);
export type ApiKeyScope = z.infer<typeof apiKeyScope>;

export const createBody = z.object({
  name: z.string().trim().min(1).max(100),
  // Explicit, no default: a key gets exactly the access its owner asked for.
  scopes: z
    .array(apiKeyScope)
    .min(1)
    .max(2)
    .transform((s) => [...new Set(s)]),
});
export type CreateApiKey = z.infer<typeof createBody>;

export const listQuery = pageQuery;

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  /** the key's first characters, to tell keys apart; not enough to use it */
  prefix: z.string(),
  scopes: z.array(apiKeyScope),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

/** the answer to POST: the only time the key itself is ever shown */
export const createdApiKeyView = apiKeyView
  .pick({ id: true, name: true, prefix: true, scopes: true, createdAt: true })
  .extend({ key: z.string() });

export function parseScopes(json: string): ApiKeyScope[] {
  const parsed = z.array(apiKeyScope).safeParse(JSON.parse(json));
  // A row edited by hand into something unknown grants nothing rather than failing every request.
  return parsed.success ? parsed.data : [];
}

export function toApiKeyView(r: ApiKeyRow): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: parseScopes(r.scopes),
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}
