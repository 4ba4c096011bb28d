import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import { outgoingAttachment, quickReplies } from '../inbox/message.schema.js';
import type { DmKeywordRule } from './dm-keyword.repository.js';
import { isTimezone } from './keyword-match.js';

const matchType = z.enum(['contains', 'exact', 'word', 'regex']);
const keyword = z.string().trim().min(1).max(200);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');

export const attachment = outgoingAttachment;

export const activeHours = z.object({
  timezone: z.string().max(64).refine(isTimezone, 'must be an IANA timezone such as Europe/Kyiv'),
  /** 0 = Sunday … 6 = Saturday */
  days: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .transform((d) => [...new Set(d)].sort((a, b) => a - b)),
  from: hhmm,
  /** earlier than `from`: the window crosses midnight; equal: the whole day */
  to: hhmm,
});

const fields = {
  /** null or absent: every account of the workspace */
  accountId: z.string().max(64).nullable().optional(),
  /** the seed's single keyword; `keywords` for several */
  keyword: keyword.optional(),
  keywords: z.array(keyword).min(1).max(50).optional(),
  responseMessage: z.string().trim().min(1).max(1000),
  attachment: attachment.nullable().optional(),
  quickReplies: quickReplies.optional(),
  /** lower runs first */
  priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  /** once per contact per rule per this many seconds; 0 = every time */
  cooldownSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .optional(),
  activeHours: activeHours.nullable().optional(),
  isActive: z.boolean().optional(),
};

export const createBody = z
  .object({ ...fields, matchType: matchType.default('contains') })
  .refine((b) => b.keyword !== undefined || b.keywords !== undefined, {
    message: 'give keyword or keywords',
    path: ['keywords'],
  });
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.object({
  ...fields,
  responseMessage: fields.responseMessage.optional(),
  matchType: matchType.optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const listQuery = pageQuery.extend({
  /** rules that apply to this account: its own and those for every account */
  accountId: z.string().max(64).optional(),
});

export const testBody = z.object({
  text: z.string().min(1).max(2000),
  /** absent: rules of any account are candidates */
  accountId: z.string().max(64).optional(),
});

export const ruleView = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  /** the first keyword (the seed's single `keyword`) */
  keyword: z.string(),
  keywords: z.array(z.string()),
  matchType,
  responseMessage: z.string(),
  attachment: z
    .object({ type: z.string(), url: z.string().optional(), attachmentId: z.string().optional() })
    .nullable(),
  quickReplies: z.array(z.object({ title: z.string(), payload: z.string() })),
  priority: z.number(),
  cooldownSeconds: z.number(),
  activeHours: z
    .object({ timezone: z.string(), days: z.array(z.number()), from: z.string(), to: z.string() })
    .nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof ruleView>;

export const testResult = z.object({
  rule: ruleView.nullable(),
  keyword: z.string().nullable(),
  /** what would be sent, or null when no rule fires */
  reply: z
    .object({
      text: z.string(),
      attachment: ruleView.shape.attachment,
      quickReplies: ruleView.shape.quickReplies,
    })
    .nullable(),
  /** rules earlier in order whose keywords matched but which may not fire now, and why */
  skipped: z.array(
    z.object({ ruleId: z.string(), reason: z.enum(['inactive', 'other_account', 'outside_active_hours']) }),
  ),
});

export function toRuleView(r: DmKeywordRule): RuleView {
  return {
    id: r.id,
    accountId: r.accountId,
    keyword: r.keywords[0] ?? '',
    keywords: [...r.keywords],
    matchType: r.matchType,
    responseMessage: r.responseMessage,
    attachment: r.attachment,
    quickReplies: r.quickReplies,
    priority: r.priority,
    cooldownSeconds: r.cooldownSeconds,
    activeHours: r.activeHours ? { ...r.activeHours, days: [...r.activeHours.days] } : null,
    isActive: r.isActive,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
