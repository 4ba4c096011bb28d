import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, type DialectName, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const dialects: DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase extends DatabaseHandle {
  /** the Config['database'] value that opens this same database again (e.g. after a restart) */
  location: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** closes the handle and removes the database */
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given kind, private to the caller. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relaydesk-test-'));
    const location = { kind: 'sqlite' as const, file: join(dir, 'relaydesk.db') };
    const handle = openDatabase(location);
    await migrateToLatest(handle.db);
    return {
      ...handle,
      location,
      async drop() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresUrl');
  const name = `rd_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const location = { kind: 'postgres' as const, url: url.toString() };
  const handle = openDatabase(location);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    location,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
