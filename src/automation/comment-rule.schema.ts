import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { CommentRule } from './comment-rule.repository.js';

const matchType = z.enum(['contains', 'exact', 'word', 'regex']);
const keyword = z.string().trim().min(1).max(200);
const mediaId = z
  .string()
  .trim()
  .regex(/^\d{1,40}$/, 'an Instagram media id (digits)');
// Instagram's comment limit is 2,200 characters; a reply of that size would not be read anyway.
const publicReply = z.string().trim().min(1).max(2200);

const fields = {
  name: z.string().trim().min(1).max(100),
  /** null or absent: every account (scope "all" only) */
  accountId: z.string().max(64).nullable().optional(),
  /** all posts, chosen posts (mediaIds), or the next post published after the rule is saved */
  scope: z.enum(['all', 'media', 'next_post']),
  mediaIds: z.array(mediaId).max(100).optional(),
  /** empty: every comment */
  keywords: z.array(keyword).max(50).optional(),
  matchType: matchType.optional(),
  /** one variant is picked at random each time, so Instagram does not see the same text repeated */
  publicReplies: z.array(publicReply).max(20).optional(),
  /** a DM to the commenter (one per comment, within 7 days: Meta's rule) */
  privateReply: z.string().trim().min(1).max(1000).nullable().optional(),
  priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  isActive: z.boolean().optional(),
};

export const createBody = z.object(fields).strict();
export type CreateBody = z.infer<typeof createBody>;
export const patchBody = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type PatchBody = z.infer<typeof patchBody>;

export const listQuery = pageQuery.extend({ accountId: z.string().max(64).optional() });

export const ruleView = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string().nullable(),
  scope: z.enum(['all', 'media', 'next_post']),
  /** for next_post: empty until that post appears */
  mediaIds: z.array(z.string()),
  keywords: z.array(z.string()),
  matchType,
  publicReplies: z.array(z.string()),
  privateReply: z.string().nullable(),
  priority: z.number(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof ruleView>;

export const testBody = z
  .object({
    text: z.string().max(2200),
    mediaId: mediaId.optional(),
    accountId: z.string().max(64).optional(),
  })
  .strict();

export const testResult = z.object({
  rule: ruleView.nullable(),
  keyword: z.string().nullable(),
  /** what would be said (one of the variants is picked when it happens) */
  publicReplies: z.array(z.string()),
  privateReply: z.string().nullable(),
});

export function toRuleView(r: CommentRule): RuleView {
  const { workspaceId: _, ...view } = r;
  return {
    ...view,
    mediaIds: [...r.mediaIds],
    keywords: [...r.keywords],
    publicReplies: [...r.publicReplies],
  };
}
