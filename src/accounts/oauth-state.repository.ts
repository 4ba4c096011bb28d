import type { Db } from '../db/database.js';
import type { OauthStateTable } from '../db/schema.js';

export class OauthStateRepository {
  constructor(private readonly db: Db) {}

  async insert(row: OauthStateTable): Promise<void> {
    await this.db.insertInto('oauth_states').values(row).execute();
  }

  /** marks the state used; returns it only if it was unused and unexpired (single use, atomically) */
  async consume(id: string, now: string): Promise<OauthStateTable | undefined> {
    const res = await this.db
      .updateTable('oauth_states')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return undefined;
    return this.db.selectFrom('oauth_states').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async prune(before: string): Promise<void> {
    await this.db.deleteFrom('oauth_states').where('expires_at', '<', before).execute();
  }
}
