import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * An online backup of the SQLite database: `VACUUM INTO` reads one consistent snapshot (WAL
 * included) on a read-only connection, so a running server keeps writing meanwhile, and the copy
 * never restarts the way the page-copying backup API does when another process writes. The copy
 * is written under a temporary name, checked with `PRAGMA quick_check`, fsynced and only then
 * renamed to `target`, so a file with that name is always a complete, checked backup.
 */
export function backupSqlite(source: string, target: string): BackupResult {
  if (!existsSync(source)) throw new Error(`No database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists already; a backup never overwrites a file`);
  const started = performance.now();
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(partial);
    } finally {
      db.close();
    }
    const copy = new SqliteDatabase(partial, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`The copy failed PRAGMA quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dirname(target));
  } finally {
    rmSync(partial, { force: true });
  }
  return { file: target, bytes: statSync(target).size, ms: Math.round(performance.now() - started) };
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
