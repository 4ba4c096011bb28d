// Response shapes of the /api/v1/accounts routes (docs/API.md is the contract).

export const accountStatuses = ['active', 'expiring', 'token_expired', 'disconnected'] as const;
export type AccountStatus = (typeof accountStatuses)[number];
export type AccountProvider = 'instagram' | 'chatrace';

export const fieldMapKeys = [
  'senderId',
  'text',
  'messageId',
  'username',
  'name',
  'timestamp',
  'attachments',
] as const;
export type FieldMapKey = (typeof fieldMapKeys)[number];
/** JSONPath per field of a Chatrace "External Request" body, e.g. `$.data.user.id` */
export type ChatraceFieldMap = Partial<Record<FieldMapKey, string>>;

export interface Account {
  id: string;
  provider: AccountProvider;
  igUserId: string | null;
  username: string | null;
  name: string | null;
  profilePictureUrl: string | null;
  status: AccountStatus;
  tokenExpiresAt: string | null;
  webhookSubscribed: boolean;
  webhookFields: string[];
  lastError: string | null;
  createdAt: string;
  /** Chatrace only, when the server includes it */
  chatraceFieldMap?: ChatraceFieldMap | null;
}

/** What connecting a Chatrace account answers: the only time the webhook token is ever shown. */
export interface ChatraceConnection extends Account {
  webhookUrl: string;
  webhookToken: string;
  /** JSON to paste into the External Request body (an object, or already-serialised text) */
  bodyTemplate: unknown;
}

export interface OAuthUrlResponse {
  loginUrl: string;
}

export interface InstagramConfig {
  /** demo mode: the built-in simulator stands in for Instagram */
  simulator?: boolean;
}
