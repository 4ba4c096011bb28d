import type { AutoPostSeriesTable, AutoPostTable } from './auto-posts-schema.js';
import type {
  AutomationActionTable,
  AutomationPendingCommentTable,
  AutomationSettingsTable,
  CommentRuleTable,
} from './automation-schema.js';
import type {
  AttachmentTable,
  ContactTable,
  ConversationTable,
  MessageReactionTable,
  MessageTable,
} from './inbox-schema.js';
import type { AccountInsightDayTable, MediaInsightTable } from './insights-schema.js';
import type { CommentTable, PostSyncTable, PostTable } from './posts-schema.js';
import type { CaptionTemplateTable, ProductTable } from './products-schema.js';

export type * from './auto-posts-schema.js';
export type * from './automation-schema.js';
export type * from './inbox-schema.js';
export type * from './insights-schema.js';
export type * from './posts-schema.js';
export type * from './products-schema.js';

// Table types for Kysely. Portable across SQLite and PostgreSQL on purpose: ids are text
// (UUIDv7, time-ordered for keyset pagination), times are ISO-8601 UTC text (sortable as
// strings), booleans are 0/1 integers and JSON is text.

export interface WorkspaceTable {
  id: string;
  name: string;
  timezone: string;
  created_at: string;
  /** operators may answer 24 h–7 d after the customer's last message with the HUMAN_AGENT tag */
  human_agent_enabled: number;
}

export interface UserTable {
  id: string;
  workspace_id: string;
  email: string;
  password_hash: string;
  role: 'owner' | 'agent';
  /** the instance administrator also sees deliveries that belong to no workspace yet */
  is_admin: number;
  created_at: string;
}

export interface AccountTable {
  id: string;
  workspace_id: string;
  provider: 'instagram' | 'chatrace';
  /** Instagram professional account id (webhook entry[].id) or Chatrace account id */
  external_id: string;
  username: string | null;
  status: 'active' | 'expiring' | 'token_expired' | 'disconnected';
  access_token_enc: string | null;
  token_expires_at: string | null;
  /** sha256 of the inbound webhook token (Chatrace); the token itself is shown once */
  webhook_token_hash: string | null;
  settings: string;
  created_at: string;
  updated_at: string;
  name: string | null;
  profile_picture_url: string | null;
  /** when the stored token was issued or last refreshed (Meta refreshes tokens ≥ 24 h old) */
  token_issued_at: string | null;
  /** JSON list of subscribed webhook fields; null when unknown */
  webhook_fields: string | null;
  last_error: string | null;
  status_changed_at: string | null;
  /** missed-message recovery: seconds between polls of the Conversations API; 0 = off */
  poll_interval_seconds: number;
  last_poll_at: string | null;
  /** JSON PollResult of the last poll */
  last_poll_result: string | null;
  /** the last time a poll found messages that webhooks had not delivered */
  webhook_gap_at: string | null;
  backfilled_at: string | null;
}

export interface OauthStateTable {
  /** sha256 of the state's random part; the state itself is only in the user's browser */
  id: string;
  user_id: string;
  workspace_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export type DeliveryStatus = 'received' | 'processed' | 'unrouted' | 'failed' | 'rejected';

export interface WebhookEventTable {
  id: string;
  source: 'meta' | 'chatrace';
  received_at: string;
  /** null for rejected attempts so that a later valid delivery of the same bytes is never mistaken for a duplicate */
  dedupe_key: string | null;
  body_sha256: string;
  body_size: number;
  body: string | null;
  headers: string;
  signature_valid: number;
  status: DeliveryStatus;
  error: string | null;
  workspace_id: string | null;
  account_id: string | null;
  event_count: number;
  duplicate_count: number;
  attempts: number;
  processed_at: string | null;
}

export type InboundEventStatus = 'pending' | 'unrouted' | 'processed' | 'failed';

export interface InboundEventTable {
  id: string;
  delivery_id: string;
  seq: number;
  source: 'meta' | 'chatrace';
  kind: string;
  field: string | null;
  external_account_id: string | null;
  account_id: string | null;
  workspace_id: string | null;
  /** provider-wide dedupe key: the same event inside another batch is stored once */
  event_key: string;
  external_id: string | null;
  sender_id: string | null;
  occurred_at: string;
  payload: string;
  status: InboundEventStatus;
  error: string | null;
  processed_at: string | null;
  created_at: string;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  accounts: AccountTable;
  webhook_events: WebhookEventTable;
  inbound_events: InboundEventTable;
  jobs: JobTable;
  oauth_states: OauthStateTable;
  contacts: ContactTable;
  conversations: ConversationTable;
  messages: MessageTable;
  message_reactions: MessageReactionTable;
  attachments: AttachmentTable;
  api_keys: ApiKeyTable;
  dm_keyword_rules: DmKeywordRuleTable;
  outbound_webhooks: OutboundWebhookTable;
  outbound_deliveries: OutboundDeliveryTable;
  products: ProductTable;
  caption_templates: CaptionTemplateTable;
  automation_settings: AutomationSettingsTable;
  comment_rules: CommentRuleTable;
  posts: PostTable;
  post_syncs: PostSyncTable;
  comments: CommentTable;
  automation_actions: AutomationActionTable;
  automation_pending_comments: AutomationPendingCommentTable;
  auto_posts: AutoPostTable;
  auto_post_series: AutoPostSeriesTable;
  account_insight_days: AccountInsightDayTable;
  media_insights: MediaInsightTable;
}

/** a subscription: events of these types are POSTed, signed, to `url` */
export interface OutboundWebhookTable {
  id: string;
  workspace_id: string;
  url: string;
  /** the HMAC signing secret, encrypted (shown once when created) */
  secret_enc: string;
  /** JSON string[] of event types, or ["*"] */
  event_types: string;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export type OutboundDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** one event for one subscription, with the exact body that is signed and sent */
export interface OutboundDeliveryTable {
  id: string;
  webhook_id: string;
  workspace_id: string;
  event_type: string;
  /** the event's own id: a subscription gets each event once */
  event_id: string;
  body: string;
  status: OutboundDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  /** pending: when the next attempt is due at the latest; the sweeper re-enqueues it after that */
  next_attempt_at: string | null;
}

/** a workspace API key (`rdk_…`); only its sha256 is stored, the key is shown once */
export interface ApiKeyTable {
  id: string;
  workspace_id: string;
  name: string;
  /** the key's first characters, to tell keys apart in a list */
  prefix: string;
  key_hash: string;
  /** JSON string[] */
  scopes: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type KeywordMatchType = 'contains' | 'exact' | 'word' | 'regex';

/** a DM keyword rule (the seed's `account, keyword, response_message, is_active`) */
export interface DmKeywordRuleTable {
  id: string;
  workspace_id: string;
  /** null: every account of the workspace */
  account_id: string | null;
  /** JSON string[] */
  keywords: string;
  match_type: KeywordMatchType;
  response_message: string;
  /** JSON {type, url | attachmentId} or null */
  attachment: string | null;
  /** JSON {title, payload}[] */
  quick_replies: string;
  /** lower runs first; the first matching rule wins */
  priority: number;
  /** once per contact per rule per this many seconds */
  cooldown_seconds: number;
  /** JSON {timezone, days:[0-6], from:"HH:MM", to:"HH:MM"} or null for always */
  active_hours: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'dead';

export interface JobTable {
  id: string;
  name: string;
  payload: string;
  state: JobState;
  unique_key: string | null;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
