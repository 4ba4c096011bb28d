import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { Db } from '../db/database.js';
import { nowIso } from '../db/ids.js';
import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobContext } from '../jobs/job-queue.js';
import type { ChatraceClient } from '../providers/chatrace/chatrace-client.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { ConversationRow } from './conversation.repository.js';
import type { ReplyTo, StoredAttachment } from './inbox-op.js';
import type { MessageRepository, MessageRow } from './message.repository.js';
import { messageEventData } from './message-event.js';
import { type SendFailure, sendFailure } from './send-failure.js';

/** how the send job finds the public URL of an uploaded file (Meta and Chatrace fetch it) */
export type PublicUrlOf = (attachmentId: string) => string | null;

/**
 * The send-message job: one queued message to Meta's Send API (or Chatrace's). Never sends twice:
 * a message with a mid is done; a run that died mid-call (crash, timeout) leaves `sending` with
 * send_attempted_at, and the next run first asks Meta whether the message went out.
 */
export class MessageDeliveryService {
  constructor(
    private readonly db: Db,
    private readonly messages: MessageRepository,
    private readonly accounts: AccountRepository,
    private readonly accountService: AccountService,
    private readonly graph: GraphClient,
    private readonly chatrace: ChatraceClient,
    private readonly secrets: Secrets,
    private readonly publicUrlOf: PublicUrlOf,
    private readonly bus: EventBus,
    private readonly clock: () => number,
  ) {}

  async deliver(messageId: string, ctx: Pick<JobContext, 'attempt' | 'log'>, lastAttempt: boolean) {
    const m = await this.messages.findById(messageId);
    if (m?.direction !== 'outbound' || m.external_id || m.status === 'sent' || m.status === 'failed') return;
    const account = await this.accounts.findById(m.account_id);
    const contact = await this.db
      .selectFrom('conversations as c')
      .innerJoin('contacts as p', 'p.id', 'c.contact_id')
      .select(['p.external_id'])
      .where('c.id', '=', m.conversation_id)
      .executeTakeFirst();
    if (!account?.access_token_enc || !contact) {
      return this.fail(m, {
        code: 'conversation_account_inactive',
        message: 'The account is no longer connected',
      });
    }
    if (m.status === 'sending' && m.send_attempted_at && account.provider === 'instagram') {
      const found = await this.findSent(account, contact.external_id, m);
      if (found) return this.sent(m, found);
    }
    await this.messages.update(m.id, { status: 'sending', send_attempted_at: nowIso(this.clock) });
    try {
      const mid = await this.send(account, contact.external_id, m);
      await this.sent(m, mid);
    } catch (err) {
      const failure = sendFailure(err);
      if (failure.tokenRejected) await this.accountService.tokenRejected(account, failure.message);
      if (failure.retry && !lastAttempt) {
        // A refusal means nothing was sent; only a lost answer leaves the outcome unknown.
        if (!failure.outcomeUnknown)
          await this.messages.update(m.id, { status: 'queued', send_attempted_at: null });
        ctx.log.warn(
          { messageId: m.id, attempt: ctx.attempt, code: failure.code },
          'send failed; will retry',
        );
        throw err;
      }
      await this.fail(m, failure);
    }
  }

  private async send(account: AccountRow, recipient: string, m: MessageRow): Promise<string | null> {
    const token = this.secrets.decrypt(account.access_token_enc as string);
    const attachment = (JSON.parse(m.attachments) as StoredAttachment[])[0];
    const url = attachment ? (attachment.sourceUrl ?? this.publicUrlOf(attachment.attachmentId ?? '')) : null;
    if (attachment && !url) {
      throw errors.conflict(
        'public_url_required',
        'Instagram fetches attachments by URL: set PUBLIC_URL so it can reach uploaded files',
      );
    }
    if (account.provider === 'chatrace') {
      const type = (attachment?.type ?? 'file') as 'image' | 'video' | 'audio' | 'file';
      const res =
        attachment && url
          ? await this.chatrace.sendFile(token, recipient, url, type)
          : await this.chatrace.sendText(token, recipient, m.text ?? '');
      return res.messageId;
    }
    const auth: GraphAuth = { accessToken: token, igUserId: account.external_id };
    const message =
      attachment && url
        ? { attachment: { type: attachment.type as 'image' | 'video' | 'audio' | 'file', url } }
        : { text: m.text ?? '', quickReplies: m.quick_replies ? JSON.parse(m.quick_replies) : undefined };
    const reply = m.reply_to ? (JSON.parse(m.reply_to) as ReplyTo) : null;
    const res = await this.graph.sendMessage(auth, {
      recipient: reply && 'comment' in reply ? { commentId: reply.comment.id } : { id: recipient },
      message,
      ...(m.tag === 'HUMAN_AGENT' ? { tag: 'HUMAN_AGENT' as const } : {}),
    });
    return res.messageId;
  }

  /**
   * After a run with an unknown outcome: the thread's newest messages on Meta's side, looking for
   * ours (same text, from the business, not before the attempt began).
   */
  private async findSent(account: AccountRow, igsid: string, m: MessageRow): Promise<string | null> {
    const auth = {
      accessToken: this.secrets.decrypt(account.access_token_enc as string),
      igUserId: account.external_id,
    };
    const page = await this.graph.listConversations(auth, { userId: igsid, withMessages: true });
    const since = Date.parse(m.send_attempted_at as string) - 5_000;
    const known = new Set(
      (
        await this.messages.findByMids(
          account.id,
          page.items.flatMap((c) => c.messages.map((x) => x.id)),
        )
      ).map((x) => x.external_id),
    );
    for (const c of page.items) {
      for (const x of c.messages) {
        const fromUs = x.from?.id === account.external_id;
        const at = x.createdTime ? Date.parse(x.createdTime) : 0;
        if (fromUs && at >= since && !known.has(x.id) && (x.text ?? null) === (m.text ?? null)) return x.id;
      }
    }
    return null;
  }

  /** records the mid; an echo that arrived first and was stored on its own is folded into ours */
  private async sent(m: MessageRow, mid: string | null): Promise<void> {
    const sent = { ...m, external_id: mid, status: 'sent' as const, error_code: null, error_message: null };
    // message.sent is written in the same commit (an outbox): a crash after it cannot lose it.
    const staged = await this.db.transaction().execute(async (trx) => {
      if (mid) {
        const echo = await trx
          .selectFrom('messages')
          .select(['id'])
          .where('account_id', '=', m.account_id)
          .where('external_id', '=', mid)
          .where('id', '!=', m.id)
          .executeTakeFirst();
        if (echo) {
          await trx.deleteFrom('messages').where('id', '=', echo.id).execute();
          await trx
            .updateTable('conversations')
            .set({ last_message_id: m.id })
            .where('last_message_id', '=', echo.id)
            .execute();
        }
      }
      await trx
        .updateTable('messages')
        .set({
          external_id: mid,
          status: 'sent',
          error_code: null,
          error_message: null,
          updated_at: nowIso(),
        })
        .where('id', '=', m.id)
        .execute();
      return this.bus.toWebhooksIn(trx, m.workspace_id, {
        type: 'message.sent',
        data: messageEventData(sent),
        eventId: `sent:${m.id}`,
      });
    });
    await staged.committed();
    this.announce(m);
  }

  private async fail(m: MessageRow, f: Pick<SendFailure, 'code' | 'message'>): Promise<void> {
    const failed = { ...m, status: 'failed' as const, error_code: f.code, error_message: f.message };
    // keyed by the send attempt: a message sent again after failing can fail again
    const attempt = m.send_attempted_at ?? m.updated_at;
    const staged = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('messages')
        .set({ status: 'failed', error_code: f.code, error_message: f.message, updated_at: nowIso() })
        .where('id', '=', m.id)
        .execute();
      return this.bus.toWebhooksIn(trx, m.workspace_id, {
        type: 'message.failed',
        data: messageEventData(failed),
        eventId: `failed:${m.id}:${attempt}`,
      });
    });
    await staged.committed();
    this.announce(m);
  }

  private announce(m: MessageRow): void {
    this.bus.publish(m.workspace_id, 'message.updated', {
      accountId: m.account_id,
      conversationId: m.conversation_id,
      messageId: m.id,
    });
  }

  /** a reaction from the business on a message: sent at once (no queue: nothing to retry for the user) */
  async react(
    conversation: ConversationRow,
    messageId: string,
    reaction: 'love' | null,
  ): Promise<MessageRow> {
    const target = await this.messages.findById(messageId);
    if (!target || target.conversation_id !== conversation.id || !target.external_id)
      throw errors.notFound('Message');
    const account = await this.accounts.findById(conversation.account_id);
    if (account?.provider !== 'instagram' || !account.access_token_enc)
      throw errors.conflict('reactions_unsupported', 'Reactions can be sent only on Instagram connections');
    const contact = await this.db
      .selectFrom('contacts')
      .select('external_id')
      .where('id', '=', conversation.contact_id)
      .executeTakeFirstOrThrow();
    const auth = {
      accessToken: this.secrets.decrypt(account.access_token_enc),
      igUserId: account.external_id,
    };
    try {
      await this.graph.sendReaction(auth, {
        recipientId: contact.external_id,
        messageId: target.external_id,
        ...(reaction ? { reaction } : { remove: true }),
      });
    } catch (err) {
      const f = sendFailure(err);
      if (f.tokenRejected) await this.accountService.tokenRejected(account, f.message);
      throw errors.conflict(f.code, f.message);
    }
    await this.messages.upsertReaction({
      id: `${account.id}:${target.external_id}:business`,
      account_id: account.id,
      message_external_id: target.external_id,
      actor: 'business',
      reaction,
      emoji: reaction ? '❤️' : null,
      reacted_at: nowIso(this.clock),
    });
    await this.messages.update(target.id, {});
    this.announce(target);
    return target;
  }
}
