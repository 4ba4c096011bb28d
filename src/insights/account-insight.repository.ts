import type { Db } from '../db/database.js';
import type { AccountInsightDayTable } from '../db/schema.js';
import type { Day } from './insight-day.js';
import { type AccountMetric, accountMetrics } from './insight-metrics.js';
import type { Values } from './insight-parse.js';

export type AccountDayRow = AccountInsightDayTable;

export interface ProfileCounts {
  followers: number | null;
  follows: number | null;
  media: number | null;
}

type Owner = { id: string; workspace_id: string };

const emptyMetrics = Object.fromEntries(accountMetrics.map((m) => [m, null])) as Values<AccountMetric>;

/** The daily account snapshots. A value read again replaces the old one; an unknown never does. */
export class AccountInsightRepository {
  constructor(private readonly db: Db) {}

  async hasDays(accountId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('account_insight_days')
      .select('day')
      .where('account_id', '=', accountId)
      .where('insights_read_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** the profile's counts as read at `at` (a later reading on the same day replaces them) */
  async saveProfile(account: Owner, day: Day, c: ProfileCounts, at: string): Promise<void> {
    const counts = { followers_count: c.followers, follows_count: c.follows, media_count: c.media };
    await this.db
      .insertInto('account_insight_days')
      .values({
        ...this.blank(account, day, at),
        ...counts,
        profile_read_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({
          followers_count: eb.fn.coalesce(
            eb.ref('excluded.followers_count'),
            eb.ref('account_insight_days.followers_count'),
          ),
          follows_count: eb.fn.coalesce(
            eb.ref('excluded.follows_count'),
            eb.ref('account_insight_days.follows_count'),
          ),
          media_count: eb.fn.coalesce(
            eb.ref('excluded.media_count'),
            eb.ref('account_insight_days.media_count'),
          ),
          profile_read_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }

  /** the insights of several days, in one commit */
  async saveInsights(account: Owner, days: { day: Day; values: Values<AccountMetric> }[], at: string) {
    if (days.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const { day, values } of days) {
        await trx
          .insertInto('account_insight_days')
          .values({ ...this.blank(account, day, at), ...values, insights_read_at: at })
          .onConflict((oc) =>
            oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({
              ...Object.fromEntries(
                accountMetrics.map((m) => [
                  m,
                  eb.fn.coalesce(eb.ref(`excluded.${m}`), eb.ref(`account_insight_days.${m}`)),
                ]),
              ),
              insights_read_at: at,
              updated_at: at,
            })),
          )
          .execute();
      }
    });
  }

  /** the stored days from..to (inclusive), oldest first */
  range(accountId: string, from: Day, to: Day): Promise<AccountDayRow[]> {
    return this.db
      .selectFrom('account_insight_days')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day')
      .execute();
  }

  private blank(account: Owner, day: Day, at: string): AccountDayRow {
    return {
      account_id: account.id,
      workspace_id: account.workspace_id,
      day,
      ...{ followers_count: null, follows_count: null, media_count: null, profile_read_at: null },
      ...emptyMetrics,
      insights_read_at: null,
      created_at: at,
      updated_at: at,
    };
  }
}
