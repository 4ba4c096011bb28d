import { z } from 'zod';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, errorSchema, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  createSeriesBody,
  patchSeriesBody,
  seriesListQuery,
  seriesView,
  toSeriesView,
} from './auto-post-series.schema.js';
import type { AutoPostSeriesService } from './auto-post-series.service.js';

const tags = ['publishing'];
const more = { 403: errorSchema, 422: errorSchema };

/** recurring rotations (e.g. one product every day at 10:00 Europe/Kyiv); the posts they plan are auto-posts */
export function autoPostSeriesRoutes(api: HttpServer, service: AutoPostSeriesService): void {
  api.get(
    '/api/v1/auto-post-series',
    {
      schema: { tags, querystring: seriesListQuery, response: { 200: page(seriesView), ...errorResponses } },
    },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toSeriesView), nextCursor: res.nextCursor };
    },
  );

  api.get(
    '/api/v1/auto-post-series/:id',
    { schema: { tags, params: idParams, response: { 200: seriesView, ...errorResponses } } },
    async (req) => toSeriesView(await service.get(req.auth.workspaceId, req.params.id)),
  );

  api.post(
    '/api/v1/auto-post-series',
    { schema: { tags, body: createSeriesBody, response: { 201: seriesView, ...errorResponses, ...more } } },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(201).send(toSeriesView(await service.create(req.auth.workspaceId, req.body)));
    },
  );

  api.patch(
    '/api/v1/auto-post-series/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: patchSeriesBody,
        response: { 200: seriesView, ...errorResponses, ...more },
      },
    },
    async (req) => {
      requireOwner(req);
      return toSeriesView(await service.update(req.auth.workspaceId, req.params.id, req.body));
    },
  );

  /** stops the rotation; its waiting post goes, published posts stay */
  api.delete(
    '/api/v1/auto-post-series/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses, ...more } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
