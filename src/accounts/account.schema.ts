import { z } from 'zod';
import { chatraceFields } from '../providers/chatrace/chatrace-inbound.js';
import type { AccountRow } from './account.repository.js';

export const accountView = z.object({
  id: z.string(),
  provider: z.enum(['instagram', 'chatrace']),
  igUserId: z.string().nullable(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  profilePictureUrl: z.string().nullable(),
  status: z.enum(['active', 'expiring', 'token_expired', 'disconnected']),
  tokenExpiresAt: z.string().nullable(),
  webhookSubscribed: z.boolean(),
  webhookFields: z.array(z.string()),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  /** Chatrace only: JSONPath per field, for bodies Relaydesk does not recognise by itself */
  chatraceFieldMap: z.record(z.string(), z.string()).optional(),
});

export const chatraceConnected = accountView.extend({
  webhookUrl: z.string(),
  /** shown once: only its hash is stored */
  webhookToken: z.string(),
  /** a ready-made body for Chatrace's External Request action */
  bodyTemplate: z.string(),
});

// Tokens travel in an HTTP header (Authorization, X-ACCESS-TOKEN): anything but printable ASCII
// there makes fetch throw before Meta is asked, which would look like an outage (502).
const headerToken = (min: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(2000)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces, as issued');

export const connectBody = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('instagram'), accessToken: headerToken(10) }),
  z.object({
    provider: z.literal('chatrace'),
    apiToken: headerToken(3),
    igUserId: z.string().trim().regex(/^\d+$/, 'must be the numeric Instagram account id').optional(),
  }),
]);

export const patchBody = z.object({
  chatraceFieldMap: z.partialRecord(z.enum(chatraceFields), z.string().max(512)),
});

export const callbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_reason: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export function toAccountView(a: AccountRow): z.infer<typeof accountView> {
  const fields = a.webhook_fields ? (JSON.parse(a.webhook_fields) as string[]) : [];
  const settings = JSON.parse(a.settings) as { igUserId?: string; chatraceFieldMap?: Record<string, string> };
  return {
    id: a.id,
    provider: a.provider,
    igUserId: a.provider === 'instagram' ? a.external_id : (settings.igUserId ?? null),
    username: a.username,
    name: a.name,
    profilePictureUrl: a.profile_picture_url,
    status: a.status,
    tokenExpiresAt: a.token_expires_at,
    webhookSubscribed: a.provider === 'chatrace' ? a.status !== 'disconnected' : fields.length > 0,
    webhookFields: fields,
    lastError: a.last_error,
    createdAt: a.created_at,
    ...(a.provider === 'chatrace' ? { chatraceFieldMap: settings.chatraceFieldMap ?? {} } : {}),
  };
}
