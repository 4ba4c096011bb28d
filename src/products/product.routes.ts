import { z } from 'zod';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, errorSchema, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { createBody, listQuery, patchBody, productView, toProductView } from './product.schema.js';
import type { ProductService } from './product.service.js';

const tags = ['publishing'];
const errs = { ...errorResponses, 422: errorSchema };

// Roles: everyone in the workspace reads the catalogue; only an owner changes it (prices and
// hashtags end up in posts published on the business's behalf).
export function productRoutes(api: HttpServer, service: ProductService): void {
  api.get(
    '/api/v1/products',
    { schema: { tags, querystring: listQuery, response: { 200: page(productView), ...errs } } },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toProductView), nextCursor: res.nextCursor };
    },
  );

  api.get(
    '/api/v1/products/:id',
    { schema: { tags, params: idParams, response: { 200: productView, ...errs } } },
    async (req) => toProductView(await service.get(req.auth.workspaceId, req.params.id)),
  );

  api.post(
    '/api/v1/products',
    { schema: { tags, body: createBody, response: { 201: productView, ...errs } } },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(201).send(toProductView(await service.create(req.auth.workspaceId, req.body)));
    },
  );

  api.patch(
    '/api/v1/products/:id',
    { schema: { tags, params: idParams, body: patchBody, response: { 200: productView, ...errs } } },
    async (req) => {
      requireOwner(req);
      return toProductView(await service.update(req.auth.workspaceId, req.params.id, req.body));
    },
  );

  api.delete(
    '/api/v1/products/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errs } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
