import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { ContactRow } from './contact.repository.js';

export const contactSummary = z.object({
  id: z.string(),
  /** the IGSID (Instagram) or the Chatrace contact id */
  igsid: z.string(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  profilePicUrl: z.string().nullable(),
});

export const contactView = contactSummary.extend({
  accountId: z.string(),
  source: z.enum(['instagram', 'chatrace']),
  followerCount: z.number().nullable(),
  isUserFollowBusiness: z.boolean().nullable(),
  isBusinessFollowUser: z.boolean().nullable(),
  profileFetchedAt: z.string().nullable(),
  /** why the profile is missing: 'consent_required' until the customer messages again, … */
  profileError: z.string().nullable(),
  notes: z.string(),
  tags: z.array(z.string()),
  /** the same person through another connection (Instagram ↔ Chatrace), matched by IGSID or username */
  linked: z.array(
    z.object({ id: z.string(), accountId: z.string(), source: z.enum(['instagram', 'chatrace']) }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof contactView>;

export const contactQuery = pageQuery.extend({
  /** matches username, name or IGSID */
  q: z.string().trim().max(100).optional(),
  accountId: z.string().max(64).optional(),
  tag: z.string().trim().max(50).optional(),
});

const tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .transform((t) => t.replace(/^#/, ''));

export const contactPatch = z
  .object({
    notes: z.string().max(10_000).optional(),
    tags: z.array(tag).max(50).optional(),
  })
  .refine((b) => b.notes !== undefined || b.tags !== undefined, { message: 'nothing to change' });

const flag = (v: number | null) => (v === null ? null : v === 1);

export function toContactView(
  c: ContactRow,
  linked: ContactView['linked'],
  attachmentUrl: (id: string) => string,
): ContactView {
  return {
    id: c.id,
    igsid: c.external_id,
    username: c.username,
    name: c.name,
    profilePicUrl: c.profile_pic_attachment_id
      ? attachmentUrl(c.profile_pic_attachment_id)
      : c.profile_pic_url,
    accountId: c.account_id,
    source: c.source,
    followerCount: c.follower_count,
    isUserFollowBusiness: flag(c.is_user_follow_business),
    isBusinessFollowUser: flag(c.is_business_follow_user),
    profileFetchedAt: c.profile_fetched_at,
    profileError: c.profile_error,
    notes: c.notes,
    tags: JSON.parse(c.tags) as string[],
    linked,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}
