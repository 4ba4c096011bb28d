import type { Kysely } from 'kysely';

// Lifetime insights per media (synced posts through Graph, stories through the story_insights
// webhook), unique per account and Instagram media id, with the time of their next refresh.
export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('media_insights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ig_media_id', 'text', (c) => c.notNull())
    .addColumn('media_product_type', 'text', (c) => c.notNull())
    .addColumn('media_timestamp', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull());
  for (const metric of [
    'views',
    'reach',
    'likes',
    'comments',
    'saved',
    'shares',
    'total_interactions',
    'replies',
    'avg_watch_time_ms',
    'taps_forward',
    'taps_back',
    'exits',
  ]) {
    t = t.addColumn(metric, 'integer');
  }
  await t
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('next_refresh_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_insights_account_media_uq')
    .on('media_insights')
    .columns(['account_id', 'ig_media_id'])
    .unique()
    .execute();
  // top posts of an account in a period
  await db.schema
    .createIndex('media_insights_account_time_idx')
    .on('media_insights')
    .columns(['account_id', 'media_timestamp'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media_insights').execute();
}
