import { requireOwner } from '../http/authenticate.js';
import { errorResponses, idParams } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { settingsBody, settingsView } from './automation-settings.schema.js';
import type { AutomationSettingsService } from './automation-settings.service.js';

const tags = ['automation'];

export function automationSettingsRoutes(api: HttpServer, service: AutomationSettingsService): void {
  api.get(
    '/api/v1/accounts/:id/automation',
    { schema: { tags, params: idParams, response: { 200: settingsView, ...errorResponses } } },
    async (req) => service.get(req.auth.workspaceId, req.params.id),
  );

  api.put(
    '/api/v1/accounts/:id/automation',
    {
      schema: {
        tags,
        params: idParams,
        body: settingsBody,
        response: { 200: settingsView, ...errorResponses },
      },
    },
    async (req) => {
      requireOwner(req);
      return service.put(req.auth.workspaceId, req.params.id, req.body);
    },
  );
}
