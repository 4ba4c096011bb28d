import { absolute, type GraphRequest, type Route, route, type SimContext } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { type NodeType, render } from './fields.js';
import { list } from './http-io.js';
import { mentionFields } from './mentions.js';
import type { SimAccount, SimCustomer } from './types.js';

// The professional account (`/me`, `/{ig-user-id}`), customer profiles (`/{igsid}`) and the
// webhook subscription (`/{ig-user-id}/subscribed_apps`).
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api/user-profile

export const webhookFields = [
  'comments',
  'live_comments',
  'mentions',
  'message_edit',
  'message_reactions',
  'messages',
  'messaging_handover',
  'messaging_optins',
  'messaging_postbacks',
  'messaging_referral',
  'messaging_seen',
  'standby',
  'story_insights',
];

export function userType(r: GraphRequest): NodeType<SimAccount> {
  const sim = r.sim;
  return {
    name: 'User',
    defaults: ['id'],
    fields: {
      // `id` is the app-scoped id; `user_id` is the professional account id used by webhooks.
      id: (a) => a.appScopedId,
      user_id: (a) => a.userId,
      username: (a) => a.username,
      name: (a) => a.name,
      account_type: (a) => a.accountType,
      profile_picture_url: (a) => absolute(sim, `/__sim/img/avatar-${a.username}.svg`),
      followers_count: (a) => a.followersCount,
      follows_count: (a) => a.followsCount,
      media_count: (a) => sim.state.mediaOf(a.userId).length,
      biography: (a) => a.biography || undefined,
      website: (a) => a.website || undefined,
      ...mentionFields(r),
    },
  };
}

function profileType(sim: SimContext): NodeType<SimCustomer> {
  return {
    name: 'User',
    defaults: ['id'],
    fields: {
      id: (c) => c.igsid,
      name: (c) => c.name,
      username: (c) => c.username,
      profile_pic: (c) => absolute(sim, `/__sim/img/avatar-${c.username}.svg`),
      follower_count: (c) => c.followerCount,
      is_user_follow_business: (c) => c.isUserFollowBusiness,
      is_business_follow_user: (c) => c.isBusinessFollowUser,
      is_verified_user: (c) => c.isVerifiedUser,
    },
  };
}

export const accountRoutes: Route[] = [
  route('user', 'GET', '', 'instagram_business_basic', (r, account) =>
    render(userType(r), account, r.fields),
  ),

  route('igsid', 'GET', '', 'instagram_business_manage_messages', (r, customer) => {
    // The profile is visible only to a business the person has messaged (consent), else 230.
    const talked = r.sim.state
      .conversationsOf(r.account.userId)
      .some((c) => c.igsid === customer.igsid && c.lastCustomerMessageAt !== null);
    if (!customer.profileConsent || !talked) {
      throw new GraphError({
        message: '(#230) User consent is required to access user profile',
        type: 'IGApiException',
        code: 230,
      });
    }
    return render(profileType(r.sim), customer, r.fields);
  }),

  route('user', 'GET', 'subscribed_apps', 'instagram_business_basic', (_r, account) => ({
    data: account.subscribedFields.length ? [{ subscribed_fields: [...account.subscribedFields] }] : [],
  })),

  route('user', 'POST', 'subscribed_apps', 'instagram_business_basic', (r, account) => {
    const fields = list(r.req.params.subscribed_fields);
    if (!fields?.length) throw graphErrors.missingParam('subscribed_fields');
    fields.forEach((field, i) => {
      if (!webhookFields.includes(field)) {
        throw graphErrors.param(
          `Param subscribed_fields[${i}] must be one of {${webhookFields.join(', ')}} - got "${field}"`,
        );
      }
    });
    account.subscribedFields = [...new Set(fields)];
    return { success: true };
  }),

  route('user', 'DELETE', 'subscribed_apps', 'instagram_business_basic', (_r, account) => {
    account.subscribedFields = [];
    return { success: true };
  }),
];
