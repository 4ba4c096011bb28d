// The inbox's tables; schema.ts says why ids and times are text, booleans 0/1 and JSON text.

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
  /** the customer wrote STOP/СТОП: no automated messages until START */
  automation_opted_out_at: string | null;
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
  /** automation is silent here until then (human takeover; '9999…' when paused by hand) */
  automation_paused_until: string | null;
  automation_paused_by: 'human' | 'manual' | null;
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
  /** JSON {title, payload}[] offered with an outgoing text (Send API quick_replies) */
  quick_replies: string | null;
  /** 'pending': a new customer message the automation engine has not decided on yet */
  automation_state: 'pending' | null;
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
