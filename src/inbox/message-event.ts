import type { StoredAttachment } from './inbox-op.js';
import type { MessageRow } from './message.repository.js';

/** what outbound webhooks carry of a message (message.received, message.sent, message.failed) */
export function messageEventData(m: MessageRow) {
  return {
    accountId: m.account_id,
    conversationId: m.conversation_id,
    message: {
      id: m.id,
      externalId: m.external_id,
      direction: m.direction,
      kind: m.kind,
      text: m.text,
      attachments: (JSON.parse(m.attachments) as StoredAttachment[]).map((a) => ({
        type: a.type,
        url: a.sourceUrl,
        attachmentId: a.attachmentId,
      })),
      sentBy: m.sent_by,
      status: m.status,
      error: m.error_code ? { code: m.error_code, message: m.error_message ?? '' } : null,
      createdAt: m.created_at,
    },
  };
}
