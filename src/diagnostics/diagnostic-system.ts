import { defineCheck, type Finding, fail, pass, skip, warn } from './diagnostic-check.js';
import type { DiagnosticDeps, DiagnosticScope } from './diagnostic-context.js';

// The machinery under the webhooks: the job queue answers and keeps up, nothing died, the
// database schema is current and DATA_DIR has room.

export const queueReachable = defineCheck({
  id: 'jobs.queue',
  group: 'jobs',
  title: 'Job queue reachable',
  outcomes: {
    embedded: pass(
      'The embedded job queue answers: {waiting} waiting, {active} running, {delayed} scheduled.',
    ),
    redis: pass('The job queue on Redis answers: {waiting} waiting, {active} running, {delayed} scheduled.'),
    unreachable: fail(
      'The job queue does not answer.',
      'Start Redis or correct REDIS_URL. Deliveries are still stored meanwhile and are processed once the queue is back.',
    ),
  },
});

export const deadJobs = defineCheck({
  id: 'jobs.dead',
  group: 'jobs',
  title: 'No dead jobs',
  outcomes: {
    none: pass('No job has given up.'),
    dead: warn(
      '{count} jobs gave up after their last retry; the newest is {name} ({finishedAt}).',
      'Fix the cause named in the error, then retry them: POST /api/v1/jobs/:id/retry (instance administrator). Dead jobs are removed after RETENTION_JOB_DAYS days.',
    ),
    not_checked: skip('Not checked: the job queue does not answer.'),
  },
});

export const queueLag = defineCheck({
  id: 'jobs.lag',
  group: 'jobs',
  title: 'Jobs keep up',
  outcomes: {
    idle: pass('No job is waiting.'),
    keeping_up: pass('The oldest waiting job has waited {seconds} s.'),
    behind: warn(
      'The oldest waiting job ({name}) has waited {minutes} min.',
      'The worker is behind: look at the server log and CPU; with REDIS_URL, run more instances.',
    ),
    stuck: fail(
      'The oldest waiting job ({name}) has waited {minutes} min: no worker is taking jobs.',
      'Start the server (`relaydesk serve`); with REDIS_URL at least one instance must run. If it runs, its log says why it does not work the queue.',
    ),
    not_checked: skip('Not checked: the job queue does not answer.'),
  },
});

export const databaseReachable = defineCheck({
  id: 'database.reachable',
  group: 'database',
  title: 'Database reachable',
  outcomes: {
    reachable: pass('The {kind} database answers.'),
    unreachable: fail(
      'The database does not answer.',
      'Start PostgreSQL or correct DATABASE_URL; with SQLite, check that DATA_DIR exists and is writable.',
    ),
  },
});

export const migrationsCurrent = defineCheck({
  id: 'database.migrations',
  group: 'database',
  title: 'Migrations current',
  outcomes: {
    current: pass('Every migration is applied.'),
    pending: fail(
      '{count} migrations are not applied: {names}.',
      'Run `relaydesk migrate`, or restart the server: it applies migrations at start.',
    ),
    empty: fail(
      'The database is empty: no migration was ever applied to it.',
      'If the server is running, this shell uses another database than the server: use its DATA_DIR or DATABASE_URL. Otherwise start the server, which creates the tables.',
    ),
    not_checked: skip('Not checked: the database does not answer.'),
  },
});

export const diskSpace = defineCheck({
  id: 'database.disk',
  group: 'database',
  title: 'Disk space',
  outcomes: {
    plenty: pass('{free} free of {total} in DATA_DIR ({percent}%).'),
    low: warn(
      'Only {free} free of {total} in DATA_DIR ({percent}%).',
      'Free disk space or move DATA_DIR to a larger disk; the daily cleanup prunes webhook bodies older than RETENTION_WEBHOOK_DAYS days.',
    ),
    full: fail(
      'Only {free} free of {total} in DATA_DIR ({percent}%): writes fail soon, deliveries included.',
      'Free disk space now or move DATA_DIR to a larger disk.',
    ),
  },
});

export async function checkQueue(d: DiagnosticDeps): Promise<Finding> {
  try {
    if (!(await d.queue.ping())) throw new Error('no answer to a ping');
    const c = await d.queue.counts();
    return queueReachable.found(d.queue.kind === 'bullmq' ? 'redis' : 'embedded', {
      waiting: c.waiting,
      active: c.active,
      delayed: c.delayed,
    });
  } catch (err) {
    return queueReachable.found('unreachable', {}, { detail: (err as Error).message });
  }
}

export async function checkDeadJobs(
  d: DiagnosticDeps,
  scope: DiagnosticScope,
  queueOk: boolean,
): Promise<Finding> {
  if (!queueOk) return deadJobs.found('not_checked');
  const { dead } = await d.queue.counts();
  if (dead === 0) return deadJobs.found('none');
  const [newest] = await d.queue.list('dead', 1);
  // Job errors may name any workspace's accounts: only the administrator sees them.
  const detail = scope.isAdmin ? (newest?.lastError ?? null) : null;
  const params = {
    count: dead,
    name: newest?.name ?? '?',
    finishedAt: newest?.finishedAt ?? newest?.createdAt ?? '',
  };
  return deadJobs.found('dead', params, { detail });
}

export async function checkLag(d: DiagnosticDeps, queueOk: boolean): Promise<Finding> {
  if (!queueOk) return queueLag.found('not_checked');
  const oldest = await d.queue.oldestReady();
  if (!oldest) return queueLag.found('idle');
  const waitedMs = Math.max(0, d.clock() - Date.parse(oldest.readyAt));
  if (waitedMs < 60_000) return queueLag.found('keeping_up', { seconds: Math.round(waitedMs / 1000) });
  const params = { name: oldest.name, minutes: Math.round(waitedMs / 60_000) };
  return queueLag.found(waitedMs < 10 * 60_000 ? 'behind' : 'stuck', params);
}

export async function checkDatabase(d: DiagnosticDeps): Promise<Finding> {
  const kind = d.database.kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
  return databaseReachable.found((await d.database.ping()) ? 'reachable' : 'unreachable', { kind });
}

export async function checkMigrations(d: DiagnosticDeps, databaseOk: boolean): Promise<Finding> {
  if (!databaseOk) return migrationsCurrent.found('not_checked');
  const pending = await d.database.pendingMigrations();
  if (pending.length === 0) return migrationsCurrent.found('current');
  // A shell pointed at the wrong DATA_DIR sees a fresh, empty database: say so, not "migrate".
  if ((await d.repo.appliedMigrations()) === 0) return migrationsCurrent.found('empty');
  return migrationsCurrent.found('pending', { count: pending.length, names: pending.join(', ') });
}

const GB = 1024 ** 3;
const MB = 1024 ** 2;
const size = (bytes: number) =>
  bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`;

export async function checkDisk(d: DiagnosticDeps): Promise<Finding> {
  const fs = await d.statfs(d.config.DATA_DIR);
  const free = Number(fs.bavail) * Number(fs.bsize);
  const total = Number(fs.blocks) * Number(fs.bsize);
  const percent = total > 0 ? Math.round((free / total) * 100) : 0;
  const params = { free: size(free), total: size(total), percent };
  if (free < 100 * MB || percent < 1) return diskSpace.found('full', params);
  if (free < GB || percent < 5) return diskSpace.found('low', params);
  return diskSpace.found('plenty', params);
}
