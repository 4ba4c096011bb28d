import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { type BackupResult, backupSqlite } from './backup.js';

const usage = `Usage: relaydesk backup <file>

Writes a consistent copy of the SQLite database (DATA_DIR/relaydesk.db) to <file> while the server
keeps running, and checks it. It never overwrites a file. PostgreSQL is backed up with pg_dump;
docs/operations.md has both, and what else to keep (secret.key, attachments).`;

export interface BackupIo {
  print(text: string): void;
  error(text: string): void;
}

const defaultIo: BackupIo = { print: (t) => console.log(t), error: (t) => console.error(t) };

/** `relaydesk backup <file>`; resolves to the exit code */
export async function backupCommand(
  args: string[],
  config: Config,
  io: BackupIo = defaultIo,
): Promise<number> {
  const [target, ...extra] = args;
  if (!target || target === '--help' || target === '-h' || extra.length) {
    io.error(usage);
    return target === '--help' || target === '-h' ? 0 : 2;
  }
  if (config.database.kind === 'postgres') {
    io.error(
      'DATABASE_URL points at PostgreSQL, which this command does not copy. Use pg_dump, e.g.\n' +
        '  pg_dump --format=custom --file relaydesk.dump "$DATABASE_URL"\n' +
        '(docs/operations.md, "Backup and restore").',
    );
    return 2;
  }
  let result: BackupResult;
  try {
    result = backupSqlite(config.database.file, resolve(target));
  } catch (err) {
    io.error(`Backup failed: ${(err as Error).message}`);
    return 1;
  }
  const mb = (result.bytes / 1048576).toFixed(1);
  io.print(
    `Backed up ${config.database.file} to ${result.file} (${mb} MB in ${result.ms} ms; quick_check ok).`,
  );
  // The database alone does not restore everything: say what else to keep, every time.
  if (config.secretKeyGenerated) {
    io.print(
      `Keep a copy of ${resolve(config.DATA_DIR, 'secret.key')} too (once, stored apart from the backups): ` +
        'the stored Instagram and Chatrace tokens are encrypted with it.',
    );
  }
  io.print(
    `Files (attachments, uploads) are not in the database: copy ${resolve(config.DATA_DIR, 'attachments')} as well.`,
  );
  return 0;
}
