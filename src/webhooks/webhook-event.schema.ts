import { z } from 'zod';
import { page, pageQuery } from '../http/schemas.js';
import type { DeliveryRow, EventRow } from './webhook-event.repository.js';

const deliveryStatus = z.enum(['received', 'processed', 'unrouted', 'failed', 'rejected']);
const dateOrTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date (YYYY-MM-DD) or an ISO time')
  .transform((v) => new Date(v).toISOString());

export const deliveryListQuery = pageQuery.extend({
  status: deliveryStatus.optional(),
  source: z.enum(['meta', 'chatrace']).optional(),
  signatureValid: z.enum(['true', 'false']).optional(),
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
});

export const deliveryView = z.object({
  id: z.string(),
  source: z.enum(['meta', 'chatrace']),
  receivedAt: z.string(),
  signatureValid: z.boolean(),
  status: deliveryStatus,
  error: z.string().nullable(),
  accountId: z.string().nullable(),
  eventCount: z.number(),
  duplicateCount: z.number(),
  bodySize: z.number(),
});

export const eventView = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.string(),
  field: z.string().nullable(),
  externalAccountId: z.string().nullable(),
  accountId: z.string().nullable(),
  externalId: z.string().nullable(),
  senderId: z.string().nullable(),
  occurredAt: z.string(),
  status: z.enum(['pending', 'unrouted', 'processed', 'failed']),
  error: z.string().nullable(),
  payload: z.unknown(),
});

export const deliveryDetail = deliveryView.extend({
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
  processedAt: z.string().nullable(),
  attempts: z.number(),
  events: z.array(eventView),
});

export const deliveryPage = page(deliveryView);
export const replayResponse = z.object({ id: z.string(), jobId: z.string(), status: z.literal('queued') });

export function toDeliveryView(d: Omit<DeliveryRow, 'body' | 'headers'>): z.infer<typeof deliveryView> {
  return {
    id: d.id,
    source: d.source,
    receivedAt: d.received_at,
    signatureValid: d.signature_valid === 1,
    status: d.status,
    error: d.error,
    accountId: d.account_id,
    eventCount: d.event_count,
    duplicateCount: d.duplicate_count,
    bodySize: d.body_size,
  };
}

export function toEventView(e: EventRow): z.infer<typeof eventView> {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    field: e.field,
    externalAccountId: e.external_account_id,
    accountId: e.account_id,
    externalId: e.external_id,
    senderId: e.sender_id,
    occurredAt: e.occurred_at,
    status: e.status,
    error: e.error,
    payload: JSON.parse(e.payload),
  };
}
