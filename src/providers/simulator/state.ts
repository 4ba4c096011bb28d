import { IdGenerator, newAccessToken } from './ids.js';
import {
  allPermissions,
  type OAuthCode,
  type Permission,
  type PublishCall,
  type RecordedCall,
  type SimAccount,
  type SimComment,
  type SimContainer,
  type SimConversation,
  type SimCustomer,
  type SimMedia,
  type SimMessage,
  type SimToken,
  type TokenKind,
} from './types.js';

const HOUR = 3600_000;
const MAX_CALLS = 5000;
/** short-lived tokens live 1 hour, long-lived 60 days (5184000 s) */
export const TOKEN_TTL_MS: Record<TokenKind, number> = { short: HOUR, long: 5_184_000_000 };

/** Everything the simulated Instagram knows. Operations with rules live in the feature files. */
export class SimState {
  readonly ids = new IdGenerator();
  readonly accounts = new Map<string, SimAccount>();
  readonly tokens = new Map<string, SimToken>();
  readonly codes = new Map<string, OAuthCode>();
  readonly customers = new Map<string, SimCustomer>();
  readonly conversations = new Map<string, SimConversation>();
  readonly messages = new Map<string, SimMessage>();
  readonly media = new Map<string, SimMedia>();
  readonly containers = new Map<string, SimContainer>();
  readonly comments = new Map<string, SimComment>();
  readonly publishCalls: PublishCall[] = [];
  readonly calls: RecordedCall[] = [];
  private callSeq = 0;
  /** who "logs in" on /oauth/authorize when the request does not say (`sim_user=`) */
  loginAccountId: string | null = null;

  constructor(readonly clock: () => number) {}

  /** keeps the newest MAX_CALLS calls: the demo runs for days */
  recordCall(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    const recorded = { seq: ++this.callSeq, ...call };
    this.calls.push(recorded);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
    return recorded;
  }

  /** `createdAt` in the past gives the account a history (insights exist from that day on) */
  createAccount(input: Partial<SimAccount> = {}): SimAccount {
    const n = this.accounts.size + 1;
    const account: SimAccount = {
      userId: input.userId ?? this.ids.professionalId(),
      appScopedId: input.appScopedId ?? this.ids.appScopedId(),
      username: input.username ?? `sim.shop${n}`,
      name: input.name ?? `Sim Shop ${n}`,
      accountType: input.accountType ?? 'BUSINESS',
      biography: input.biography ?? '',
      website: input.website ?? '',
      followersCount: input.followersCount ?? 1284,
      followsCount: input.followsCount ?? 312,
      subscribedFields: input.subscribedFields ?? [],
      createdAt: input.createdAt ?? this.clock(),
    };
    this.accounts.set(account.userId, account);
    return account;
  }

  /** by professional id, app-scoped id or username */
  findAccount(id: string): SimAccount | undefined {
    const direct = this.accounts.get(id);
    if (direct) return direct;
    for (const a of this.accounts.values()) if (a.appScopedId === id || a.username === id) return a;
    return undefined;
  }

  issueToken(
    accountId: string,
    kind: TokenKind = 'long',
    permissions: Permission[] = allPermissions,
  ): SimToken {
    const now = this.clock();
    const token: SimToken = {
      token: newAccessToken(),
      accountId,
      kind,
      permissions: [...permissions],
      issuedAt: now,
      expiresAt: now + TOKEN_TTL_MS[kind],
    };
    this.tokens.set(token.token, token);
    return token;
  }

  addCustomer(input: Partial<SimCustomer> & { username: string }): SimCustomer {
    const customer: SimCustomer = {
      igsid: input.igsid ?? this.ids.igsid(),
      username: input.username,
      name: input.name ?? input.username,
      followerCount: input.followerCount ?? 150,
      isUserFollowBusiness: input.isUserFollowBusiness ?? true,
      isBusinessFollowUser: input.isBusinessFollowUser ?? false,
      isVerifiedUser: input.isVerifiedUser ?? false,
      profileConsent: input.profileConsent ?? true,
    };
    this.customers.set(customer.igsid, customer);
    return customer;
  }

  /** by IGSID or username */
  findCustomer(idOrUsername: string): SimCustomer | undefined {
    const direct = this.customers.get(idOrUsername);
    if (direct) return direct;
    const name = idOrUsername.replace(/^@/, '');
    for (const c of this.customers.values()) if (c.username === name) return c;
    return undefined;
  }

  conversationFor(accountId: string, igsid: string): SimConversation {
    for (const c of this.conversations.values()) if (c.accountId === accountId && c.igsid === igsid) return c;
    const thread = this.ids.threadNumber();
    const conversation: SimConversation = {
      id: this.ids.conversationId(accountId, thread),
      accountId,
      igsid,
      thread,
      updatedAt: 0,
      lastCustomerMessageAt: null,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  addMessage(
    conversation: SimConversation,
    input: Omit<SimMessage, 'id' | 'conversationId' | 'accountId' | 'igsid' | 'reactions' | 'createdAt'> & {
      createdAt?: number;
    },
  ): SimMessage {
    const message: SimMessage = {
      ...input,
      id: this.ids.messageId(conversation.accountId, conversation.thread),
      conversationId: conversation.id,
      accountId: conversation.accountId,
      igsid: conversation.igsid,
      createdAt: input.createdAt ?? this.clock(),
      reactions: [],
    };
    this.messages.set(message.id, message);
    // a conversation's time is its newest message (seeded history may be added in any order)
    conversation.updatedAt = Math.max(conversation.updatedAt, message.createdAt);
    if (message.fromCustomer) {
      conversation.lastCustomerMessageAt = Math.max(
        conversation.lastCustomerMessageAt ?? 0,
        message.createdAt,
      );
    }
    return message;
  }

  addMedia(input: Omit<SimMedia, 'id' | 'shortcode'> & { id?: string }): SimMedia {
    const media: SimMedia = { ...input, id: input.id ?? this.ids.mediaId(), shortcode: this.ids.shortcode() };
    this.media.set(media.id, media);
    return media;
  }

  addComment(input: Omit<SimComment, 'id'>): SimComment {
    const comment: SimComment = { ...input, id: this.ids.commentId() };
    this.comments.set(comment.id, comment);
    return comment;
  }

  addContainer(input: Omit<SimContainer, 'id' | 'createdAt' | 'polls'>): SimContainer {
    const container: SimContainer = {
      ...input,
      id: this.ids.containerId(),
      createdAt: this.clock(),
      polls: 0,
    };
    this.containers.set(container.id, container);
    return container;
  }

  messagesOf(conversationId: string): SimMessage[] {
    return newestFirst(
      [...this.messages.values()].filter((m) => m.conversationId === conversationId),
      'createdAt',
    );
  }

  conversationsOf(accountId: string): SimConversation[] {
    return newestFirst(
      [...this.conversations.values()].filter((c) => c.accountId === accountId),
      'updatedAt',
    );
  }

  /** the feed: published media of the account, no stories, no carousel children */
  mediaOf(accountId: string, productType?: 'STORY'): SimMedia[] {
    const wanted = (m: SimMedia) =>
      productType === 'STORY' ? m.productType === 'STORY' : m.productType !== 'STORY';
    const list = [...this.media.values()].filter(
      (m) => m.accountId === accountId && !m.isCarouselChild && wanted(m),
    );
    return newestFirst(list, 'timestamp');
  }

  /** top-level comments of a media (parentId undefined) or the replies to one comment */
  commentsOf(mediaId: string, parentId?: string): SimComment[] {
    const list = [...this.comments.values()].filter((c) => c.mediaId === mediaId && c.parentId === parentId);
    return newestFirst(list, 'timestamp');
  }
}

/** newest first; among equal times the later-added first (a fixed test clock gives many) */
function newestFirst<T>(list: T[], key: keyof T): T[] {
  return list
    .map((item, i) => ({ item, i }))
    .sort((a, b) => Number(b.item[key]) - Number(a.item[key]) || b.i - a.i)
    .map((x) => x.item);
}
