import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';
import { isDatabaseUnavailable } from './database.js';

// PostgreSQL going away must cost the queries in flight, never the process: Node exits on an
// 'error' event nobody listens to, and a pooled client that is checked out has no listener of
// its own.
describe('the PostgreSQL pool', () => {
  let tdb: TestDatabase;
  let admin: pg.Client;
  beforeAll(async () => {
    tdb = await createTestDatabase('postgres');
    admin = new pg.Client({ connectionString: tdb.location.kind === 'postgres' ? tdb.location.url : '' });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await tdb?.drop();
  });

  it('survives its connection being cut in the middle of a transaction', async () => {
    const uncaught: unknown[] = [];
    const listener = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', listener);
    try {
      const outcome = tdb.db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          // the server ends this backend while the transaction holds the client between queries
          await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
          await new Promise((r) => setTimeout(r, 200));
          await sql`select 1`.execute(trx);
        })
        .then(
          () => 'committed',
          (err) => (isDatabaseUnavailable(err) ? 'unavailable' : `failed otherwise: ${err}`),
        );
      expect(await outcome).toBe('unavailable');
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      // the broken client was dropped: the next query gets a working one
      expect(await tdb.ping()).toBe(true);
    } finally {
      process.off('uncaughtException', listener);
    }
  });
});

describe('isDatabaseUnavailable', () => {
  const error = (props: Record<string, unknown>) =>
    Object.assign(new Error(String(props.message ?? 'x')), props);
  it.each([
    ['PostgreSQL refusing connections', error({ code: 'ECONNREFUSED' }), true],
    ['the connection cut', error({ message: 'Connection terminated unexpectedly' }), true],
    ['the server shutting down (57P01)', error({ code: '57P01' }), true],
    ['the server starting up (57P03)', error({ code: '57P03' }), true],
    ['a connection exception (08006)', error({ code: '08006' }), true],
    ['SQLite locked past busy_timeout', error({ code: 'SQLITE_BUSY' }), true],
    ['wrapped in a cause', new Error('outer', { cause: error({ code: 'ECONNRESET' }) }), true],
    ['a unique violation (23505)', error({ code: '23505' }), false],
    ['a syntax error (42601)', error({ code: '42601' }), false],
    ['SQLite constraint', error({ code: 'SQLITE_CONSTRAINT_UNIQUE' }), false],
    ['not an error at all', undefined, false],
  ])('%s → %s', (_name, err, expected) => {
    expect(isDatabaseUnavailable(err)).toBe(expected);
  });
});
