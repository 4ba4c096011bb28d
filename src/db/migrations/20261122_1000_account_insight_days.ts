import type { Kysely } from 'kysely';

// Daily account snapshots (statistics): one row per account and Meta insight day, written by the
// insights job, re-read while Meta's 48-hour lag lasts. Metric columns are NULL when unknown.
export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('account_insight_days')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('followers_count', 'integer')
    .addColumn('follows_count', 'integer')
    .addColumn('media_count', 'integer')
    .addColumn('profile_read_at', 'text');
  for (const metric of [
    'reach',
    'views',
    'accounts_engaged',
    'total_interactions',
    'likes',
    'comments',
    'shares',
    'saves',
    'replies',
    'profile_links_taps',
    'follows_and_unfollows',
  ]) {
    t = t.addColumn(metric, 'integer');
  }
  await t
    .addColumn('insights_read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_insight_days_pk', ['account_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_insight_days').execute();
}
