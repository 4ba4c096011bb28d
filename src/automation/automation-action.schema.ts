import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { ActionRow } from './automation-action.repository.js';

export const actionQuery = pageQuery.extend({
  conversationId: z.string().max(64).optional(),
  accountId: z.string().max(64).optional(),
  ruleId: z.string().max(64).optional(),
});

export const actionView = z.object({
  id: z.string(),
  accountId: z.string(),
  conversationId: z.string().nullable(),
  contactId: z.string().nullable(),
  /** who it answered (or kept quiet to), so a log of actions reads without a lookup per row */
  contact: z
    .object({ igsid: z.string(), username: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  /** what the bot reacted to: a customer message (our id) or a comment (Instagram's id) */
  trigger: z.object({ type: z.enum(['message', 'comment']), id: z.string() }),
  /** dm_keyword, welcome, away, story_mention, opt_out, opt_in, comment_public_reply, comment_private_reply */
  kind: z.string(),
  ruleId: z.string().nullable(),
  /** queued/sent/failed: it spoke; skipped: see reason */
  status: z.enum(['queued', 'sent', 'failed', 'skipped']),
  /** why nothing was said: opted_out, takeover, cooldown, loop_limit, window, already_answered, … */
  reason: z.string().nullable(),
  text: z.string().nullable(),
  messageId: z.string().nullable(),
  /** the delivery status of the reply message, when it is a DM */
  messageStatus: z.string().nullable(),
  mediaId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});

export type ActionView = z.infer<typeof actionView>;

export interface ActionListRow extends ActionRow {
  message_status: string | null;
  contact_igsid: string | null;
  contact_username: string | null;
  contact_name: string | null;
}

export function toActionView(a: ActionListRow): ActionView {
  return {
    id: a.id,
    accountId: a.account_id,
    conversationId: a.conversation_id,
    contactId: a.contact_id,
    contact:
      a.contact_igsid === null
        ? null
        : { igsid: a.contact_igsid, username: a.contact_username, name: a.contact_name },
    trigger: { type: a.trigger, id: a.trigger_id },
    kind: a.kind,
    ruleId: a.rule_id,
    status: a.status,
    reason: a.reason,
    text: a.text,
    messageId: a.message_id,
    messageStatus: a.message_status,
    mediaId: a.media_id,
    error: a.error,
    createdAt: a.created_at,
  };
}

export const takeoverBody = z
  .object({
    paused: z.boolean(),
    /** for how long; absent: until resumed by hand (or the conversation is closed) */
    minutes: z
      .number()
      .int()
      .min(1)
      .max(30 * 1440)
      .optional(),
  })
  .strict();
