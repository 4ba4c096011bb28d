// The simulator's in-memory model. Times are epoch milliseconds of the simulator's clock.

export type Permission =
  | 'instagram_business_basic'
  | 'instagram_business_manage_messages'
  | 'instagram_business_manage_comments'
  | 'instagram_business_content_publish'
  | 'instagram_business_manage_insights';

export const allPermissions: Permission[] = [
  'instagram_business_basic',
  'instagram_business_manage_messages',
  'instagram_business_manage_comments',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
];

export interface SimAccount {
  /** professional account id: `/me` user_id, webhook entry[].id, the {ig-user-id} of most edges */
  userId: string;
  /** app-scoped id: `/me` id and the OAuth token's user_id — NOT what webhooks carry */
  appScopedId: string;
  username: string;
  name: string;
  accountType: 'BUSINESS' | 'MEDIA_CREATOR';
  biography: string;
  website: string;
  followersCount: number;
  followsCount: number;
  subscribedFields: string[];
  createdAt: number;
}

export type TokenKind = 'short' | 'long';

export interface SimToken {
  token: string;
  accountId: string;
  kind: TokenKind;
  permissions: Permission[];
  issuedAt: number;
  expiresAt: number;
  /** set when revoked: the 190 subcode and message Meta answers with from then on */
  revoked?: { subcode: number; message: string };
}

export interface OAuthCode {
  code: string;
  accountId: string;
  clientId: string;
  redirectUri: string;
  permissions: Permission[];
  issuedAt: number;
  used: boolean;
}

export interface SimCustomer {
  igsid: string;
  username: string;
  name: string;
  followerCount: number;
  isUserFollowBusiness: boolean;
  isBusinessFollowUser: boolean;
  isVerifiedUser: boolean;
  /** false: the profile API answers error 230 (user consent required) */
  profileConsent: boolean;
}

export interface SimConversation {
  id: string;
  accountId: string;
  igsid: string;
  thread: string;
  updatedAt: number;
  /** the customer's last message: opens the 24 h (7 days with HUMAN_AGENT) window */
  lastCustomerMessageAt: number | null;
}

export interface SimAttachment {
  type: string;
  url?: string;
  /** MEDIA_SHARE and similar carry an id instead of a url */
  id?: string;
}

export interface SimMessage {
  id: string;
  conversationId: string;
  accountId: string;
  igsid: string;
  fromCustomer: boolean;
  text?: string;
  attachments: SimAttachment[];
  createdAt: number;
  replyToMid?: string;
  tag?: string;
  /** a private reply sent to this comment */
  privateReplyTo?: string;
  /** quick reply buttons sent with a text */
  quickReplies?: { title: string; payload: string }[];
  reactions: { reaction: string; emoji?: string; byCustomer: boolean }[];
}

export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
export type MediaProductType = 'FEED' | 'REELS' | 'STORY' | 'AD';

export interface SimMedia {
  id: string;
  accountId: string;
  mediaType: MediaType;
  productType: MediaProductType;
  caption?: string;
  /** absolute, or a path on the simulator (`/__sim/img/…`) resolved against its URL when rendered */
  mediaUrl: string;
  thumbnailUrl?: string;
  shortcode: string;
  timestamp: number;
  likeCount: number;
  commentsEnabled: boolean;
  children: string[];
  isCarouselChild: boolean;
}

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface SimContainer {
  id: string;
  accountId: string;
  /** what was asked for: IMAGE, VIDEO, REELS, STORIES or CAROUSEL */
  mediaType: 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';
  imageUrl?: string;
  videoUrl?: string;
  caption?: string;
  isCarouselItem: boolean;
  children: string[];
  createdAt: number;
  polls: number;
  forced?: 'ERROR' | 'EXPIRED';
  publishedMediaId?: string;
}

export interface SimComment {
  id: string;
  mediaId: string;
  accountId: string;
  parentId?: string;
  fromId: string;
  fromUsername: string;
  text: string;
  timestamp: number;
  hidden: boolean;
  likeCount: number;
  /** the private reply already sent for this comment (Meta allows one) */
  privateReplyMid?: string;
}

export interface PublishCall {
  at: number;
  accountId: string;
  creationId: string;
  ok: boolean;
  mediaId?: string;
  error?: { code: number; subcode?: number };
}

export interface RecordedCall {
  seq: number;
  at: number;
  method: string;
  path: string;
  version: string | null;
  /** query and body parameters; secrets (tokens, client_secret, code) replaced by "[redacted]" */
  params: Record<string, unknown>;
  /** the professional account the access token belongs to, when it was valid */
  accountId: string | null;
  status: number;
  error?: { code: number; subcode?: number };
  /** the id of the injected fault that answered this call */
  faultId?: string;
}
