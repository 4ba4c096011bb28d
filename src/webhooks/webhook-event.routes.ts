import { errors } from '../errors.js';
import { errorResponses, idParams } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import type { WebhookEventRepository } from './webhook-event.repository.js';
import {
  deliveryDetail,
  deliveryListQuery,
  deliveryPage,
  replayResponse,
  toDeliveryView,
  toEventView,
} from './webhook-event.schema.js';
import type { WebhookEventService } from './webhook-event.service.js';

const scopeOf = (req: { auth: { workspaceId: string; isAdmin: boolean } }) => ({
  workspaceId: req.auth.workspaceId,
  isAdmin: req.auth.isAdmin,
});

/** The delivery log: what arrived, whether it was verified, what it became, and replay. */
export function webhookEventRoutes(
  app: HttpServer,
  repo: WebhookEventRepository,
  service: WebhookEventService,
) {
  app.get(
    '/api/v1/webhook-events',
    { schema: { tags: ['webhooks'], querystring: deliveryListQuery, response: { 200: deliveryPage } } },
    async (req) => {
      const q = req.query;
      const rows = await repo.listDeliveries(scopeOf(req), {
        ...q,
        signatureValid: q.signatureValid === undefined ? undefined : q.signatureValid === 'true',
      });
      return {
        items: rows.map(toDeliveryView),
        nextCursor: rows.length === q.limit ? (rows.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/api/v1/webhook-events/:id',
    {
      schema: { tags: ['webhooks'], params: idParams, response: { 200: deliveryDetail, ...errorResponses } },
    },
    async (req) => {
      const scope = scopeOf(req);
      const d = await repo.findVisibleDelivery(req.params.id, scope);
      if (!d) throw errors.notFound('Delivery');
      // A batch shared with another workspace shows only this workspace's events, not the body.
      const own = scope.isAdmin || d.workspace_id === scope.workspaceId;
      const events = await repo.eventsOfDelivery(d.id, own ? undefined : scope.workspaceId);
      return {
        ...toDeliveryView(d),
        headers: JSON.parse(d.headers) as Record<string, string>,
        body: own ? d.body : null,
        processedAt: d.processed_at,
        attempts: d.attempts,
        events: events.map(toEventView),
      };
    },
  );

  app.post(
    '/api/v1/webhook-events/:id/replay',
    {
      schema: {
        tags: ['webhooks'],
        params: idParams,
        response: { 202: replayResponse, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await service.replay(req.params.id, scopeOf(req))),
  );
}
