import { z } from 'zod';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, errorSchema, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import type { JobDefinition } from '../jobs/job-queue.js';
import {
  createBody,
  createdOutboundWebhookView,
  deliveriesQuery,
  listQuery,
  outboundDeliveryView,
  outboundWebhookView,
  patchBody,
  toDeliveryView,
  toWebhookView,
} from './outbound-webhook.schema.js';
import { OUTBOUND_RETRY, type OutboundWebhookService } from './outbound-webhook.service.js';

const tags = ['outbound-webhooks'];
const forbidden = { 403: errorSchema };

// Anyone in the workspace may read subscriptions and their delivery log (never the secret); only
// an owner creates, changes, deletes or redelivers.
export function outboundWebhookRoutes(api: HttpServer, service: OutboundWebhookService): void {
  api.get(
    '/api/v1/outbound-webhooks',
    {
      schema: {
        tags,
        querystring: listQuery,
        response: { 200: page(outboundWebhookView), ...errorResponses },
      },
    },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toWebhookView), nextCursor: res.nextCursor };
    },
  );

  api.post(
    '/api/v1/outbound-webhooks',
    {
      schema: {
        tags,
        body: createBody,
        response: { 201: createdOutboundWebhookView, ...errorResponses, ...forbidden },
      },
    },
    async (req, reply) => {
      requireOwner(req);
      const { row, secret } = await service.create(req.auth, req.body);
      // The one response that carries the signing secret: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ ...toWebhookView(row), secret });
    },
  );

  api.patch(
    '/api/v1/outbound-webhooks/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: patchBody,
        response: { 200: outboundWebhookView, ...errorResponses, ...forbidden },
      },
    },
    async (req) => {
      requireOwner(req);
      return toWebhookView(await service.update(req.auth, req.params.id, req.body));
    },
  );

  api.delete(
    '/api/v1/outbound-webhooks/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses, ...forbidden } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth, req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/outbound-webhooks/:id/deliveries',
    {
      schema: {
        tags,
        params: idParams,
        querystring: deliveriesQuery,
        response: { 200: page(outboundDeliveryView), ...errorResponses },
      },
    },
    async (req) => {
      const res = await service.deliveries(req.auth.workspaceId, req.params.id, req.query);
      return { items: res.items.map(toDeliveryView), nextCursor: res.nextCursor };
    },
  );

  api.post(
    '/api/v1/outbound-deliveries/:id/redeliver',
    {
      schema: {
        tags,
        params: idParams,
        response: { 202: outboundDeliveryView, ...errorResponses, ...forbidden },
      },
    },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(202).send(toDeliveryView(await service.redeliver(req.auth, req.params.id)));
    },
  );
}

/** registry entry: `'deliver-outbound-webhook': outboundWebhookJob(s.outboundWebhooks)` */
export function outboundWebhookJob(
  service: OutboundWebhookService,
): JobDefinition<'deliver-outbound-webhook'> {
  return {
    handler: (payload, ctx) => service.deliver(payload.deliveryId, ctx.attempt),
    retry: OUTBOUND_RETRY,
    concurrency: 4,
  };
}
