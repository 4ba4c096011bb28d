import type { Db, DialectName } from '../db/database.js';
import { nowIso } from '../db/ids.js';
import type { MessageReactionTable, MessageTable } from '../db/schema.js';

export type MessageRow = MessageTable;
export type ReactionRow = MessageReactionTable;

/**
 * Takes the conversation's row lock for the rest of the transaction (on PostgreSQL; SQLite
 * transactions are serial anyway, the update costs nothing more inside one). An update rather
 * than SELECT … FOR UPDATE, so the same statement serves both databases.
 */
export async function lockConversation(trx: Db, conversationId: string): Promise<void> {
  await trx
    .updateTable('conversations')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', conversationId)
    .execute();
}

/** an earlier message of the conversation still to be sent: a new one waits behind it */
export async function waitsBehindUnsent(trx: Db, conversationId: string, id: string): Promise<boolean> {
  const r = await trx
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('status', 'in', ['queued', 'sending'])
    .where('direction', '=', 'outbound')
    .where('id', '<', id)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** the thread's keyset: newest first by (created_at, id) */
export function threadCursor(m: Pick<MessageRow, 'created_at' | 'id'>): string {
  return `${m.created_at}|${m.id}`;
}

export class MessageRepository {
  constructor(
    private readonly db: Db,
    /** PostgreSQL needs row locks where SQLite's single writer already serializes */
    private readonly dialect: DialectName = 'sqlite',
  ) {}

  findById(id: string): Promise<MessageRow | undefined> {
    return this.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findVisible(workspaceId: string, id: string): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByMids(accountId: string, mids: string[]): Promise<MessageRow[]> {
    if (mids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('external_id', 'in', mids)
      .execute();
  }

  async insert(rows: MessageRow[]): Promise<void> {
    // 25 columns a row: stay well under SQLite's 32,766 bound parameters per statement.
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto('messages')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  }

  async update(id: string, patch: Partial<MessageRow>): Promise<void> {
    await this.db
      .updateTable('messages')
      .set({ ...patch, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('messages').where('id', '=', id).execute();
  }

  listThread(conversationId: string, cursor: string | undefined, limit: number): Promise<MessageRow[]> {
    let q = this.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
    if (cursor) {
      const [at = '', id = ''] = cursor.split('|');
      // A row-value comparison is one backward range scan of messages_thread_idx on both databases;
      // the equivalent OR is a filter that reads every newer row first.
      q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id)));
    }
    return q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  newest(conversationId: string): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** the customer's newest message time (the messaging window starts there) */
  async lastInboundAt(conversationId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('messages')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'inbound')
      .where('complete', '=', 1)
      .executeTakeFirst();
    return r?.at ?? null;
  }

  async countInboundSince(conversationId: string, since: string | null): Promise<number> {
    let q = this.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'inbound')
      .where('is_deleted', '=', 0);
    if (since) q = q.where('created_at', '>', since);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /**
   * Our own queued or in-flight message an echo may be the copy of (the echo can arrive before
   * the Send API's response does): the oldest unsent outbound message with the same text, or the
   * same kind of attachment.
   */
  findUnsentMatch(conversationId: string, text: string | null, attachmentType: string | null) {
    let q = this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'outbound')
      .where('external_id', 'is', null)
      .where('status', 'in', ['queued', 'sending']);
    if (text !== null) q = q.where('text', '=', text);
    else if (attachmentType) q = q.where('attachments', 'like', `%"type":"${attachmentType}"%`);
    else return Promise.resolve(undefined);
    return q.orderBy('created_at').limit(1).executeTakeFirst();
  }

  /**
   * Messages to send whose last change is older than then (a partial index keeps this small),
   * leaving out those that wait for an earlier one of their conversation (sent in order).
   */
  async unsentBefore(before: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('messages as m')
      .select('m.id')
      .where('m.status', 'in', ['queued', 'sending'])
      .where('m.updated_at', '<', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('messages as e')
              .select('e.id')
              .whereRef('e.conversation_id', '=', 'm.conversation_id')
              .where('e.status', 'in', ['queued', 'sending'])
              .whereRef('e.id', '<', 'm.id'),
          ),
        ),
      )
      .orderBy('m.updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** the conversation's next message waiting to be sent after this one (ids are time-ordered) */
  /**
   * The conversation's next queued message after m. Read under the conversation's row lock, the
   * one `queueMessages` holds while it decides whether a new message waits behind an unsent one:
   * a message queued meanwhile is either found here or finds m already done, never neither.
   */
  async nextQueued(m: Pick<MessageRow, 'id' | 'conversation_id'>): Promise<string | undefined> {
    const next = async (db: Db) => {
      const r = await db
        .selectFrom('messages')
        .select('id')
        .where('conversation_id', '=', m.conversation_id)
        .where('status', '=', 'queued')
        .where('id', '>', m.id)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return r?.id;
    };
    // SQLite runs one statement or transaction at a time on its one connection: this read cannot
    // fall inside queueMessages' transaction, and a write transaction here would cost a commit.
    if (this.dialect === 'sqlite') return next(this.db);
    return this.db.transaction().execute(async (trx) => {
      await lockConversation(trx, m.conversation_id);
      return next(trx);
    });
  }

  reactionsFor(accountId: string, mids: string[]): Promise<ReactionRow[]> {
    if (mids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('message_reactions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('message_external_id', 'in', mids)
      .execute();
  }

  /** the newer of the stored and the incoming reaction wins, whatever order they arrive in */
  async upsertReaction(r: ReactionRow): Promise<void> {
    await this.db
      .insertInto('message_reactions')
      .values(r)
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'message_external_id', 'actor'])
          .doUpdateSet((eb) => ({
            reaction: eb.ref('excluded.reaction'),
            emoji: eb.ref('excluded.emoji'),
            reacted_at: eb.ref('excluded.reacted_at'),
          }))
          .where((eb) => eb('excluded.reacted_at', '>=', eb.ref('message_reactions.reacted_at'))),
      )
      .execute();
  }
}
