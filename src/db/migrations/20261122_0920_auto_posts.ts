import type { Kysely } from 'kysely';

// Scheduled Instagram posts (auto-posts) with their publishing steps, and recurring product
// rotations (series). Every step of publishing is a column, so a restart resumes, never repeats.
export async function up(db: Kysely<unknown>): Promise<void> {
  const text: string[] = [
    'product_id',
    'series_id',
    'media',
    'cover_url',
    'caption',
    'caption_template',
    'caption_template_id',
    'first_comment',
    'error_code',
    'error_message',
    'next_run_at',
    'locked_until',
    'children',
    'container_id',
    'container_status',
    'containers_created_at',
    'publish_attempted_at',
    'published_caption',
    'ig_media_id',
    'permalink',
    'published_at',
    'first_comment_at',
    'first_comment_id',
  ];
  let posts = db.schema
    .createTable('auto_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('share_to_feed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('polls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  for (const name of text) posts = posts.addColumn(name, 'text');
  await posts.execute();
  // the list and calendar: a workspace's posts by time
  await db.schema
    .createIndex('auto_posts_workspace_time_idx')
    .on('auto_posts')
    .columns(['workspace_id', 'scheduled_at', 'id'])
    .execute();
  // the sweeper: rows with work due
  await db.schema.createIndex('auto_posts_next_run_idx').on('auto_posts').column('next_run_at').execute();
  // one post per rotation slot, however often the next one is materialized (NULLs never collide)
  await db.schema
    .createIndex('auto_posts_series_slot_uq')
    .on('auto_posts')
    .columns(['series_id', 'scheduled_at'])
    .unique()
    .execute();
  // when the account's oldest publish leaves Meta's 24 h window (held posts)
  await db.schema
    .createIndex('auto_posts_account_published_idx')
    .on('auto_posts')
    .columns(['account_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('auto_post_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('product_ids', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('caption_template', 'text')
    .addColumn('caption_template_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('first_comment', 'text')
    .addColumn('time_of_day', 'text', (c) => c.notNull())
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auto_post_series_workspace_idx')
    .on('auto_post_series')
    .columns(['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auto_post_series').execute();
  await db.schema.dropTable('auto_posts').execute();
}
