import type { Db } from '../db/database.js';
import type { ApiKeyTable, UserTable } from '../db/schema.js';

export type ApiKeyRow = ApiKeyTable;

/** an active key together with its creator's current role (the key acts with it) */
export type ResolvedKeyRow = ApiKeyRow & { creator_role: UserTable['role'] };

export class ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async insert(row: ApiKeyRow): Promise<void> {
    await this.db.insertInto('api_keys').values(row).execute();
  }

  /** newest first; `before` is the last id of the previous page (ids are UUIDv7, time-ordered) */
  page(workspaceId: string, opts: { before?: string; limit: number }): Promise<ApiKeyRow[]> {
    let q = this.db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId);
    if (opts.before) q = q.where('id', '<', opts.before);
    return q.orderBy('id', 'desc').limit(opts.limit).execute();
  }

  find(workspaceId: string, id: string): Promise<ApiKeyRow | undefined> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * The unrevoked key with this hash, only while its creator is still a user of the key's
   * workspace: a key never outlives the person who is accountable for it.
   */
  findActiveByHash(keyHash: string): Promise<ResolvedKeyRow | undefined> {
    return this.db
      .selectFrom('api_keys')
      .innerJoin('users', (j) =>
        j
          .onRef('users.id', '=', 'api_keys.created_by')
          .onRef('users.workspace_id', '=', 'api_keys.workspace_id'),
      )
      .selectAll('api_keys')
      .select('users.role as creator_role')
      .where('api_keys.key_hash', '=', keyHash)
      .where('api_keys.revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** soft revoke; a second call keeps the first revocation time */
  async revoke(workspaceId: string, id: string, at: string): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /**
   * Records use unless it was already recorded at or after `notBefore`. ISO-8601 UTC strings sort
   * as text, so the comparison is the same on SQLite and PostgreSQL; the condition also keeps
   * several server processes from each writing it.
   */
  async touch(id: string, at: string, notBefore: string): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore)]))
      .execute();
  }
}
