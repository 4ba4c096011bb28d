import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { OutboundDeliveryRow, OutboundWebhookRow } from './outbound-webhook.repository.js';

/** The closed list of event types a subscription can ask for; '*' means all of them. */
export const OUTBOUND_EVENT_TYPES = [
  'message.received',
  'message.sent',
  'message.failed',
  'comment.created',
  'conversation.assigned',
  'account.status_changed',
  'post.published',
] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * https anywhere; plain http only to this machine's loopback (a bot running next to Relaydesk,
 * and tests). Anything else in plain http would send signed customer data readable on the wire.
 */
export function isAllowedWebhookUrl(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname);
}

const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isAllowedWebhookUrl, 'url must be https (or http to 127.0.0.1/localhost), without credentials');

const eventTypes = z
  .array(z.enum([...OUTBOUND_EVENT_TYPES, '*']))
  .min(1)
  .max(OUTBOUND_EVENT_TYPES.length + 1)
  .transform((t) => [...new Set(t)]);

export const createBody = z.object({ url: webhookUrl, eventTypes });
export type CreateOutboundWebhook = z.infer<typeof createBody>;

export const patchBody = z.object({
  url: webhookUrl.optional(),
  eventTypes: eventTypes.optional(),
  isActive: z.boolean().optional(),
});
export type PatchOutboundWebhook = z.infer<typeof patchBody>;

export const listQuery = pageQuery;

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export const deliveriesQuery = pageQuery.extend({ status: deliveryStatus.optional() });

export const outboundWebhookView = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboundWebhookView = z.infer<typeof outboundWebhookView>;

/** the answer to POST: the only time the signing secret is ever shown */
export const createdOutboundWebhookView = outboundWebhookView.extend({ secret: z.string() });

export const outboundDeliveryView = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventType: z.string(),
  eventId: z.string(),
  status: deliveryStatus,
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  /** the exact JSON that is signed and POSTed */
  body: z.string(),
});
export type OutboundDeliveryView = z.infer<typeof outboundDeliveryView>;

export function parseEventTypes(json: string): string[] {
  const parsed = z.array(z.string()).safeParse(JSON.parse(json));
  // A row edited by hand into something unknown subscribes to nothing rather than failing emit().
  return parsed.success ? parsed.data : [];
}

export function toWebhookView(r: OutboundWebhookRow): OutboundWebhookView {
  return {
    id: r.id,
    url: r.url,
    eventTypes: parseEventTypes(r.event_types),
    isActive: r.is_active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toDeliveryView(r: OutboundDeliveryRow): OutboundDeliveryView {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    eventType: r.event_type,
    eventId: r.event_id,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
    body: r.body,
  };
}
