import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, errorSchema, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  apiKeyView,
  createBody,
  createdApiKeyView,
  listQuery,
  parseScopes,
  toApiKeyView,
} from './api-key.schema.js';
import type { ApiKeyService } from './api-key.service.js';

const tags = ['api-keys'];
const forbidden = { 403: errorSchema };
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest hook, registered right after authenticate() on the /api/v1 scope: an API key may use
 * a route only with the scope its method needs. Sessions carry no scopes and pass. Living here,
 * not in each route, so a route added later cannot forget it.
 */
export async function apiKeyScope(req: FastifyRequest): Promise<void> {
  if (req.auth?.via !== 'api_key') return;
  const needed = READ_METHODS.has(req.method) ? 'read' : 'write';
  // A context without scopes (should not happen for a key) is refused: fail closed.
  if (!(req.auth.scopes ?? []).includes(needed)) {
    throw new AppError('insufficient_scope', `This API key lacks the '${needed}' scope`, 403, {
      requiredScope: needed,
    });
  }
}

// Anyone in the workspace may list the keys (names and prefixes only: nothing usable); only an
// owner, signed in, creates or revokes them.
export function apiKeyRoutes(api: HttpServer, service: ApiKeyService): void {
  api.get(
    '/api/v1/api-keys',
    { schema: { tags, querystring: listQuery, response: { 200: page(apiKeyView), ...errorResponses } } },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toApiKeyView), nextCursor: res.nextCursor };
    },
  );

  api.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        body: createBody,
        response: { 201: createdApiKeyView, ...errorResponses, ...forbidden },
      },
    },
    async (req, reply) => {
      requireOwner(req);
      const { row, key } = await service.create(req.auth, req.body);
      // The one response that carries the key: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        id: row.id,
        name: row.name,
        prefix: row.prefix,
        scopes: parseScopes(row.scopes),
        createdAt: row.created_at,
        key,
      });
    },
  );

  api.delete(
    '/api/v1/api-keys/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses, ...forbidden } } },
    async (req, reply) => {
      requireOwner(req);
      await service.revoke(req.auth, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
