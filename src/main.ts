import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { backupCommand } from './db/backup.command.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { simulateCommand } from './demo/simulate.command.js';
import { doctorCommand } from './diagnostics/doctor.command.js';
import { AppError } from './errors.js';

const help = `Usage: relaydesk <command> [options]

Commands:
  serve                      run the server and job worker (default)
  migrate                    apply database migrations and exit
  backup <file>              SQLite: a consistent, checked copy of the database while the server runs
  user create --email E --password P [--role owner|agent] [--workspace ID]
                             create a user (the first one becomes the instance administrator)
  replay <deliveryId>        process a stored webhook delivery again (idempotent)
  doctor [--json]            check configuration, webhook address, accounts, jobs and database;
                             says how to fix each failure, exits 1 when a check fails
  simulate dm --from F --text T [--url U]
                             demo mode: a customer sends a DM through the built-in simulator
  simulate delivery [--url U] [--account IGID]
                             send a test webhook signed with INSTAGRAM_APP_SECRET to a running
                             server; exits 1 unless it was stored and processed

Configuration comes from the environment; see .env.example.`;

/** CLI entry; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(help);
    return 0;
  }
  // doctor reports an invalid configuration as one of its checks instead of refusing to start
  if (command === 'doctor') return doctorCommand(rest);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(config);
      case 'migrate': {
        const db = openDatabase(config.database);
        const applied = await migrateToLatest(db.db);
        await db.close();
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      }
      case 'backup':
        return await backupCommand(rest, config);
      case 'user':
        return await userCommand(config, rest);
      case 'replay':
        return await replay(config, rest[0]);
      case 'simulate':
        return await simulateCommand(rest, config);
      default:
        console.error(`Unknown command "${command}".\n\n${help}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<number> {
  const app = await createApp(config);
  const address = await app.start();
  app.log.info({ address, database: config.database.kind, queue: app.queue.kind }, 'Relaydesk is listening');
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      app.stop().then(resolve, (err) => {
        app.log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  return 0;
}

async function userCommand(config: ReturnType<typeof loadConfig>, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      workspace: { type: 'string' },
    },
  });
  if (positionals[0] !== 'create' || !values.email || !values.password) {
    console.error(
      'Usage: relaydesk user create --email E --password P [--role owner|agent] [--workspace ID]',
    );
    return 2;
  }
  if (values.role && values.role !== 'owner' && values.role !== 'agent') {
    console.error('--role must be owner or agent');
    return 2;
  }
  const app = await createApp(config, { worker: false });
  try {
    const user = await app.services.auth.createUser({
      email: values.email,
      password: values.password,
      role: values.role as 'owner' | 'agent' | undefined,
      workspaceId: values.workspace,
    });
    console.log(
      `Created ${user.role} ${user.email} in workspace ${user.workspaceId}${user.isAdmin ? ' (instance administrator)' : ''}.`,
    );
    return 0;
  } finally {
    await app.stop();
  }
}

async function replay(config: ReturnType<typeof loadConfig>, id: string | undefined): Promise<number> {
  if (!id) {
    console.error('Usage: relaydesk replay <deliveryId>');
    return 2;
  }
  const app = await createApp(config, { worker: false });
  try {
    const before = await app.services.webhookEvents.findDelivery(id);
    if (!before) {
      console.error(`No delivery ${id}`);
      return 1;
    }
    await app.services.events.processDeliveries([id]);
    const after = await app.services.webhookEvents.findDelivery(id);
    console.log(
      `Delivery ${id}: ${after?.status}${after?.error ? ` (${after.error})` : ''}, ${after?.event_count} events`,
    );
    return after?.status === 'failed' ? 1 : 0;
  } finally {
    await app.stop();
  }
}

/** runs the CLI as the process: its exit code, or 1 with the message of an unexpected error */
export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

// `tsx src/main.ts serve` (npm run dev) runs from source; bin/relaydesk.js runs the build.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runCli(process.argv.slice(2));
