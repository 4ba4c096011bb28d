import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { demoWanted } from '../demo/demo.js';
import { createJobQueue } from '../jobs/job-queue.factory.js';
import { createLogger } from '../logger.js';
import { ChatraceClient } from '../providers/chatrace/chatrace-client.js';
import { GraphClient } from '../providers/instagram/graph-client.js';
import { createSecrets } from '../secrets.js';
import { type DiagnosticReport, DiagnosticService } from './diagnostic.service.js';
import { toResult, verdicts, worst } from './diagnostic-check.js';
import { configValid } from './diagnostic-config.js';
import { diagnosticDeps } from './diagnostic-deps.js';
import { formatReport } from './doctor-report.js';

const usage = `Usage: relaydesk doctor [--json]

Checks the configuration, the webhook address, every connected account, the job queue and the
database, and says how to fix what fails. Exits 1 when a check fails. --json prints the report
as GET /api/v1/diagnostics returns it.`;

export interface DoctorIo {
  env: NodeJS.ProcessEnv;
  print(text: string): void;
}

const defaultIo: DoctorIo = { env: process.env, print: (text) => console.log(text) };

/** `relaydesk doctor [--json]`; resolves to the exit code */
export async function doctorCommand(args: string[], io: DoctorIo = defaultIo): Promise<number> {
  let json: boolean;
  try {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
    if (values.help) {
      io.print(usage);
      return 0;
    }
    json = values.json ?? false;
  } catch (err) {
    io.print(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const report = await diagnose(io.env);
  io.print(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.verdict === 'fail' ? 1 : 0;
}

async function diagnose(env: NodeJS.ProcessEnv): Promise<DiagnosticReport> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return invalidConfigReport(err);
  }
  // Nothing may write to stdout but the report (--json is for scripts).
  const log = createLogger('silent');
  const database = openDatabase(config.database);
  const queue = createJobQueue({
    redisUrl: config.REDIS_URL,
    db: database.db,
    dialect: database.dialect,
    logger: log,
  });
  const demo = demoWanted(config);
  const deps = diagnosticDeps({
    config,
    demo,
    database,
    queue,
    graph: new GraphClient({
      graphUrl: config.INSTAGRAM_GRAPH_URL,
      apiVersion: config.INSTAGRAM_API_VERSION,
      oauthTokenUrl: config.INSTAGRAM_OAUTH_TOKEN_URL,
      appId: config.INSTAGRAM_APP_ID,
      appSecret: config.INSTAGRAM_APP_SECRET,
      timeoutMs: 10_000,
      logger: log,
    }),
    chatrace: new ChatraceClient({ apiUrl: config.CHATRACE_API_URL, timeoutMs: 10_000, logger: log }),
    secrets: createSecrets(config.SECRET_KEY),
    clock: Date.now,
  });
  try {
    return await new DiagnosticService({ ...deps, accountsElsewhere: demo }).run({
      workspaceId: null,
      isAdmin: true,
    });
  } finally {
    await queue.close().catch(() => {});
    await database.close().catch(() => {});
  }
}

/** with an invalid environment nothing else can be checked: the report is that one failure */
function invalidConfigReport(err: ConfigError): DiagnosticReport {
  const finding = configValid.found(
    'invalid',
    { count: err.problems.length },
    { detail: err.problems.join('\n') },
  );
  const checks = [toResult(configValid, finding, null, 0)];
  const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as DiagnosticReport['counts'];
  counts.fail = 1;
  return { generatedAt: new Date().toISOString(), durationMs: 0, verdict: worst(checks), counts, checks };
}
