import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
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
