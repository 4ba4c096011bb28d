import type { Kysely } from 'kysely';

// Media sync (posts, per-account sync progress) and comments. Posts are unique per account by
// Instagram's media id and comments by Instagram's comment id, so sync and webhooks upsert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ig_media_id', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text')
    .addColumn('media_product_type', 'text')
    .addColumn('caption', 'text')
    .addColumn('permalink', 'text')
    .addColumn('media_url', 'text')
    .addColumn('thumbnail_url', 'text')
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('like_count', 'integer')
    .addColumn('comments_count', 'integer')
    .addColumn('children', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('comments_synced_count', 'integer')
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('posts_account_media_uq')
    .on('posts')
    .columns(['account_id', 'ig_media_id'])
    .unique()
    .execute();
  // the gallery: newest first per workspace, or per account (keyset on timestamp, id)
  await db.schema
    .createIndex('posts_workspace_time_idx')
    .on('posts')
    .columns(['workspace_id', 'timestamp', 'id'])
    .execute();
  await db.schema
    .createIndex('posts_account_time_idx')
    .on('posts')
    .columns(['account_id', 'timestamp', 'id'])
    .execute();

  await db.schema
    .createTable('post_syncs')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('full_sync_at', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('last_result', 'text')
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ig_comment_id', 'text', (c) => c.notNull())
    .addColumn('ig_media_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('parent_ig_comment_id', 'text')
    .addColumn('from_igsid', 'text')
    .addColumn('from_username', 'text')
    .addColumn('text', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('like_count', 'integer')
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('from_self', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('webhook_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_account_comment_uq')
    .on('comments')
    .columns(['account_id', 'ig_comment_id'])
    .unique()
    .execute();
  // a post's top-level comments (parent IS NULL) newest first, then the replies of a page of them
  await db.schema
    .createIndex('comments_media_time_idx')
    .on('comments')
    .columns(['account_id', 'ig_media_id', 'parent_ig_comment_id', 'timestamp', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_parent_idx')
    .on('comments')
    .columns(['account_id', 'parent_ig_comment_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['comments', 'post_syncs', 'posts']) await db.schema.dropTable(table).execute();
}
