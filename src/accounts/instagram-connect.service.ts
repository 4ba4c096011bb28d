import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import { insightKeys } from '../insights/insight-access.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import { graphToAppError } from '../providers/instagram/graph-app-error.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { AccountRepository, AccountRow } from './account.repository.js';
import { statusAt } from './account-status.js';

/** Scopes Relaydesk asks for at Instagram Login: one per feature (messaging, comments, publishing, insights). */
export const instagramScopes = [
  'instagram_business_basic',
  'instagram_business_manage_messages',
  'instagram_business_manage_comments',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
];

/**
 * Webhook fields subscribed for every connected account (POST /{ig-user-id}/subscribed_apps).
 * https://developers.facebook.com/docs/instagram-platform/webhooks#subscribe-to-webhooks
 */
export const webhookFields = [
  'messages',
  'messaging_postbacks',
  'messaging_seen',
  'messaging_referral',
  'message_reactions',
  'message_edit',
  'comments',
  'live_comments',
  'story_insights',
];

export interface TokenInfo {
  accessToken: string;
  /** ISO; null when Meta did not say (a pasted token) */
  expiresAt: string | null;
  issuedAt: string;
  /** the scopes Instagram Login reported when the code was exchanged; absent for a pasted token */
  grantedScopes?: string[];
}

/**
 * Stores an Instagram professional account behind a token: read /me (its `user_id` is the id
 * webhooks use, not its `id`), subscribe the webhook fields, then upsert. Meta failing at any
 * step leaves nothing stored.
 */
export class InstagramConnectService {
  constructor(
    private readonly graph: GraphClient,
    private readonly accounts: AccountRepository,
    private readonly secrets: Secrets,
    private readonly queue: JobQueue,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async connect(workspaceId: string, token: TokenInfo): Promise<AccountRow> {
    const auth = { accessToken: token.accessToken };
    let me: Awaited<ReturnType<GraphClient['me']>>;
    try {
      me = await this.graph.me(auth);
      await this.graph.subscribeApp({ ...auth, igUserId: me.userId }, webhookFields);
    } catch (err) {
      throw graphToAppError(err);
    }
    const existing = await this.accounts.findByExternal('instagram', me.userId);
    if (existing && existing.workspace_id !== workspaceId) {
      throw errors.conflict(
        'account_in_other_workspace',
        `@${me.username ?? me.userId} is connected to another workspace; disconnect it there first`,
      );
    }
    const now = new Date(this.clock()).toISOString();
    const fields = {
      username: me.username ?? null,
      name: me.name ?? null,
      profile_picture_url: me.profilePictureUrl ?? null,
      access_token_enc: this.secrets.encrypt(token.accessToken),
      token_expires_at: token.expiresAt,
      token_issued_at: token.issuedAt,
      webhook_fields: JSON.stringify(webhookFields),
      // Meta names the granted scopes only at login; diagnostics compare them with the features in use.
      settings: JSON.stringify({
        ...(existing ? JSON.parse(existing.settings) : {}),
        // an empty list means Meta did not say, not that nothing was granted
        grantedScopes: token.grantedScopes?.length ? token.grantedScopes : null,
      }),
      last_error: null,
      updated_at: now,
    };
    const status = statusAt(
      { status: 'active', provider: 'instagram', token_expires_at: token.expiresAt },
      this.clock(),
    );
    let account: AccountRow;
    if (existing) {
      await this.accounts.update(existing.id, { ...fields, status, status_changed_at: now });
      account = { ...existing, ...fields, status, status_changed_at: now };
      this.log.info({ accountId: account.id }, 'Instagram account reconnected');
    } else {
      account = await this.accounts.create({
        workspace_id: workspaceId,
        provider: 'instagram',
        external_id: me.userId,
        status,
        ...fields,
      });
      this.log.info({ accountId: account.id }, 'Instagram account connected');
    }
    if (existing?.status !== status)
      this.bus.publish(workspaceId, 'account.status_changed', { id: account.id, status });
    // Deliveries that arrived before the account was connected are processed now.
    await this.queue.enqueue(
      'route-unrouted',
      { accountId: account.id },
      { uniqueKey: `route:${account.id}` },
    );
    // The inbox starts with the recent history, not empty (Conversations API backfill).
    await this.queue.enqueue(
      'import-history',
      { accountId: account.id },
      { uniqueKey: `history:${account.id}` },
    );
    // The gallery starts with the account's media and their comments (same key as posts' syncKey).
    await this.queue.enqueue('sync-media', { accountId: account.id }, { uniqueKey: `media:${account.id}` });
    // Statistics start with the last 30 days of account insights, then the posts' insights.
    await this.queue.enqueue(
      'account-insights',
      { accountId: account.id },
      { uniqueKey: insightKeys.account(account.id) },
    );
    return account;
  }
}
