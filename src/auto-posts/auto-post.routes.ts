import { z } from 'zod';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, errorSchema, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { autoPostView, createBody, listQuery, patchBody, toAutoPostView } from './auto-post.schema.js';
import type { AutoPostService } from './auto-post.service.js';

const tags = ['publishing'];
const more = { 403: errorSchema, 422: errorSchema };

// Roles: everyone in the workspace sees the schedule; only an owner decides what the business
// publishes (as with products and caption templates).
export function autoPostRoutes(api: HttpServer, service: AutoPostService): void {
  api.get(
    '/api/v1/auto-posts',
    { schema: { tags, querystring: listQuery, response: { 200: page(autoPostView), ...errorResponses } } },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toAutoPostView), nextCursor: res.nextCursor };
    },
  );

  api.get(
    '/api/v1/auto-posts/:id',
    { schema: { tags, params: idParams, response: { 200: autoPostView, ...errorResponses } } },
    async (req) => toAutoPostView(await service.get(req.auth.workspaceId, req.params.id)),
  );

  api.post(
    '/api/v1/auto-posts',
    { schema: { tags, body: createBody, response: { 201: autoPostView, ...errorResponses, ...more } } },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(201).send(toAutoPostView(await service.create(req.auth.workspaceId, req.body)));
    },
  );

  /** change or reschedule while pending; `{"status":"cancelled"}` cancels */
  api.patch(
    '/api/v1/auto-posts/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: patchBody,
        response: { 200: autoPostView, ...errorResponses, ...more },
      },
    },
    async (req) => {
      requireOwner(req);
      return toAutoPostView(await service.update(req.auth.workspaceId, req.params.id, req.body));
    },
  );

  api.post(
    '/api/v1/auto-posts/:id/cancel',
    { schema: { tags, params: idParams, response: { 200: autoPostView, ...errorResponses, ...more } } },
    async (req) => {
      requireOwner(req);
      return toAutoPostView(await service.cancel(req.auth.workspaceId, req.params.id));
    },
  );

  /** the seed's publish_now: goes out now (a held post checks the quota again; a failed one retries) */
  api.post(
    '/api/v1/auto-posts/:id/publish-now',
    { schema: { tags, params: idParams, response: { 202: autoPostView, ...errorResponses, ...more } } },
    async (req, reply) => {
      requireOwner(req);
      return reply
        .status(202)
        .send(toAutoPostView(await service.publishNow(req.auth.workspaceId, req.params.id)));
    },
  );

  api.delete(
    '/api/v1/auto-posts/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses, ...more } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
