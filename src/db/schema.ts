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

/** a customer of one account; `person_id` is shared by the same person's contacts on other sources */
export interface ContactTable {
  id: string;
  workspace_id: string;
  account_id: string;
  source: 'instagram' | 'chatrace';
  /** IGSID (Instagram) or the Chatrace contact id */
  external_id: string;
  person_id: string;
  username: string | null;
  name: string | null;
  /** username and name folded to lower case in JS (SQLite's lower() folds ASCII only), for search */
  search_text: string;
  profile_pic_url: string | null;
  /** our copy of the picture: Meta's profile_pic URLs expire */
  profile_pic_attachment_id: string | null;
  follower_count: number | null;
  is_user_follow_business: number | null;
  is_business_follow_user: number | null;
  profile_fetched_at: string | null;
  /** why the profile could not be read ('consent_required' for Meta's error 230) */
  profile_error: string | null;
  notes: string;
  /** JSON string[] */
  tags: string;
  created_at: string;
  updated_at: string;
}

export type ConversationStatus = 'open' | 'closed';

export interface ConversationTable {
  id: string;
  workspace_id: string;
  account_id: string;
  contact_id: string;
  /** the Graph conversation id, once known (backfill, polling) */
  external_id: string | null;
  status: ConversationStatus;
  assignee_id: string | null;
  unread_count: number;
  last_message_id: string | null;
  last_message_at: string | null;
  last_message_preview: string | null;
  last_message_direction: MessageDirection | null;
  /** the customer's last activity (message, postback, referral): the messaging window starts here */
  last_customer_at: string | null;
  operator_read_at: string | null;
  /** the customer has seen our messages up to this time (messaging_seen) */
  customer_read_at: string | null;
  /** the mid named by the newest read receipt (resolved to a time once that message is stored) */
  customer_read_mid: string | null;
  customer_read_mid_at: string | null;
  /** JSON: the latest referral (ad, ig.me link) that brought the customer */
  attribution: string | null;
  /** keyset of the inbox list: unread first, then newest (see inbox-rank.ts) */
  inbox_rank: string;
  created_at: string;
  updated_at: string;
}

export type MessageDirection = 'inbound' | 'outbound';
export type MessageStatus = 'received' | 'queued' | 'sending' | 'sent' | 'failed';

export interface MessageTable {
  id: string;
  workspace_id: string;
  account_id: string;
  conversation_id: string;
  /** Meta's mid (or the Chatrace message id); null until a queued message is sent */
  external_id: string | null;
  direction: MessageDirection;
  kind: string;
  text: string | null;
  /** JSON MessageAttachment[] */
  attachments: string;
  /** JSON {mid} or {story:{id,url}} */
  reply_to: string | null;
  quick_reply_payload: string | null;
  postback_payload: string | null;
  /** JSON referral / ad context carried by this message */
  referral: string | null;
  status: MessageStatus;
  error_code: string | null;
  error_message: string | null;
  /** 'customer' | 'user' | 'automation' | 'api' | 'instagram_app' */
  sent_by: string;
  sent_by_user_id: string | null;
  tag: string | null;
  edit_count: number;
  is_deleted: number;
  /** 0 while only an edit, unsend or reaction has been seen and the original message not yet */
  complete: number;
  /** set when a send starts: a retry after a crash checks Meta before sending again */
  send_attempted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageReactionTable {
  id: string;
  account_id: string;
  message_external_id: string;
  /** 'customer' | 'business' */
  actor: string;
  /** null after an unreact */
  reaction: string | null;
  emoji: string | null;
  reacted_at: string;
}

/** a stored copy of a file (Meta's attachment URLs expire; uploads for sending) */
export interface AttachmentTable {
  id: string;
  workspace_id: string;
  sha256: string;
  mime_type: string;
  size: number;
  file_name: string | null;
  source_url: string | null;
  created_at: string;
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
