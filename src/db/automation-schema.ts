// The automation engine's tables; schema.ts says why ids and times are text, booleans 0/1 and JSON text.
import type { KeywordMatchType } from './schema.js';

/** one row per account: JSON of AutomationSettings (src/automation/automation-settings.schema.ts) */
export interface AutomationSettingsTable {
  account_id: string;
  workspace_id: string;
  settings: string;
  updated_at: string;
}

export type CommentRuleScope = 'all' | 'media' | 'next_post';

/** a comment keyword rule: a public reply and/or one private reply DM to the commenter */
export interface CommentRuleTable {
  id: string;
  workspace_id: string;
  /** null: every account of the workspace (scope 'all' only) */
  account_id: string | null;
  name: string;
  scope: CommentRuleScope;
  /** JSON string[] of Instagram media ids; for 'next_post' filled in once that post appears */
  media_ids: string;
  /** JSON string[]; empty: every comment */
  keywords: string;
  match_type: KeywordMatchType;
  /** JSON string[]: one variant is picked at random per reply */
  public_replies: string;
  private_reply: string | null;
  priority: number;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export type AutomationKind =
  | 'dm_keyword'
  | 'welcome'
  | 'away'
  | 'story_mention'
  | 'opt_out'
  | 'opt_in'
  | 'comment_public_reply'
  | 'comment_private_reply';

/** queued: handed to the send path; sent/failed: the outcome (comments); skipped: see reason */
export type AutomationStatus = 'queued' | 'sent' | 'failed' | 'skipped';

/** every automated decision: which rule fired, what it sent, or why it did not */
export interface AutomationActionTable {
  id: string;
  workspace_id: string;
  account_id: string;
  conversation_id: string | null;
  contact_id: string | null;
  trigger: 'message' | 'comment';
  /** our message id, or Instagram's comment id */
  trigger_id: string;
  kind: AutomationKind;
  rule_id: string | null;
  status: AutomationStatus;
  /** why it was skipped or failed: cooldown, window, opted_out, takeover, loop_limit, … */
  reason: string | null;
  text: string | null;
  /** the reply message (DMs) */
  message_id: string | null;
  /** Instagram media id and commenter IGSID (comments: once per commenter per post) */
  media_id: string | null;
  commenter_id: string | null;
  error: string | null;
  /** one decision per trigger and kind: a replayed event finds it and does nothing */
  dedupe_key: string;
  created_at: string;
  updated_at: string;
}

/** a comment from a webhook handed to comment automation in its own commit, until decided */
export interface AutomationPendingCommentTable {
  /** our comments.id */
  comment_id: string;
  account_id: string;
  created_at: string;
}
