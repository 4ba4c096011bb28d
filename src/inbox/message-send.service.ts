import type { Transaction } from 'kysely';
import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { statusAt } from '../accounts/account-status.js';
import type { AuthContext } from '../auth/session-token.js';
import type { UserRepository } from '../auth/user.repository.js';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { QuickReply } from '../providers/instagram/graph-requests.js';
import type { AttachmentRepository } from './attachment.repository.js';
import type { ConversationRepository, ConversationRow } from './conversation.repository.js';
import type { StoredAttachment } from './inbox-op.js';
import { inboxRank } from './inbox-rank.js';
import { type MessageRepository, type MessageRow, waitsBehindUnsent } from './message.repository.js';
import type { SendBody } from './message.schema.js';
import type { MessageDeliveryService } from './message-delivery.service.js';
import { previewOf } from './message-merge.js';
import { type Author, decideWindow, privateReplyWindow } from './messaging-window.js';

export interface OutgoingInput {
  text?: string;
  attachment?: { type: 'image' | 'video' | 'audio' | 'file'; url?: string; attachmentId?: string };
  author: Author;
  sentBy: 'user' | 'api' | 'automation';
  userId: string | null;
  /** offered with a text (at most 13; Instagram shows them as buttons) */
  quickReplies?: QuickReply[];
  /** a private reply to this comment: its own 7-day window instead of the conversation's */
  privateReplyTo?: { commentId: string; commentedAt: string; text: string | null };
}

export type Within = (trx: Transaction<Database>, row: MessageRow) => Promise<void>;

/** one send job per message, whoever enqueues it (the send path, a retry, the sweeper) */
const sendKey = (messageId: string) => ({ uniqueKey: `send:${messageId}` });

/** automation pauses where a person replies (src/automation/takeover.service.ts) */
export interface HumanTakeover {
  humanReplied(conversation: ConversationRow, at: string): Promise<void>;
}

/**
 * Accepts outgoing messages: checks Meta's messaging window first (so the operator gets the
 * reason at once), stores the message as `queued` and leaves the sending to the send-message
 * job, which retries without ever sending twice (message-delivery.service.ts).
 */
export class MessageSendService {
  constructor(
    private readonly db: Db,
    private readonly messages: MessageRepository,
    private readonly conversations: ConversationRepository,
    private readonly accounts: AccountRepository,
    private readonly users: UserRepository,
    private readonly attachments: AttachmentRepository,
    private readonly delivery: MessageDeliveryService,
    private readonly queue: JobQueue,
    private readonly bus: EventBus,
    private readonly clock: () => number,
    private readonly takeover?: HumanTakeover,
  ) {}

  /** POST /conversations/:id/messages */
  async fromApi(auth: AuthContext, conversationId: string, body: SendBody) {
    const conversation = await this.conversations.findVisible(auth.workspaceId, conversationId);
    if (!conversation) throw errors.notFound('Conversation');
    if ('reaction' in body) {
      const m = await this.delivery.react(conversation, body.reaction.messageId, body.reaction.reaction);
      return { id: m.id, status: m.status === 'failed' ? ('failed' as const) : ('sent' as const) };
    }
    const sentBy = auth.via === 'api_key' ? 'api' : 'user';
    return this.queueMessage(conversation, { ...body, author: 'human', sentBy, userId: auth.userId });
  }

  /**
   * `within` runs inside the transaction that stores the message: the automation engine records
   * its decision there, so the reply and the record of it exist together or not at all.
   */
  async queueMessage(conversation: ConversationRow, input: OutgoingInput, within?: Within) {
    const [queued] = await this.queueMessages(conversation, [input], within);
    return queued as { id: string; status: 'queued' };
  }

  /**
   * Several messages in one commit, in order (an automated text and the file that goes with it:
   * Instagram delivers a file as a message of its own). Each is checked first; `within` gets the
   * first. The send job is written in the same commit when the queue can (embedded), so a stored
   * message always has its job; otherwise the `sweep-outbox` job covers a lost one.
   */
  async queueMessages(conversation: ConversationRow, inputs: OutgoingInput[], within?: Within) {
    const account = await this.activeAccount(conversation.account_id);
    const workspace = await this.users.findWorkspace(conversation.workspace_id);
    const rows: MessageRow[] = [];
    for (const input of inputs) {
      const decision = this.windowFor(conversation, input, workspace?.human_agent_enabled === 1);
      const attachments = await this.outgoingAttachments(conversation.workspace_id, input.attachment);
      rows.push(this.outgoingRow(conversation, account, input, decision.tag, attachments));
    }
    const first = rows[0] as MessageRow;
    const last = rows.at(-1) as MessageRow;
    const wakes = await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('messages').values(rows).execute();
      await trx
        .updateTable('conversations')
        .set({
          last_message_id: last.id,
          last_message_at: last.created_at,
          last_message_preview: previewOf(last),
          last_message_direction: 'outbound',
          inbox_rank: inboxRank(
            conversation.unread_count,
            last.created_at,
            conversation.created_at,
            conversation.id,
          ),
          updated_at: nowIso(),
        })
        .where('id', '=', conversation.id)
        .execute();
      await within?.(trx, first);
      // One message of a conversation is sent at a time, in order, whichever instance queued it:
      // only the first of a conversation's unsent messages gets a job, and each one done starts
      // the next (`sendNext`). The update above holds the conversation's row lock for this check.
      if (await waitsBehindUnsent(trx, conversation.id, first.id)) return 'waits' as const;
      const inTransaction = this.queue.enqueueInTransaction?.bind(this.queue);
      if (!inTransaction) return null;
      return (await inTransaction(trx, 'send-message', { messageId: first.id }, sendKey(first.id))).committed;
    });
    if (inputs.some((i) => i.sentBy === 'user'))
      await this.takeover?.humanReplied(conversation, last.created_at);
    if (typeof wakes === 'function') wakes();
    else if (wakes === null)
      await this.queue.enqueue('send-message', { messageId: first.id }, sendKey(first.id));
    for (const r of rows) {
      const data = { accountId: account.id, conversationId: conversation.id, messageId: r.id };
      this.bus.publish(conversation.workspace_id, 'message.created', data);
    }
    const data = { accountId: account.id, conversationId: conversation.id, messageId: last.id };
    this.bus.publish(conversation.workspace_id, 'conversation.updated', data);
    return rows.map((r) => ({ id: r.id, status: 'queued' as const }));
  }

  /**
   * After a message is done (sent, or failed for good): the conversation's next queued message,
   * if any, gets its job. A message with a job of its own keeps just that one (the unique key).
   */
  async sendNext(messageId: string): Promise<void> {
    const m = await this.messages.findById(messageId);
    if (!m || m.status === 'queued' || m.status === 'sending') return;
    const next = await this.messages.nextQueued(m);
    if (next) await this.queue.enqueue('send-message', { messageId: next }, sendKey(next));
  }

  /**
   * The `sweep-outbox` job's half: messages still queued (or cut off while sending) a minute after
   * their last change get their send job again; one that is only waiting keeps its single job.
   */
  async requeueUnsent(olderThanMs = 60_000, limit = 500): Promise<number> {
    const ids = await this.messages.unsentBefore(new Date(this.clock() - olderThanMs).toISOString(), limit);
    for (const id of ids) await this.queue.enqueue('send-message', { messageId: id }, sendKey(id));
    return ids.length;
  }

  /** Meta's messaging window: a refusal now tells the operator at once, with the reason */
  private windowFor(conversation: ConversationRow, input: OutgoingInput, humanAgentEnabled: boolean) {
    const decision = input.privateReplyTo
      ? privateReplyWindow(this.clock(), input.privateReplyTo.commentedAt)
      : decideWindow({
          now: this.clock(),
          lastCustomerAt: conversation.last_customer_at,
          author: input.author,
          humanAgentEnabled,
        });
    if (!decision.send && input.privateReplyTo) {
      throw errors.conflict(
        'private_reply_window_closed',
        `Instagram allows a private reply only within 7 days of the comment; this one closed at ${decision.closedAt}`,
        { closedAt: decision.closedAt },
      );
    }
    if (!decision.send) {
      throw errors.conflict(
        'outside_messaging_window',
        decision.closedAt
          ? `Instagram allows replies only within 24 hours of the customer's last message; this window closed at ${decision.closedAt}`
          : 'The customer has not written yet: Instagram allows messages only after the customer writes first',
        { closedAt: decision.closedAt, humanAgentAvailable: decision.humanAgentAvailable },
      );
    }
    return decision;
  }

  private outgoingRow(
    conversation: ConversationRow,
    account: AccountRow,
    input: OutgoingInput,
    tag: MessageRow['tag'],
    attachments: StoredAttachment[],
  ): MessageRow {
    const now = new Date(this.clock()).toISOString();
    return {
      id: newId(),
      workspace_id: conversation.workspace_id,
      account_id: account.id,
      conversation_id: conversation.id,
      external_id: null,
      direction: 'outbound',
      kind: attachments.length ? 'attachment' : 'text',
      text: input.text ?? null,
      attachments: JSON.stringify(attachments),
      reply_to: input.privateReplyTo
        ? JSON.stringify({ comment: { id: input.privateReplyTo.commentId, text: input.privateReplyTo.text } })
        : null,
      quick_reply_payload: null,
      postback_payload: null,
      referral: null,
      status: 'queued',
      error_code: null,
      error_message: null,
      sent_by: input.sentBy,
      sent_by_user_id: input.userId,
      tag,
      quick_replies: input.quickReplies?.length ? JSON.stringify(input.quickReplies) : null,
      automation_state: null,
      edit_count: 0,
      is_deleted: 0,
      complete: 1,
      send_attempted_at: null,
      created_at: now,
      updated_at: now,
    };
  }

  /** POST /messages/:id/retry: a failed message goes back to the queue */
  async retry(auth: AuthContext, messageId: string) {
    const m = await this.messages.findVisible(auth.workspaceId, messageId);
    if (!m) throw errors.notFound('Message');
    if (m.status !== 'failed')
      throw errors.conflict('message_not_failed', 'Only a message that failed can be sent again');
    const conversation = await this.conversations.findById(m.conversation_id);
    if (!conversation) throw errors.notFound('Conversation');
    await this.activeAccount(m.account_id);
    await this.messages.update(m.id, { status: 'queued', error_code: null, error_message: null });
    await this.queue.enqueue('send-message', { messageId: m.id }, sendKey(m.id));
    this.bus.publish(m.workspace_id, 'message.updated', {
      accountId: m.account_id,
      conversationId: m.conversation_id,
      messageId: m.id,
    });
    return { id: m.id, status: 'queued' as const };
  }

  private async activeAccount(accountId: string): Promise<AccountRow> {
    const account = await this.accounts.findById(accountId);
    const status = account ? statusAt(account, this.clock()) : 'disconnected';
    if (!account || status === 'disconnected' || status === 'token_expired') {
      throw errors.conflict(
        'conversation_account_inactive',
        status === 'token_expired'
          ? 'The Instagram connection of this conversation has an expired token; reconnect the account to reply'
          : 'The account of this conversation is disconnected; reconnect it to reply',
        { accountId, status },
      );
    }
    return account;
  }

  private async outgoingAttachments(
    workspaceId: string,
    a: OutgoingInput['attachment'],
  ): Promise<StoredAttachment[]> {
    if (!a) return [];
    if (a.url) return [{ type: a.type, sourceUrl: a.url, attachmentId: null, mimeType: null }];
    const stored = a.attachmentId ? await this.attachments.findById(a.attachmentId) : undefined;
    if (!stored || stored.workspace_id !== workspaceId) throw errors.notFound('Attachment');
    return [{ type: a.type, sourceUrl: null, attachmentId: stored.id, mimeType: stored.mime_type }];
  }
}
