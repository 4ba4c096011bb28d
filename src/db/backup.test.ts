import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { backupCommand } from './backup.command.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

// `relaydesk backup` against a database that a "server" (another connection) holds open in WAL mode
// and keeps writing to: the copy has every committed row, including those only in the WAL.

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'relaydesk-backup-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(args: string[], config: ReturnType<typeof loadConfig>) {
  const out: string[] = [];
  const io = { print: (t: string) => out.push(t), error: (t: string) => out.push(t) };
  return backupCommand(args, config, io).then((code) => ({ code, out: out.join('\n') }));
}

describe('relaydesk backup', () => {
  it('copies a live WAL database consistently, says what else to keep, and never overwrites', async () => {
    const dataDir = fresh();
    const config = loadConfig({ DATA_DIR: dataDir });
    if (config.database.kind !== 'sqlite') throw new Error('expected the embedded database');
    const file = config.database.file;
    const handle = openDatabase(config.database);
    await migrateToLatest(handle.db);
    await handle.db.insertInto('workspaces').values(workspaceRow('before')).execute();

    // a second writer, as a running server, whose commits stay in the WAL (no checkpoint)
    const server = new SqliteDatabase(file);
    server.pragma('wal_autocheckpoint = 0');
    server
      .prepare("insert into workspaces (id, name, created_at) values ('w-wal', 'only in the WAL', 'x')")
      .run();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    // what a plain `cp` of the database file alone would have: not the WAL's rows
    const plain = join(fresh(), 'plain.db');
    copyFileSync(file, plain);
    expect(hasWalRow(plain)).toBe(false);

    const target = join(fresh(), 'relaydesk-backup.db');
    const done = await run([target], config);
    expect(done.code).toBe(0);
    expect(done.out).toContain(`to ${target}`);
    expect(done.out).toContain('quick_check ok');
    expect(done.out).toContain(join(dataDir, 'secret.key'));
    expect(done.out).toContain(join(dataDir, 'attachments'));

    expect(hasWalRow(target)).toBe(true);
    const backup = new SqliteDatabase(target, { readonly: true });
    const names = backup.prepare('select name from workspaces order by name').all();
    expect(names).toEqual([{ name: 'before' }, { name: 'only in the WAL' }]);
    const migrations = backup.prepare('select count(*) as n from kysely_migration').get() as { n: number };
    expect(migrations.n).toBeGreaterThan(10);
    backup.close();
    // no temporary file left beside it
    expect(readdirSync(join(target, '..'))).toEqual(['relaydesk-backup.db']);

    const again = await run([target], config);
    expect(again.code).toBe(1);
    expect(again.out).toContain('exists already');

    server.close();
    await handle.close();
  });

  it('leaves the secret.key reminder out when SECRET_KEY is given, and points PostgreSQL at pg_dump', async () => {
    const dataDir = fresh();
    const secret = { DATA_DIR: dataDir, SECRET_KEY: 'k'.repeat(40) };
    const config = loadConfig(secret);
    const handle = openDatabase(config.database);
    await migrateToLatest(handle.db);
    await handle.close();
    const done = await run([join(dataDir, 'copy.db')], config);
    expect(done.code).toBe(0);
    expect(done.out).not.toContain('secret.key');

    const pg = loadConfig({ ...secret, DATABASE_URL: 'postgres://db.example/relaydesk' });
    const refused = await run([join(dataDir, 'pg.db')], pg);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('pg_dump --format=custom');
    expect(existsSync(join(dataDir, 'pg.db'))).toBe(false);

    expect((await run([], config)).code).toBe(2);
    const missing = await run([join(dataDir, 'x.db')], loadConfig({ ...secret, DATA_DIR: fresh() }));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('No database at');
  });
});

/** the copy has the row committed only to the WAL (a copy without the WAL may lack even the table) */
function hasWalRow(file: string): boolean {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare("select count(*) as n from workspaces where id = 'w-wal'").pluck().get() === 1;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

function workspaceRow(name: string) {
  return {
    id: `w-${name}`,
    name,
    timezone: 'UTC',
    human_agent_enabled: 0,
    created_at: new Date().toISOString(),
  };
}
