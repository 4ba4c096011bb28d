import { requireOwner } from '../http/authenticate.js';
import { errorResponses } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { diagnosticReportView } from './diagnostic.schema.js';
import type { DiagnosticService } from './diagnostic.service.js';

/**
 * The checks `relaydesk doctor` runs, for the caller's workspace (its accounts) plus the
 * instance-wide ones. Owners only: the report names configuration and the instance's health.
 */
export function diagnosticRoutes(app: HttpServer, diagnostics: DiagnosticService): void {
  app.get(
    '/api/v1/diagnostics',
    {
      schema: {
        tags: ['diagnostics'],
        response: { 200: diagnosticReportView, 401: errorResponses[401], 403: errorResponses[401] },
      },
    },
    (req) => {
      requireOwner(req);
      return diagnostics.run({ workspaceId: req.auth.workspaceId, isAdmin: req.auth.isAdmin });
    },
  );
}
