// Table types for Kysely. Portable across SQLite and PostgreSQL on purpose: ids are text
// (UUIDv7, time-ordered for keyset pagination), times are ISO-8601 UTC text (sortable as
// strings), booleans are 0/1 integers and JSON is text.

export interface WorkspaceTable {
  id: string;
  name: string;
  timezone: string;
  created_at: string;
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
