import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** true when the database answers a trivial query */
  ping(): Promise<boolean>;
  /** SQLite: folds the WAL back into the database file (PASSIVE: never waits for readers) */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; every count here fits in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

// what pg says, without a code, about a connection it lost or could not make
const connectionMessages =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * True for an error that says the database cannot be reached right now (PostgreSQL stopped,
 * restarting, or the connection cut; SQLite locked past busy_timeout) rather than that the query
 * was wrong: worth a 503 and a retry, not a 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++, e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    // SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, starting up)
    if (connectionCodes.has(code) || /^08/.test(code) || /^57P0[1-3]$/.test(code) || code === 'SQLITE_BUSY')
      return true;
    if (typeof e.message === 'string' && connectionMessages.test(e.message)) return true;
  }
  return false;
}

export function openDatabase(database: Config['database']): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // A client losing its connection (PostgreSQL restarted) must not crash the process. The pool
    // listens on idle clients only; a checked-out one (in a transaction, between two queries)
    // emits 'error' with nobody listening, which Node turns into an exit. Its queries fail
    // instead, and the pool drops the broken client when it is released.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      ping: () => pingDb(db),
      checkpoint: async () => {},
      close: () => db.destroy(),
    };
  }
  const sqlite = new SqliteDatabase(database.file);
  // WAL + synchronous=FULL: a committed transaction survives power loss, which is what lets the
  // webhook route answer 200 only after the delivery is durable.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A checkpoint copies the WAL into the database inside whichever commit crosses the limit; at
  // the default 1,000 pages that stalls ingestion every few dozen batches. The app checkpoints
  // between bursts instead (app.ts); this larger limit is only the safety net.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    ping: () => pingDb(db),
    // Through Kysely, so it waits its turn on the connection instead of landing inside a transaction.
    checkpoint: async () => {
      await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, and preparing is a
 * measurable share of a hot insert. Keeps the most recent few hundred SQL texts prepared.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= 300) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    return true;
  } catch {
    return false;
  }
}
