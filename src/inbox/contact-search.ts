import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/database.js';

// Searching customers by a part of their username or name, the way an operator types it:
// `олена`, `@olena_k`, `ANNA`. SQLite's lower() folds ASCII only, so the folding happens here, in
// JS, into contacts.search_text when a contact is written; the query compares with LIKE, where
// `_` and `%` (common in usernames) are escaped rather than wildcards.

/** what a contact is found by: username and name, lower-cased with Unicode rules */
export function searchText(username: string | null, name: string | null): string {
  return [username, name].filter(Boolean).join(' ').toLocaleLowerCase('und').normalize('NFC');
}

/** a LIKE pattern for a part of a value */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The workspace's contacts a search term finds (part of username or name, or the exact IGSID).
 * A subquery, so a conversation search reads the contacts' covering index first instead of
 * joining every conversation to its contact.
 */
export function matchingContactIds(db: Db, workspaceId: string, q: string) {
  const term = q.trim().replace(/^@/, '').toLocaleLowerCase('und').normalize('NFC');
  return db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        sql<SqlBool>`${sql.ref('search_text')} like ${containsPattern(term)} escape '\\'`,
        eb('external_id', '=', q.trim()),
      ]),
    );
}
