import type { Transaction } from 'kysely';
import type { AccountRow } from '../accounts/account.repository.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { Staged } from '../outbound-webhooks/outbound-webhook-outbox.js';
import type { InboundEventConsumer } from '../webhooks/inbound-event-consumer.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import { ContactRepository, type ContactRow } from './contact.repository.js';
import { ConversationRepository, type ConversationRow } from './conversation.repository.js';
import { type ApplyOptions, type ApplyResult, applyInboxOps } from './inbox-apply.js';
import { type ContactHint, type InboxOp, type StoredAttachment, toInboxOp } from './inbox-op.js';
import type { MessageRow } from './message.repository.js';
import { messageEventData } from './message-event.js';

/** a profile is read again at most once a day */
export const profileMaxAgeMs = 24 * 3600_000;

export type AppliedListener = (account: AccountRow, created: MessageRow[]) => Promise<void>;

/**
 * The inbox's side of webhook processing: routed events become contacts, conversations and
 * messages; then the dashboard hears about it (SSE) and follow-up jobs read new customers'
 * profiles and copy attachments before Meta's URLs expire.
 */
export class InboxIngestService implements InboundEventConsumer {
  readonly name = 'inbox';
  private readonly listeners: AppliedListener[] = [];

  constructor(
    private readonly database: DatabaseHandle,
    private readonly bus: EventBus,
    private readonly queue: JobQueue,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async handle(events: EventRow[], account: AccountRow): Promise<void> {
    const ops = events
      .map((e) => toInboxOp(e, account.external_id))
      .filter((op): op is InboxOp => op !== null)
      // Per conversation in the order things happened; the merge rules make the end state the
      // same for any order, and this keeps the intermediate states a viewer sees sensible too.
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    if (ops.length > 0) await this.apply(account, ops);
  }

  /** applies operations (webhooks, history import) and announces the result */
  async apply(account: AccountRow, ops: InboxOp[], opts: ApplyOptions = {}): Promise<ApplyResult> {
    // message.received is written in the commit that stores the message (an outbox): a crash
    // right after it cannot lose the event, and a retried job finds the message no longer new.
    const staged: Staged[] = [];
    const within = async (trx: Transaction<Database>, created: MessageRow[]) => {
      const received = created.filter((m) => m.direction === 'inbound' && m.complete === 1);
      const events = await this.bus.toWebhooksIn(
        trx,
        account.workspace_id,
        ...received.map((m) => ({
          type: 'message.received' as const,
          data: messageEventData(m),
          eventId: `received:${m.id}`,
        })),
      );
      staged.push(events);
    };
    const result = await applyInboxOps(this.database.db, this.database.dialect, account, ops, {
      ...opts,
      ...(opts.history ? {} : { within }),
    });
    for (const s of staged) await s.committed();
    this.announce(account, result);
    await this.followUp(account, result);
    // Automation answers in this same job, after the commit (it reads the 'pending' hand-over).
    if (!opts.history) for (const listener of this.listeners) await listener(account, result.created);
    return result;
  }

  /** called after each live batch is stored (the automation engine) */
  onApplied(listener: AppliedListener): void {
    this.listeners.push(listener);
  }

  /**
   * The conversation with a customer who has not written yet (a commenter we answer privately),
   * created like the inbox would when their first message arrives.
   */
  async conversationWith(account: AccountRow, igsid: string, hint: ContactHint): Promise<ConversationRow> {
    const { created, conversation } = await this.database.db.transaction().execute(async (trx) => {
      const { byExternal, created } = await new ContactRepository(trx).ensure(
        account,
        new Map([[igsid, hint]]),
      );
      const contact = byExternal.get(igsid) as ContactRow;
      const byContact = await new ConversationRepository(trx, this.database.dialect).ensure([contact]);
      return { created, conversation: byContact.get(contact.id) as ConversationRow };
    });
    await this.followUp(account, {
      created: [],
      updated: [],
      conversations: [],
      newContacts: created,
      activeContacts: [],
    });
    return conversation;
  }

  private announce(account: AccountRow, r: ApplyResult): void {
    const ws = account.workspace_id;
    for (const m of r.created)
      this.bus.publish(ws, 'message.created', {
        accountId: account.id,
        conversationId: m.conversation_id,
        messageId: m.id,
      });
    for (const m of r.updated)
      this.bus.publish(ws, 'message.updated', {
        accountId: account.id,
        conversationId: m.conversation_id,
        messageId: m.id,
      });
    for (const c of r.conversations)
      this.bus.publish(ws, 'conversation.updated', { accountId: account.id, conversationId: c.id });
  }

  private async followUp(account: AccountRow, r: ApplyResult): Promise<void> {
    if (account.provider === 'instagram') {
      const stale = new Date(this.clock() - profileMaxAgeMs).toISOString();
      const due = new Map([...r.newContacts, ...r.activeContacts].map((c) => [c.id, c]));
      for (const c of due.values()) {
        if (c.profile_fetched_at && c.profile_fetched_at > stale) continue;
        await this.queue.enqueue('fetch-profile', { contactId: c.id }, { uniqueKey: `profile:${c.id}` });
      }
    }
    for (const m of r.created) {
      const attachments = JSON.parse(m.attachments) as StoredAttachment[];
      if (attachments.some((a) => a.sourceUrl && !a.attachmentId)) {
        await this.queue.enqueue(
          'copy-attachments',
          { messageId: m.id },
          { uniqueKey: `attachments:${m.id}` },
        );
      }
    }
    if (r.created.length > 0)
      this.log.debug({ accountId: account.id, messages: r.created.length }, 'inbox updated');
  }
}
