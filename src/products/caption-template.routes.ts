import { z } from 'zod';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, errorSchema, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  createBody,
  listQuery,
  patchBody,
  previewBody,
  previewResult,
  templateView,
  toTemplateView,
} from './caption-template.schema.js';
import type { CaptionTemplateService } from './caption-template.service.js';

const tags = ['publishing'];
const errs = { ...errorResponses, 422: errorSchema };

// Roles as for DM keyword rules: everyone in the workspace reads templates and uses the preview;
// only an owner changes what is published on the business's behalf.
export function captionTemplateRoutes(api: HttpServer, service: CaptionTemplateService): void {
  api.get(
    '/api/v1/caption-templates',
    { schema: { tags, querystring: listQuery, response: { 200: page(templateView), ...errs } } },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toTemplateView), nextCursor: res.nextCursor };
    },
  );

  api.get(
    '/api/v1/caption-templates/:id',
    { schema: { tags, params: idParams, response: { 200: templateView, ...errs } } },
    async (req) => toTemplateView(await service.get(req.auth.workspaceId, req.params.id)),
  );

  api.post(
    '/api/v1/caption-templates',
    { schema: { tags, body: createBody, response: { 201: templateView, ...errs } } },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(201).send(toTemplateView(await service.create(req.auth.workspaceId, req.body)));
    },
  );

  api.patch(
    '/api/v1/caption-templates/:id',
    { schema: { tags, params: idParams, body: patchBody, response: { 200: templateView, ...errs } } },
    async (req) => {
      requireOwner(req);
      return toTemplateView(await service.update(req.auth.workspaceId, req.params.id, req.body));
    },
  );

  api.delete(
    '/api/v1/caption-templates/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errs } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );

  /** the editor's live preview: 200 with unknown variables and brace problems listed, never 422 */
  api.post(
    '/api/v1/caption-templates/preview',
    { schema: { tags, body: previewBody, response: { 200: previewResult, ...errs } } },
    async (req) => service.preview(req.auth.workspaceId, req.body),
  );
}
