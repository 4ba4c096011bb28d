import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { openDatabase } from './database.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';

describe.each(dialects)('migrations on %s', (dialect) => {
  let tdb: TestDatabase | undefined;
  afterEach(async () => {
    await tdb?.drop();
    tdb = undefined;
  });

  it('applies every migration once and leaves nothing pending', async () => {
    tdb = await createTestDatabase(dialect);
    expect(await pendingMigrations(tdb.db)).toEqual([]);
    expect(await migrateToLatest(tdb.db)).toEqual([]);
    const tables = await tdb.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const t of ['workspaces', 'users', 'accounts', 'webhook_events', 'inbound_events', 'jobs']) {
      expect(names).toContain(t);
    }
  });
});

// Several instances starting at once on an empty PostgreSQL database: each runs the migrator on
// its own pool. Without the lock two would try to create the same tables and one would fail.
describe('migrations started in parallel on postgres', () => {
  const adminUrl = inject('postgresUrl');
  const name = `rd_par_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(query);
    await c.end();
  };
  afterEach(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('applies each migration exactly once across five migrators', async () => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handles = Array.from({ length: 5 }, () => openDatabase({ kind: 'postgres', url: url.toString() }));
    try {
      const all = await pendingMigrations(handles[0]!.db);
      const applied = await Promise.all(handles.map((h) => migrateToLatest(h.db)));
      // every migration applied by exactly one of them; the others found nothing to do
      expect(applied.flat().sort()).toEqual([...all].sort());
      expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
      const rows = await handles[1]!.db
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute();
      expect(rows).toHaveLength(all.length);
      expect(await pendingMigrations(handles[2]!.db)).toEqual([]);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});
