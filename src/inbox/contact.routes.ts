import { errorResponses, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { contactPatch, contactQuery, contactView } from './contact.schema.js';
import type { ContactService } from './contact.service.js';

const tags = ['inbox'];

export function contactRoutes(app: HttpServer, contacts: ContactService) {
  app.get(
    '/api/v1/contacts',
    { schema: { tags, querystring: contactQuery, response: { 200: page(contactView), ...errorResponses } } },
    (req) => contacts.list(req.auth.workspaceId, req.query),
  );

  app.get(
    '/api/v1/contacts/:id',
    { schema: { tags, params: idParams, response: { 200: contactView, ...errorResponses } } },
    (req) => contacts.get(req.auth.workspaceId, req.params.id),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: contactPatch,
        response: { 200: contactView, ...errorResponses },
      },
    },
    (req) => contacts.update(req.auth.workspaceId, req.params.id, req.body),
  );
}
