import type { Transaction } from 'kysely';
import type { AccountRow } from '../accounts/account.repository.js';
import type { Db, DialectName } from '../db/database.js';
import { nowIso } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { ContactRepository, type ContactRow } from './contact.repository.js';
import { ConversationRepository, type ConversationRow } from './conversation.repository.js';
import { type ContactHint, type InboxOp, isCustomerActivity } from './inbox-op.js';
import { inboxRank } from './inbox-rank.js';
import { MessageRepository, type MessageRow } from './message.repository.js';
import {
  completeWith,
  deleted,
  editWith,
  newMessageRow,
  placeholderRow,
  previewOf,
} from './message-merge.js';

export interface ApplyOptions {
  /** history import: what it creates counts as already read */
  history?: boolean;
  /** runs inside the transaction, after the rows are written (the outbound-webhook outbox) */
  within?: (trx: Transaction<Database>, created: MessageRow[]) => Promise<void>;
  /** Graph conversation ids by customer, when known */
  conversationIds?: Map<string, string>;
}

export interface ApplyResult {
  created: MessageRow[];
  updated: MessageRow[];
  conversations: ConversationRow[];
  newContacts: ContactRow[];
  /** contacts with inbound activity in this batch */
  activeContacts: ContactRow[];
}

interface Thread {
  conversation: ConversationRow;
  contact: ContactRow;
  /** the last message the customer has read, by its receipt */
  readMid: string | null;
  readMidAt: string | null;
  customerReadAt: string | null;
  attribution: string | null;
  isNew: boolean;
  /** a message from the customer that was not stored before: reopens a closed conversation */
  newInbound: boolean;
}

/** the latest referral wins, by when it happened rather than when it was delivered */
function attribute(t: Thread, referral: Record<string, unknown>, at: string): void {
  const current = t.attribution ? (JSON.parse(t.attribution) as { at?: string }) : null;
  if (!current?.at || at >= current.at) t.attribution = JSON.stringify({ ...referral, at });
}

const maxOf = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * A customer's new message is handed to the automation engine in the same commit that stores it
 * (automation_state 'pending'), so a crash between the two cannot lose the reply. History is old
 * news and never answered.
 */
function awaitsAutomation(m: MessageRow, opts: ApplyOptions): boolean {
  return !opts.history && m.direction === 'inbound' && m.complete === 1 && m.is_deleted === 0;
}

/**
 * Applies inbox operations for one account in one transaction: contacts and conversations are
 * created as needed, messages deduplicated by mid, and each touched conversation's summary
 * (last message, unread count, window) recomputed from its messages, so the result is the same
 * whatever order, or how many times, the operations arrive.
 */
export async function applyInboxOps(
  db: Db,
  dialect: DialectName,
  account: AccountRow,
  ops: InboxOp[],
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  return db.transaction().execute(async (trx) => {
    const contactsRepo = new ContactRepository(trx);
    const conversationsRepo = new ConversationRepository(trx, dialect);
    const messages = new MessageRepository(trx);
    const now = nowIso();

    const hints = new Map<string, ContactHint | undefined>();
    for (const op of ops)
      if (!hints.get(op.customerId)) hints.set(op.customerId, op.type === 'message' ? op.hint : undefined);
    const { byExternal, created: newContacts } = await contactsRepo.ensure(account, hints);
    const byContact = await conversationsRepo.ensure([...byExternal.values()]);
    const threads = new Map<string, Thread>();
    for (const [externalId, contact] of byExternal) {
      const conversation = byContact.get(contact.id);
      if (!conversation) continue;
      threads.set(externalId, {
        conversation,
        contact,
        readMid: conversation.customer_read_mid,
        readMidAt: conversation.customer_read_mid_at,
        customerReadAt: conversation.customer_read_at,
        attribution: conversation.attribution,
        isNew: conversation.last_message_at === null,
        newInbound: false,
      });
    }

    const mids = ops.flatMap((op) =>
      'mid' in op && op.mid ? [op.mid] : op.type === 'message' ? [op.message.mid] : [],
    );
    const rows = new Map(
      (await messages.findByMids(account.id, mids)).map((m) => [m.external_id as string, m]),
    );
    const inserts = new Map<string, MessageRow>();
    const patches = new Map<string, Partial<MessageRow>>();
    const patch = (row: MessageRow, p: Partial<MessageRow>) => {
      if (Object.keys(p).length === 0) return;
      Object.assign(row, p);
      if (!inserts.has(row.id)) patches.set(row.id, { ...patches.get(row.id), ...p });
    };
    const add = (row: MessageRow) => {
      rows.set(row.external_id as string, row);
      inserts.set(row.id, row);
    };
    const touched = new Set<Thread>();
    const active = new Set<ContactRow>();

    for (const op of ops) {
      const t = threads.get(op.customerId);
      if (!t) continue;
      touched.add(t);
      if (isCustomerActivity(op)) active.add(t.contact);
      switch (op.type) {
        case 'message': {
          const m = op.message;
          if (m.referral) attribute(t, m.referral, op.at);
          const existing = rows.get(m.mid);
          if (existing) {
            const wasPlaceholder = existing.complete === 0;
            patch(existing, completeWith(existing, m, op.at));
            if (wasPlaceholder && awaitsAutomation(existing, opts))
              patch(existing, { automation_state: 'pending' });
            break;
          }
          if (m.direction === 'outbound') {
            // Our own send whose API response has not been recorded yet: the echo completes it.
            const ours = await messages.findUnsentMatch(
              t.conversation.id,
              m.text,
              m.attachments[0]?.type ?? null,
            );
            if (ours) {
              patch(ours, { external_id: m.mid, status: 'sent', error_code: null, error_message: null });
              rows.set(m.mid, ours);
              break;
            }
          }
          const row = newMessageRow(t.conversation, m, op.at, now);
          if (awaitsAutomation(row, opts)) row.automation_state = 'pending';
          add(row);
          if (m.direction === 'inbound') t.newInbound = true;
          break;
        }
        case 'edit': {
          const row = rows.get(op.mid) ?? placeholderRow(t.conversation, op.mid, 'inbound', op.at, now);
          if (!rows.has(op.mid)) add(row);
          patch(row, editWith(row, op.text, op.editCount));
          break;
        }
        case 'delete': {
          const row = rows.get(op.mid) ?? placeholderRow(t.conversation, op.mid, op.direction, op.at, now);
          if (!rows.has(op.mid)) add(row);
          // An unsent message is not answered, whichever of the two arrived first.
          patch(row, { ...deleted(), automation_state: null });
          break;
        }
        case 'reaction': {
          await messages.upsertReaction({
            id: `${account.id}:${op.mid}:${op.actor}`,
            account_id: account.id,
            message_external_id: op.mid,
            actor: op.actor,
            reaction: op.reaction,
            emoji: op.emoji,
            reacted_at: op.at,
          });
          const row = rows.get(op.mid);
          if (row && !inserts.has(row.id)) patches.set(row.id, { ...patches.get(row.id), updated_at: now });
          break;
        }
        case 'seen': {
          // The receipt names the last message read; everything we sent up to it has been seen.
          // Its mid may be unknown yet; summarize() resolves it once the message is here.
          t.customerReadAt = maxOf(t.customerReadAt, op.at);
          if (op.mid && (!t.readMidAt || op.at >= t.readMidAt)) {
            t.readMid = op.mid;
            t.readMidAt = op.at;
          }
          break;
        }
        case 'referral':
          attribute(t, op.referral, op.at);
          break;
      }
    }

    await messages.insert([...inserts.values()]);
    for (const [id, p] of patches) await messages.update(id, p);
    const conversations: ConversationRow[] = [];
    for (const t of touched) {
      const external = opts.conversationIds?.get(t.contact.external_id);
      conversations.push(
        await summarize(conversationsRepo, messages, t, opts.history === true, external, now),
      );
    }
    await opts.within?.(trx, [...inserts.values()]);
    const updatedIds = new Set(patches.keys());
    return {
      created: [...inserts.values()],
      updated: [...rows.values()].filter((r) => updatedIds.has(r.id)),
      conversations,
      newContacts,
      activeContacts: [...active],
    };
  });
}

/** the conversation's list row and window, recomputed from its messages */
async function summarize(
  repo: ConversationRepository,
  messages: MessageRepository,
  t: Thread,
  history: boolean,
  externalId: string | undefined,
  now: string,
): Promise<ConversationRow> {
  const c = t.conversation;
  const newest = await messages.newest(c.id);
  // Derived from what is stored, never accumulated, so every delivery order gives the same value.
  const referralAt = t.attribution ? ((JSON.parse(t.attribution) as { at?: string }).at ?? null) : null;
  const lastCustomerAt = maxOf(referralAt, await messages.lastInboundAt(c.id));
  const readMessage = t.readMid ? (await messages.findByMids(c.account_id, [t.readMid]))[0] : undefined;
  const customerReadAt = maxOf(t.customerReadAt, readMessage?.created_at ?? null);
  // Imported history is old news; but never hide what arrived after the operator last looked.
  const operatorReadAt = history && t.isNew ? (newest?.created_at ?? null) : c.operator_read_at;
  const unread = await messages.countInboundSince(c.id, operatorReadAt);
  const reopen = c.status === 'closed' && t.newInbound && !history;
  const patch: Partial<ConversationRow> = {
    last_message_id: newest?.id ?? null,
    last_message_at: newest?.created_at ?? null,
    last_message_preview: newest ? previewOf(newest) : null,
    last_message_direction: newest?.direction ?? null,
    last_customer_at: lastCustomerAt,
    customer_read_at: customerReadAt,
    customer_read_mid: t.readMid,
    customer_read_mid_at: t.readMidAt,
    operator_read_at: operatorReadAt,
    attribution: t.attribution,
    unread_count: unread,
    inbox_rank: inboxRank(unread, newest?.created_at ?? null, c.created_at, c.id),
    status: reopen ? 'open' : c.status,
    external_id: externalId ?? c.external_id,
    updated_at: now,
  };
  await repo.update(c.id, patch);
  return { ...c, ...patch };
}
