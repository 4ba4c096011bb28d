import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { AccountTable, Database } from '../db/schema.js';

export type AccountRow = AccountTable;
export type NewAccount = Pick<AccountRow, 'workspace_id' | 'provider' | 'external_id'> & Partial<AccountRow>;

export class AccountRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findInWorkspace(workspaceId: string, id: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
  }

  /** the connected (not disconnected) account a webhook entry id belongs to */
  findConnected(provider: AccountRow['provider'], externalId: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('provider', '=', provider)
      .where('external_id', '=', externalId)
      .where('status', '!=', 'disconnected')
      .executeTakeFirst();
  }

  /** any status, disconnected included: reconnecting updates the same row */
  findByExternal(provider: AccountRow['provider'], externalId: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('provider', '=', provider)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  listByProvider(provider: AccountRow['provider']): Promise<AccountRow[]> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('provider', '=', provider)
      .orderBy('id')
      .execute();
  }

  findByWebhookTokenHash(hash: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('webhook_token_hash', '=', hash)
      .where('provider', '=', 'chatrace')
      .executeTakeFirst();
  }

  listByWorkspace(workspaceId: string): Promise<AccountRow[]> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute();
  }

  async create(input: NewAccount): Promise<AccountRow> {
    const now = nowIso();
    const row: AccountRow = {
      id: newId(),
      username: null,
      status: 'active',
      access_token_enc: null,
      token_expires_at: null,
      webhook_token_hash: null,
      settings: '{}',
      created_at: now,
      updated_at: now,
      name: null,
      profile_picture_url: null,
      token_issued_at: null,
      webhook_fields: null,
      last_error: null,
      status_changed_at: now,
      poll_interval_seconds: 60,
      last_poll_at: null,
      last_poll_result: null,
      webhook_gap_at: null,
      backfilled_at: null,
      ...input,
    };
    await this.db.insertInto('accounts').values(row).execute();
    return row;
  }

  /** `db`: the caller's transaction, e.g. to write an outbound event in the same commit */
  async update(id: string, patch: Partial<AccountRow>, db: Kysely<Database> = this.db): Promise<void> {
    await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
  }

  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }
}
