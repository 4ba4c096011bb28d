import type { Kysely, Transaction } from 'kysely';
import type { Db, DialectName } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { ConversationTable, Database } from '../db/schema.js';
import type { ContactRow } from './contact.repository.js';
import { matchingContactIds } from './contact-search.js';
import { inboxRank } from './inbox-rank.js';

export type ConversationRow = ConversationTable;

/** a conversation with what its list row shows of the contact and the account */
export type ConversationListRow = ConversationRow & {
  provider: 'instagram' | 'chatrace';
  contact_external_id: string;
  contact_username: string | null;
  contact_name: string | null;
  contact_pic: string | null;
  contact_pic_attachment_id: string | null;
  contact_opted_out_at: string | null;
};

export interface ConversationFilter {
  accountId?: string;
  status?: 'open' | 'closed';
  unread?: boolean;
  assigneeId?: string;
  q?: string;
  /** only conversations where automation is paused (until after `now`) or the contact opted out */
  silencedAt?: string;
  cursor?: string;
  limit: number;
}

export class ConversationRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
  ) {}

  /**
   * The conversations of these contacts, created when new. In a transaction on PostgreSQL the
   * rows are locked, so two workers applying events to one conversation take turns (SQLite
   * transactions are serial anyway).
   */
  async ensure(contacts: ContactRow[]): Promise<Map<string, ConversationRow>> {
    if (contacts.length === 0) return new Map();
    const now = nowIso();
    // inserted in one order everywhere: concurrent batches wait on each other's new rows, never in a cycle
    const rows = [...contacts]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((c) => {
        const id = newId();
        return {
          id,
          workspace_id: c.workspace_id,
          account_id: c.account_id,
          contact_id: c.id,
          external_id: null,
          status: 'open' as const,
          assignee_id: null,
          unread_count: 0,
          last_message_id: null,
          last_message_at: null,
          last_message_preview: null,
          last_message_direction: null,
          last_customer_at: null,
          operator_read_at: null,
          customer_read_at: null,
          customer_read_mid: null,
          customer_read_mid_at: null,
          attribution: null,
          inbox_rank: inboxRank(0, null, now, id),
          created_at: now,
          updated_at: now,
        };
      });
    await this.db
      .insertInto('conversations')
      .values(rows)
      .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doNothing())
      .execute();
    let q = this.db
      .selectFrom('conversations')
      .selectAll()
      .where(
        'contact_id',
        'in',
        contacts.map((c) => c.id),
      );
    // The row lock serializes inbox batches of one conversation across workers and instances (the
    // summary is recomputed from the messages under it); taken in id order, so two batches that
    // share several conversations cannot deadlock.
    if (this.dialect === 'postgres') q = q.orderBy('id').forUpdate();
    return new Map((await q.execute()).map((c) => [c.contact_id, c]));
  }

  findById(id: string): Promise<ConversationRow | undefined> {
    return this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `db`: the caller's transaction, e.g. to write an outbound event in the same commit */
  async update(id: string, patch: Partial<ConversationRow>, db: Kysely<Database> = this.db): Promise<void> {
    await db.updateTable('conversations').set(patch).where('id', '=', id).execute();
  }

  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  private listBase() {
    return this.db
      .selectFrom('conversations as c')
      .innerJoin('contacts as p', 'p.id', 'c.contact_id')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .selectAll('c')
      .select([
        'a.provider',
        'p.external_id as contact_external_id',
        'p.username as contact_username',
        'p.name as contact_name',
        'p.profile_pic_url as contact_pic',
        'p.profile_pic_attachment_id as contact_pic_attachment_id',
        'p.automation_opted_out_at as contact_opted_out_at',
      ]);
  }

  findVisible(workspaceId: string, id: string): Promise<ConversationListRow | undefined> {
    return this.listBase()
      .where('c.workspace_id', '=', workspaceId)
      .where('c.id', '=', id)
      .executeTakeFirst();
  }

  findByContact(contactId: string): Promise<ConversationRow | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
  }

  /** unread first, then newest; keyset on inbox_rank (see inbox-rank.ts) */
  list(workspaceId: string, f: ConversationFilter): Promise<ConversationListRow[]> {
    let q = this.listBase().where('c.workspace_id', '=', workspaceId);
    if (f.accountId) q = q.where('c.account_id', '=', f.accountId);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.unread !== undefined) q = q.where('c.unread_count', f.unread ? '>' : '=', 0);
    if (f.assigneeId) q = q.where('c.assignee_id', '=', f.assigneeId);
    if (f.q) q = q.where('c.contact_id', 'in', matchingContactIds(this.db, workspaceId, f.q));
    const at = f.silencedAt;
    if (at)
      q = q.where((eb) =>
        eb.or([eb('c.automation_paused_until', '>', at), eb('p.automation_opted_out_at', 'is not', null)]),
      );
    if (f.cursor) q = q.where('c.inbox_rank', '<', f.cursor);
    return q
      .orderBy('c.inbox_rank', 'desc')
      .limit(f.limit + 1)
      .execute();
  }

  /** conversations of an account by Graph conversation id (history import) */
  async setExternalId(id: string, externalId: string): Promise<void> {
    await this.db
      .updateTable('conversations')
      .set({ external_id: externalId })
      .where('id', '=', id)
      .execute();
  }
}
