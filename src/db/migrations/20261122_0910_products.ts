import type { Kysely } from 'kysely';

// The product catalogue and caption templates for publishing (issue 6). Prices are decimal
// strings ("1299.00"), never floats; JSON columns are text, as everywhere else.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // the name folded in JS (SQLite's lower() folds ASCII only), for search and CSV matching
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('price', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_urls', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('url', 'text')
    .addColumn('hashtags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('in_stock', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('products_workspace_idx')
    .on('products')
    .columns(['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('products_workspace_name_idx')
    .on('products')
    .columns(['workspace_id', 'search_text'])
    .execute();

  await db.schema
    .createTable('caption_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('caption_templates_workspace_idx')
    .on('caption_templates')
    .columns(['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('caption_templates').execute();
  await db.schema.dropTable('products').execute();
}
