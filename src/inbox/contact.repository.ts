import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { AccountTable, ContactTable } from '../db/schema.js';
import { containsPattern, matchingContactIds, searchText } from './contact-search.js';
import type { ContactHint } from './inbox-op.js';

export type ContactRow = ContactTable;
type AccountRef = Pick<AccountTable, 'id' | 'workspace_id' | 'provider'>;

export interface ContactFilter {
  q?: string;
  accountId?: string;
  tag?: string;
  cursor?: string;
  limit: number;
}

export class ContactRepository {
  constructor(private readonly db: Db) {}

  /**
   * The contacts of these customers of one account, created when new. A new contact joins the
   * person of a contact from another source (Instagram ↔ Chatrace) with the same IGSID or username.
   */
  async ensure(
    account: AccountRef,
    hints: Map<string, ContactHint | undefined>,
  ): Promise<{ byExternal: Map<string, ContactRow>; created: ContactRow[] }> {
    const ids = [...hints.keys()];
    const byExternal = new Map((await this.findByExternal(account.id, ids)).map((c) => [c.external_id, c]));
    // sorted: concurrent batches insert new contacts in one order, so they never deadlock
    const missing = ids.filter((id) => !byExternal.has(id)).sort();
    if (missing.length === 0) return { byExternal, created: [] };
    const persons = await this.personsOf(account, missing, hints);
    const now = nowIso();
    const rows: ContactRow[] = missing.map((externalId) => {
      const hint = hints.get(externalId);
      const username = hint?.username ?? null;
      return {
        id: newId(),
        workspace_id: account.workspace_id,
        account_id: account.id,
        source: account.provider,
        external_id: externalId,
        person_id: persons.get(externalId) ?? (username ? persons.get(`@${username}`) : undefined) ?? newId(),
        username,
        name: hint?.name ?? null,
        search_text: searchText(username, hint?.name ?? null),
        profile_pic_url: null,
        profile_pic_attachment_id: null,
        follower_count: null,
        is_user_follow_business: null,
        is_business_follow_user: null,
        profile_fetched_at: null,
        profile_error: null,
        notes: '',
        tags: '[]',
        automation_opted_out_at: null,
        created_at: now,
        updated_at: now,
      };
    });
    const inserted = await this.db
      .insertInto('contacts')
      .values(rows)
      .onConflict((oc) => oc.columns(['account_id', 'external_id']).doNothing())
      .returning('id')
      .execute();
    const insertedIds = new Set(inserted.map((r) => r.id));
    // Another worker may have created some meanwhile: read back what is there now.
    for (const c of await this.findByExternal(account.id, missing)) byExternal.set(c.external_id, c);
    return { byExternal, created: rows.filter((r) => insertedIds.has(r.id)) };
  }

  private findByExternal(accountId: string, externalIds: string[]): Promise<ContactRow[]> {
    if (externalIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('external_id', 'in', externalIds)
      .execute();
  }

  /** person ids of the same customers known through the workspace's other connections */
  private async personsOf(
    account: AccountRef,
    externalIds: string[],
    hints: Map<string, ContactHint | undefined>,
  ): Promise<Map<string, string>> {
    const usernames = externalIds.map((id) => hints.get(id)?.username).filter((u): u is string => !!u);
    const others = await this.db
      .selectFrom('contacts')
      .select(['external_id', 'username', 'person_id'])
      .where('workspace_id', '=', account.workspace_id)
      .where('account_id', '!=', account.id)
      .where((eb) =>
        eb.or([
          eb('external_id', 'in', externalIds),
          ...(usernames.length ? [eb('username', 'in', usernames)] : []),
        ]),
      )
      .execute();
    const map = new Map<string, string>();
    for (const o of others) {
      map.set(o.external_id, o.person_id);
      if (o.username) map.set(`@${o.username}`, o.person_id);
    }
    return map;
  }

  findById(workspaceId: string, id: string): Promise<ContactRow | undefined> {
    return this.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByIdUnscoped(id: string): Promise<ContactRow | undefined> {
    return this.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** the person's contacts through other connections */
  linked(contact: ContactRow): Promise<Pick<ContactRow, 'id' | 'account_id' | 'source'>[]> {
    return this.db
      .selectFrom('contacts')
      .select(['id', 'account_id', 'source'])
      .where('workspace_id', '=', contact.workspace_id)
      .where('person_id', '=', contact.person_id)
      .where('id', '!=', contact.id)
      .execute();
  }

  list(workspaceId: string, f: ContactFilter): Promise<ContactRow[]> {
    let q = this.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
    if (f.accountId) q = q.where('account_id', '=', f.accountId);
    if (f.tag) q = q.where(sql<SqlBool>`tags like ${containsPattern(JSON.stringify(f.tag))} escape '\\'`);
    if (f.q) q = q.where('id', 'in', matchingContactIds(this.db, workspaceId, f.q));
    if (f.cursor) q = q.where('id', '<', f.cursor);
    return q
      .orderBy('id', 'desc')
      .limit(f.limit + 1)
      .execute();
  }

  async update(id: string, patch: Partial<ContactRow>): Promise<void> {
    const set = { ...patch, updated_at: nowIso() };
    if (patch.username !== undefined || patch.name !== undefined) {
      const current = await this.findByIdUnscoped(id);
      set.search_text = searchText(
        patch.username ?? current?.username ?? null,
        patch.name ?? current?.name ?? null,
      );
    }
    await this.db.updateTable('contacts').set(set).where('id', '=', id).execute();
  }
}
