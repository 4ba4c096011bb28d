import type { Kysely } from 'kysely';

// What a post publishes, resolved when it falls due (the product's current images, fresh links to
// uploads, absolute URLs), kept apart from what the user chose: a failed post tried again after
// its product's image was fixed resolves the new image instead of repeating the old one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('auto_posts').addColumn('published_media', 'text').execute();
  await db.schema.alterTable('auto_posts').addColumn('published_cover_url', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('auto_posts').dropColumn('published_cover_url').execute();
  await db.schema.alterTable('auto_posts').dropColumn('published_media').execute();
}
