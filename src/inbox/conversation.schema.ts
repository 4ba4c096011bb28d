import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import { contactSummary } from './contact.schema.js';
import type { ConversationListRow } from './conversation.repository.js';
import { humanAgentExpiresAt, windowExpiresAt } from './messaging-window.js';

export const conversationView = z.object({
  id: z.string(),
  accountId: z.string(),
  provider: z.enum(['instagram', 'chatrace']),
  contact: contactSummary,
  status: z.enum(['open', 'closed']),
  assigneeId: z.string().nullable(),
  unreadCount: z.number(),
  lastMessageAt: z.string().nullable(),
  lastMessage: z
    .object({ id: z.string(), direction: z.enum(['inbound', 'outbound']), preview: z.string() })
    .nullable(),
  /** 24 h after the customer's last message, story mention, postback or referral; null before any */
  windowExpiresAt: z.string().nullable(),
  /** 7 days after it: until then a person may answer with the HUMAN_AGENT tag, if the workspace allows */
  humanAgentExpiresAt: z.string().nullable(),
  /** the ad or ig.me link that brought the customer (latest referral) */
  attribution: z.record(z.string(), z.unknown()).nullable(),
  /** whether the bot may speak here: paused by a person's reply (human) or by hand, or opted out */
  automation: z.object({
    pausedUntil: z.string().nullable(),
    pausedBy: z.enum(['human', 'manual']).nullable(),
    optedOutAt: z.string().nullable(),
  }),
  createdAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationView>;

export const conversationQuery = pageQuery.extend({
  accountId: z.string().max(64).optional(),
  status: z.enum(['open', 'closed']).optional(),
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  assigneeId: z.string().max(64).optional(),
  /** matches the contact's username, name or IGSID */
  q: z.string().trim().max(100).optional(),
  /** silenced: the bot keeps quiet here (paused by a person or by hand, or the customer opted out) */
  automation: z.enum(['silenced']).optional(),
});
export type ConversationQuery = z.infer<typeof conversationQuery>;

export const conversationPatch = z
  .object({
    status: z.enum(['open', 'closed']).optional(),
    /** a user of the workspace, or null to unassign */
    assigneeId: z.string().max(64).nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.assigneeId !== undefined, { message: 'nothing to change' });

/** `attachmentUrl` signs a link to a stored copy (the contact's picture) */
export function toConversationView(
  c: ConversationListRow,
  attachmentUrl: (id: string) => string,
): ConversationView {
  return {
    id: c.id,
    accountId: c.account_id,
    provider: c.provider,
    contact: {
      id: c.contact_id,
      igsid: c.contact_external_id,
      username: c.contact_username,
      name: c.contact_name,
      profilePicUrl: c.contact_pic_attachment_id ? attachmentUrl(c.contact_pic_attachment_id) : c.contact_pic,
    },
    status: c.status,
    assigneeId: c.assignee_id,
    unreadCount: c.unread_count,
    lastMessageAt: c.last_message_at,
    lastMessage:
      c.last_message_id && c.last_message_direction
        ? {
            id: c.last_message_id,
            direction: c.last_message_direction,
            preview: c.last_message_preview ?? '',
          }
        : null,
    windowExpiresAt: windowExpiresAt(c.last_customer_at),
    humanAgentExpiresAt: humanAgentExpiresAt(c.last_customer_at),
    attribution: c.attribution ? (JSON.parse(c.attribution) as Record<string, unknown>) : null,
    automation: {
      pausedUntil: c.automation_paused_until,
      pausedBy: c.automation_paused_until ? c.automation_paused_by : null,
      optedOutAt: c.contact_opted_out_at,
    },
    createdAt: c.created_at,
  };
}
