import type { Db } from '../db/database.js';
import {
  type AutomationSettings,
  automationSettings,
  defaultSettings,
} from './automation-settings.schema.js';

export interface StoredSettings {
  settings: AutomationSettings;
  updatedAt: string | null;
}

/** One JSON row per account; reading goes through the schema so rows written by older versions gain new defaults. */
export class AutomationSettingsRepository {
  constructor(private readonly db: Db) {}

  async get(accountId: string): Promise<StoredSettings> {
    const row = await this.db
      .selectFrom('automation_settings')
      .select(['settings', 'updated_at'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    if (!row) return { settings: defaultSettings, updatedAt: null };
    const parsed = automationSettings.safeParse(JSON.parse(row.settings));
    return { settings: parsed.success ? parsed.data : defaultSettings, updatedAt: row.updated_at };
  }

  async put(workspaceId: string, accountId: string, settings: AutomationSettings, at: string): Promise<void> {
    const values = { settings: JSON.stringify(settings), updated_at: at };
    await this.db
      .insertInto('automation_settings')
      .values({ account_id: accountId, workspace_id: workspaceId, ...values })
      .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
      .execute();
  }
}
