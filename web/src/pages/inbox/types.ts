// Response shapes of the inbox routes. The contract is the zod schemas in src/inbox/*.schema.ts;
// test/web/inbox-contract.test.ts fails to compile if these drift from them.

export type Provider = 'instagram' | 'chatrace';
export type Direction = 'inbound' | 'outbound';
export const messageStatuses = ['received', 'queued', 'sending', 'sent', 'read', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export interface ContactSummary {
  id: string;
  /** the IGSID (Instagram) or the Chatrace contact id */
  igsid: string;
  username: string | null;
  name: string | null;
  profilePicUrl: string | null;
}

export interface ContactView extends ContactSummary {
  accountId: string;
  source: Provider;
  followerCount: number | null;
  isUserFollowBusiness: boolean | null;
  isBusinessFollowUser: boolean | null;
  profileFetchedAt: string | null;
  profileError: string | null;
  notes: string;
  tags: string[];
  linked: { id: string; accountId: string; source: Provider }[];
  createdAt: string;
  updatedAt: string;
}

export interface ConversationView {
  id: string;
  accountId: string;
  provider: Provider;
  contact: ContactSummary;
  status: 'open' | 'closed';
  assigneeId: string | null;
  unreadCount: number;
  lastMessageAt: string | null;
  lastMessage: { id: string; direction: Direction; preview: string } | null;
  windowExpiresAt: string | null;
  humanAgentExpiresAt: string | null;
  attribution: Record<string, unknown> | null;
  /** whether the bot may speak here: paused by a person's reply (human) or by hand, or opted out */
  automation: {
    pausedUntil: string | null;
    pausedBy: 'human' | 'manual' | null;
    optedOutAt: string | null;
  };
  createdAt: string;
}

export interface AttachmentView {
  type: string;
  url: string | null;
  sourceUrl: string | null;
  attachmentId: string | null;
  mimeType: string | null;
}

export type ReplyTo =
  | { mid: string; messageId: string | null; text: string | null }
  | { story: { id: string | null; url: string | null } }
  | { comment: { id: string; text: string | null } };

export interface Reaction {
  actor: 'customer' | 'business';
  reaction: string;
  emoji: string | null;
}

export interface MessageView {
  id: string;
  conversationId: string;
  externalId: string | null;
  direction: Direction;
  /** text, attachment, story_reply, story_mention, postback, unsupported */
  kind: string;
  text: string | null;
  attachments: AttachmentView[];
  replyTo: ReplyTo | null;
  quickReplyPayload: string | null;
  /** buttons we offered with this text */
  quickReplies: { title: string; payload: string }[];
  postback: { title: string | null; payload: string | null } | null;
  referral: Record<string, unknown> | null;
  reactions: Reaction[];
  status: MessageStatus;
  error: { code: string; message: string } | null;
  /** customer, user, automation, api, instagram_app */
  sentBy: string;
  sentByUserId: string | null;
  tag: string | null;
  editCount: number;
  isDeleted: boolean;
  createdAt: string;
  updatedAt: string;
}

export const outgoingAttachmentTypes = ['image', 'video', 'audio', 'file'] as const;
export type OutgoingAttachmentType = (typeof outgoingAttachmentTypes)[number];

export type SendBody =
  | { text: string; quickReplies?: { title: string; payload?: string }[] }
  | { attachment: { type: OutgoingAttachmentType; url?: string; attachmentId?: string } }
  | { reaction: { messageId: string; reaction: 'love' | null } };

export interface SendAccepted {
  id: string;
  status: MessageStatus;
}

export interface UploadedAttachment {
  id: string;
  url: string;
  mimeType: string;
  size: number;
  fileName: string | null;
}

/** GET /me as the inbox needs it: the HUMAN_AGENT switch lives on the workspace. */
export interface InboxMe {
  user: { id: string; role: 'owner' | 'agent' };
  workspace: { id: string; humanAgentEnabled?: boolean };
}

/** The accounts the filter offers (GET /accounts). */
export interface InboxAccount {
  id: string;
  provider: Provider;
  username: string | null;
  name: string | null;
  status: 'active' | 'expiring' | 'token_expired' | 'disconnected';
}
