// Response shapes of the automation, outbound-webhook and API-key routes. The contract is the zod
// schemas in src/automation, src/outbound-webhooks and src/api-keys; test/web/automation-contract.test.ts
// fails to compile if these drift from them.

export const matchTypes = ['contains', 'exact', 'word', 'regex'] as const;
export type MatchType = (typeof matchTypes)[number];

/** local time window in an IANA zone; days 0 (Sunday)–6; `from` later than `to` crosses midnight */
export interface ActiveHours {
  timezone: string;
  days: number[];
  from: string;
  to: string;
}

export interface QuickReply {
  title: string;
  payload: string;
}

export interface RuleAttachment {
  type: string;
  url?: string;
  attachmentId?: string;
}

export interface DmRule {
  id: string;
  accountId: string | null;
  keyword: string;
  keywords: string[];
  matchType: MatchType;
  responseMessage: string;
  attachment: RuleAttachment | null;
  quickReplies: QuickReply[];
  priority: number;
  cooldownSeconds: number;
  activeHours: ActiveHours | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export type DmSkipReason = 'inactive' | 'other_account' | 'outside_active_hours';

export interface DmTestResult {
  rule: DmRule | null;
  keyword: string | null;
  reply: { text: string; attachment: RuleAttachment | null; quickReplies: QuickReply[] } | null;
  skipped: { ruleId: string; reason: DmSkipReason }[];
}

export const commentScopes = ['all', 'media', 'next_post'] as const;
export type CommentScope = (typeof commentScopes)[number];

export interface CommentRule {
  id: string;
  name: string;
  accountId: string | null;
  scope: CommentScope;
  mediaIds: string[];
  keywords: string[];
  matchType: MatchType;
  publicReplies: string[];
  privateReply: string | null;
  priority: number;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AutomationSettings {
  accountId: string;
  welcome: { enabled: boolean; text: string | null; quickReplies: QuickReply[] };
  away: { enabled: boolean; text: string | null; businessHours: ActiveHours[]; cooldownMinutes: number };
  storyMention: { enabled: boolean; text: string | null };
  optOut: { enabled: boolean; stopText: string | null; startText: string | null };
  takeoverMinutes: number;
  maxPerConversationPerHour: number;
  updatedAt: string | null;
}

export interface AutomationAction {
  id: string;
  accountId: string;
  conversationId: string | null;
  contactId: string | null;
  contact: { igsid: string; username: string | null; name: string | null } | null;
  trigger: { type: 'message' | 'comment'; id: string };
  kind: string;
  ruleId: string | null;
  status: 'queued' | 'sent' | 'failed' | 'skipped';
  reason: string | null;
  text: string | null;
  messageId: string | null;
  messageStatus: string | null;
  mediaId: string | null;
  error: string | null;
  createdAt: string;
}

export const outboundEventTypes = [
  'message.received',
  'message.sent',
  'message.failed',
  'comment.created',
  'conversation.assigned',
  'account.status_changed',
  'post.published',
] as const;

export interface OutboundWebhook {
  id: string;
  url: string;
  eventTypes: string[];
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** the answer to POST: the only time the signing secret is shown */
export interface CreatedOutboundWebhook extends OutboundWebhook {
  secret: string;
}

export interface OutboundDelivery {
  id: string;
  webhookId: string;
  eventType: string;
  eventId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  body: string;
}

export const apiKeyScopes = ['read', 'write'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** the answer to POST: the only time the key is shown */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  key: string;
}

/** a synced post, as the comment rules' post picker shows it */
export interface Post {
  id: string;
  accountId: string;
  igMediaId: string;
  mediaType: string | null;
  mediaProductType: string | null;
  caption: string | null;
  permalink: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  timestamp: string;
  likeCount: number | null;
  commentsCount: number | null;
  children: {
    igMediaId: string;
    mediaType: string | null;
    mediaUrl: string | null;
    thumbnailUrl: string | null;
    permalink: string | null;
  }[];
  syncedAt: string;
}
