import { z } from 'zod';

// Response schemas for profile, webhooks subscription, messaging, comments and OAuth. Lenient:
// unknown fields are dropped, absent optional fields become null, ids may arrive as numbers. A body
// that still does not fit (missing id, wrong type) fails in GraphHttp as kind 'transient' with
// origin 'bad_response': a 2xx of the wrong shape is almost always a proxy page or a Meta incident,
// so a later retry is the useful reaction; a persistent mismatch exhausts the job's retries and
// shows in diagnostics with that origin.

export const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
export const nstr = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
export const nnum = z
  .number()
  .nullish()
  .transform((v) => v ?? null);
export const nbool = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .nullish()
  .transform((v) => (v === undefined || v === null ? null : v === true || v === 'true'));
const nid = idSchema.nullish().transform((v) => v ?? null);

/** Meta's reference pages show some single objects wrapped as `{data:[obj]}`; accept both. */
export function unwrapData(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && 'data' in v && Array.isArray(v.data) && v.data.length === 1) {
    return v.data[0];
  }
  return v;
}

export const meSchema = z.preprocess(
  unwrapData,
  z
    .object({
      id: nid,
      user_id: idSchema,
      username: z.string(),
      name: nstr,
      account_type: nstr,
      profile_picture_url: nstr,
      followers_count: nnum,
      follows_count: nnum,
      media_count: nnum,
    })
    .transform((m) => ({
      /** app-scoped id of /me; NOT the webhook entry id */
      id: m.id,
      /** the professional account id: webhook entry[].id, the path id for account edges */
      userId: m.user_id,
      username: m.username,
      name: m.name,
      accountType: m.account_type,
      profilePictureUrl: m.profile_picture_url,
      followersCount: m.followers_count,
      followsCount: m.follows_count,
      mediaCount: m.media_count,
    })),
);
export type MeProfile = z.output<typeof meSchema>;

export const accountSchema = z
  .object({
    id: idSchema,
    user_id: nid,
    ig_id: nid,
    username: nstr,
    name: nstr,
    biography: nstr,
    website: nstr,
    account_type: nstr,
    profile_picture_url: nstr,
    followers_count: nnum,
    follows_count: nnum,
    media_count: nnum,
  })
  .transform((a) => ({
    id: a.id,
    userId: a.user_id,
    igId: a.ig_id,
    username: a.username,
    name: a.name,
    biography: a.biography,
    website: a.website,
    accountType: a.account_type,
    profilePictureUrl: a.profile_picture_url,
    followersCount: a.followers_count,
    followsCount: a.follows_count,
    mediaCount: a.media_count,
  }));
export type AccountProfile = z.output<typeof accountSchema>;

// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api/user-profile
export const userProfileSchema = z
  .object({
    id: nid,
    name: nstr,
    username: nstr,
    profile_pic: nstr,
    follower_count: nnum,
    is_user_follow_business: nbool,
    is_business_follow_user: nbool,
  })
  .transform((u) => ({
    id: u.id,
    name: u.name,
    username: u.username,
    profilePic: u.profile_pic,
    followerCount: u.follower_count,
    isUserFollowBusiness: u.is_user_follow_business,
    isBusinessFollowUser: u.is_business_follow_user,
  }));
export type UserProfile = z.output<typeof userProfileSchema>;

export const successSchema = z
  .object({ success: z.union([z.boolean(), z.enum(['true', 'false'])]) })
  .transform((s) => s.success === true || s.success === 'true');

const fieldList = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .transform((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : (v ?? [])));

export const subscribedAppsSchema = z
  .object({
    data: z.array(z.object({ id: nid, name: nstr, subscribed_fields: fieldList })),
  })
  .transform((r) =>
    r.data.map((a) => ({ appId: a.id, name: a.name, subscribedFields: a.subscribed_fields })),
  );
export type SubscribedApp = z.output<typeof subscribedAppsSchema>[number];

export const createdSchema = z.object({ id: idSchema }).transform((r) => ({ id: r.id }));
export type Created = z.output<typeof createdSchema>;

// ---- OAuth ----------------------------------------------------------------------------------

// The doc shows the short-lived answer wrapped in data[] with permissions as a comma string; the
// live API (and restfb) return a flat object with an array. Both are accepted.
export const shortLivedTokenSchema = z.preprocess(
  unwrapData,
  z
    .object({ access_token: z.string().min(1), user_id: idSchema, permissions: fieldList })
    .transform((t) => ({ accessToken: t.access_token, userId: t.user_id, permissions: t.permissions })),
);
export type ShortLivedToken = z.output<typeof shortLivedTokenSchema>;

export const longLivedTokenSchema = z
  .object({ access_token: z.string().min(1), token_type: nstr, expires_in: z.number().positive() })
  .transform((t) => ({ accessToken: t.access_token, tokenType: t.token_type, expiresInSec: t.expires_in }));
