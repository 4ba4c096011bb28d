import { newId } from '../db/ids.js';
import type { ConversationRow } from './conversation.repository.js';
import type { IncomingMessage } from './inbox-op.js';
import type { MessageRow } from './message.repository.js';

// How a message row changes with each thing Meta tells about it. Every rule is written so that
// the end state does not depend on the order the events arrive in: an edit or unsend seen before
// the message makes an incomplete row that the message later completes; a deleted message stays
// deleted; a higher edit count wins; a duplicate changes nothing.

export function newMessageRow(
  conversation: ConversationRow,
  m: IncomingMessage,
  at: string,
  now: string,
): MessageRow {
  return {
    id: newId(),
    workspace_id: conversation.workspace_id,
    account_id: conversation.account_id,
    conversation_id: conversation.id,
    external_id: m.mid,
    direction: m.direction,
    kind: m.kind,
    text: m.text,
    attachments: JSON.stringify(m.attachments),
    reply_to: m.replyTo ? JSON.stringify(m.replyTo) : null,
    quick_reply_payload: m.quickReplyPayload,
    postback_payload: m.postbackPayload,
    referral: m.referral ? JSON.stringify(m.referral) : null,
    status: m.direction === 'inbound' ? 'received' : 'sent',
    error_code: null,
    error_message: null,
    sent_by: m.sentBy,
    sent_by_user_id: null,
    tag: null,
    quick_replies: null,
    automation_state: null,
    edit_count: 0,
    is_deleted: 0,
    complete: 1,
    send_attempted_at: null,
    created_at: at,
    updated_at: now,
  };
}

/** a row for a message known only from an edit or an unsend so far */
export function placeholderRow(
  conversation: ConversationRow,
  mid: string,
  direction: 'inbound' | 'outbound',
  at: string,
  now: string,
): MessageRow {
  const row = newMessageRow(
    conversation,
    {
      mid,
      direction,
      kind: 'text',
      text: null,
      attachments: [],
      replyTo: null,
      quickReplyPayload: null,
      postbackPayload: null,
      referral: null,
      sentBy: direction === 'inbound' ? 'customer' : 'instagram_app',
    },
    at,
    now,
  );
  return { ...row, complete: 0 };
}

/** the stored row completed by the message itself (a redelivery, an import, or after an edit/unsend) */
export function completeWith(row: MessageRow, m: IncomingMessage, at: string): Partial<MessageRow> {
  if (row.complete === 1) return {};
  const patch: Partial<MessageRow> = {
    complete: 1,
    created_at: at,
    kind: m.kind,
    reply_to: m.replyTo ? JSON.stringify(m.replyTo) : null,
    quick_reply_payload: m.quickReplyPayload,
    postback_payload: m.postbackPayload,
    referral: m.referral ? JSON.stringify(m.referral) : null,
  };
  if (row.is_deleted === 1) return patch;
  patch.attachments = JSON.stringify(m.attachments);
  // An edit seen first carries the newer text.
  if (row.edit_count === 0) patch.text = m.text;
  return patch;
}

export function editWith(row: MessageRow, text: string | null, editCount: number): Partial<MessageRow> {
  if (row.is_deleted === 1 || editCount <= row.edit_count) return {};
  return { text, edit_count: editCount };
}

/** unsend: the content goes, the fact that there was a message stays */
export function deleted(): Partial<MessageRow> {
  return { is_deleted: 1, text: null, attachments: '[]', quick_reply_payload: null, postback_payload: null };
}

/** what the conversation list shows of a message */
export function previewOf(m: Pick<MessageRow, 'text' | 'kind' | 'attachments' | 'is_deleted'>): string {
  if (m.is_deleted === 1) return '[deleted]';
  if (m.text) return m.text.length > 140 ? `${m.text.slice(0, 139)}…` : m.text;
  if (m.kind === 'story_mention') return '[story_mention]';
  const first = (JSON.parse(m.attachments) as { type: string }[])[0];
  return first ? `[${first.type}]` : `[${m.kind}]`;
}
