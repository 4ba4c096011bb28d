import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import { GraphError } from '../providers/instagram/graph-errors.js';
import type { Secrets } from '../secrets.js';
import type { AttachmentService } from './attachment.service.js';
import type { ContactRepository } from './contact.repository.js';
import { profileMaxAgeMs } from './inbox-ingest.service.js';

const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/**
 * The fetch-profile job: name, username, picture and follower flags of a customer, read at most
 * once a day. Meta shows a profile only to a business the person has messaged; otherwise it
 * answers (#230) "User consent is required", which is recorded quietly, not retried.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api/user-profile
 */
export class ContactProfileService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly accounts: AccountRepository,
    private readonly accountService: AccountService,
    private readonly graph: GraphClient,
    private readonly secrets: Secrets,
    private readonly bus: EventBus,
    private readonly attachments: Pick<AttachmentService, 'storeFromUrl'>,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async fetch(contactId: string): Promise<void> {
    const contact = await this.contacts.findByIdUnscoped(contactId);
    if (contact?.source !== 'instagram') return;
    const now = this.clock();
    if (contact.profile_fetched_at && Date.parse(contact.profile_fetched_at) > now - profileMaxAgeMs) return;
    const account = await this.accounts.findById(contact.account_id);
    if (!account?.access_token_enc || account.status === 'disconnected' || account.status === 'token_expired')
      return;
    const auth = {
      accessToken: this.secrets.decrypt(account.access_token_enc),
      igUserId: account.external_id,
    };
    const fetchedAt = new Date(now).toISOString();
    try {
      const p = await this.graph.getUserProfile(auth, contact.external_id);
      await this.contacts.update(contact.id, {
        name: p.name ?? contact.name,
        username: p.username ?? contact.username,
        profile_pic_url: p.profilePic,
        profile_pic_attachment_id: await this.copyPicture(contact.workspace_id, p.profilePic),
        follower_count: p.followerCount,
        is_user_follow_business: bit(p.isUserFollowBusiness),
        is_business_follow_user: bit(p.isBusinessFollowUser),
        profile_fetched_at: fetchedAt,
        profile_error: null,
      });
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      if (err.kind === 'token_invalid') {
        await this.accountService.tokenRejected(account, err.graphMessage ?? err.message);
        return;
      }
      if (err.kind === 'transient' || err.kind === 'rate_limited') throw err;
      const consent = err.code === 230;
      if (!consent)
        this.log.warn({ contactId, code: err.code, kind: err.kind }, 'customer profile unavailable');
      await this.contacts.update(contact.id, {
        profile_fetched_at: fetchedAt,
        profile_error: consent ? 'consent_required' : err.kind,
      });
    }
    this.bus.publish(contact.workspace_id, 'contact.updated', {
      accountId: account.id,
      contactId: contact.id,
    });
  }

  /** Meta's picture URLs expire: keep a copy (a failed copy keeps Meta's URL; the next refresh tries again) */
  private async copyPicture(workspaceId: string, url: string | null): Promise<string | null> {
    if (!url) return null;
    try {
      return (await this.attachments.storeFromUrl(workspaceId, url))?.id ?? null;
    } catch (err) {
      this.log.info({ err: (err as Error).message }, 'profile picture not copied');
      return null;
    }
  }
}
