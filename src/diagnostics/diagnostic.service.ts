import type { AccountRow } from '../accounts/account.repository.js';
import * as chatrace from './diagnostic-chatrace.js';
import {
  type CheckDefinition,
  type CheckResult,
  type CheckSubject,
  type Finding,
  toResult,
  type Verdict,
  verdicts,
  worst,
} from './diagnostic-check.js';
import * as config from './diagnostic-config.js';
import type { DiagnosticDeps, DiagnosticScope } from './diagnostic-context.js';
import * as delivery from './diagnostic-delivery.js';
import * as instagram from './diagnostic-instagram.js';
import { checkPermissions, permissionsGranted } from './diagnostic-permissions.js';
import * as system from './diagnostic-system.js';
import * as webhook from './diagnostic-webhook.js';

export interface DiagnosticReport {
  generatedAt: string;
  durationMs: number;
  /** the worst verdict of all checks (skipped ones count as passed) */
  verdict: Verdict;
  counts: Record<Verdict, number>;
  checks: CheckResult[];
}

/** a check that hangs (a Graph call, a proxy) must not hold the whole report */
const CHECK_TIMEOUT_MS = 20_000;
/** accounts checked at once: each costs two Graph calls */
const ACCOUNTS_AT_ONCE = 4;

/**
 * Runs every check for a scope: the instance's (configuration, webhook address, jobs, database)
 * and those of each connected account in it. Nothing here changes state.
 */
export class DiagnosticService {
  /** one run per scope at a time: a second caller gets the report being made */
  private readonly running = new Map<string, Promise<DiagnosticReport>>();

  constructor(private readonly d: DiagnosticDeps) {}

  run(scope: DiagnosticScope): Promise<DiagnosticReport> {
    const key = `${scope.workspaceId ?? '*'}:${scope.isAdmin}`;
    const existing = this.running.get(key);
    if (existing) return existing;
    const run = this.runNow(scope).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  private async runNow(scope: DiagnosticScope): Promise<DiagnosticReport> {
    const started = this.d.clock();
    const [instance, accounts] = await Promise.all([this.instanceChecks(scope), this.accountChecks(scope)]);
    // In the order of checkGroups: what Meta needs first, the machinery underneath last.
    const checks = [...instance.front, ...accounts, ...instance.back];
    const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<Verdict, number>;
    for (const c of checks) counts[c.verdict]++;
    return {
      generatedAt: new Date(started).toISOString(),
      durationMs: this.d.clock() - started,
      verdict: worst(checks),
      counts,
      checks,
    };
  }

  private async instanceChecks(scope: DiagnosticScope) {
    const d = this.d;
    const [db, queue] = await Promise.all([
      this.timed(system.databaseReachable, null, () => system.checkDatabase(d)),
      this.timed(system.queueReachable, null, () => system.checkQueue(d)),
    ]);
    const dbOk = db.verdict === 'pass';
    const queueOk = queue.verdict === 'pass';
    const front = Promise.all([
      this.timed(config.configValid, null, () => config.checkConfigValid(d)),
      this.timed(config.appSecretSet, null, () => config.checkAppSecret(d)),
      this.timed(config.verifyTokenSet, null, () => config.checkVerifyToken(d)),
      this.timed(webhook.publicUrlHttps, null, () => webhook.checkPublicUrl(d)),
      this.timed(webhook.publicUrlReachable, null, () => webhook.checkReachable(d)),
      this.timed(webhook.verificationAnswered, null, () => webhook.checkVerification(d)),
      this.timed(webhook.signaturesValid, null, () => webhook.checkSignatures(d)),
    ]);
    const back = Promise.all([
      queue,
      this.timed(system.deadJobs, null, () => system.checkDeadJobs(d, scope, queueOk)),
      this.timed(system.queueLag, null, () => system.checkLag(d, queueOk)),
      db,
      this.timed(system.migrationsCurrent, null, () => system.checkMigrations(d, dbOk)),
      this.timed(system.diskSpace, null, () => system.checkDisk(d)),
    ]);
    return { front: await front, back: await back };
  }

  private async accountChecks(scope: DiagnosticScope): Promise<CheckResult[]> {
    if (this.d.accountsElsewhere) return [];
    let rows: AccountRow[];
    try {
      rows = await this.accountsOf(scope);
    } catch {
      return []; // the database check says why
    }
    const live = rows.filter((a) => a.status !== 'disconnected');
    // Instagram accounts first, then Chatrace connections, each in the order they were connected.
    live.sort((a, b) => order[a.provider] - order[b.provider] || a.created_at.localeCompare(b.created_at));
    const out: CheckResult[] = [];
    for (let i = 0; i < live.length; i += ACCOUNTS_AT_ONCE) {
      const batch = live.slice(i, i + ACCOUNTS_AT_ONCE);
      const done = await Promise.all(
        batch.map((a) => (a.provider === 'instagram' ? this.instagram(a) : this.chatrace(a))),
      );
      out.push(...done.flat());
    }
    return out;
  }

  private accountsOf(scope: DiagnosticScope): Promise<AccountRow[]> {
    if (scope.workspaceId) return this.d.accounts.listByWorkspace(scope.workspaceId);
    return Promise.all([
      this.d.accounts.listByProvider('instagram'),
      this.d.accounts.listByProvider('chatrace'),
    ]).then((lists) => lists.flat());
  }

  private async instagram(a: AccountRow): Promise<CheckResult[]> {
    const d = this.d;
    const s = subject(a);
    const token = await this.timed(instagram.tokenValid, s, () => instagram.checkToken(d, a));
    // No answer is not a refusal: the subscription is still worth asking for.
    const tokenUsable = token.code === 'valid' || token.code === 'no_answer';
    const rest = await Promise.all([
      this.timed(instagram.tokenExpiry, s, () => instagram.checkExpiry(d, a)),
      this.timed(permissionsGranted, s, () => checkPermissions(d, a)),
      this.timed(instagram.fieldsSubscribed, s, () => instagram.checkFields(d, a, tokenUsable)),
      this.timed(delivery.lastDelivery, s, () => delivery.checkLastDelivery(d, a)),
      this.timed(delivery.pollingGap, s, () => delivery.checkPolling(d, a)),
    ]);
    return [token, ...rest];
  }

  private async chatrace(a: AccountRow): Promise<CheckResult[]> {
    const d = this.d;
    const s = subject(a);
    const format = await this.timed(chatrace.chatraceTokenFormat, s, () =>
      chatrace.checkChatraceFormat(d, a),
    );
    return [
      format,
      ...(await Promise.all([
        this.timed(chatrace.chatraceTokenValid, s, () =>
          chatrace.checkChatraceToken(d, a, format.verdict === 'pass'),
        ),
        this.timed(chatrace.chatraceDelivery, s, () => chatrace.checkChatraceDelivery(d, a)),
      ])),
    ];
  }

  /** runs one check; a throw or a timeout becomes its check_error outcome, with the reason */
  private async timed(
    def: CheckDefinition,
    account: CheckSubject | null,
    run: () => Finding | Promise<Finding>,
  ): Promise<CheckResult> {
    const started = this.d.clock();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Finding>((resolve) => {
      timer = setTimeout(
        () => resolve({ code: 'check_error', detail: `No result within ${CHECK_TIMEOUT_MS / 1000} s` }),
        CHECK_TIMEOUT_MS,
      );
    });
    let finding: Finding;
    try {
      finding = await Promise.race([Promise.resolve().then(run), timeout]);
    } catch (err) {
      finding = { code: 'check_error', detail: (err as Error).message ?? String(err) };
    } finally {
      clearTimeout(timer);
    }
    return toResult(def, finding, account, this.d.clock() - started);
  }
}

const order = { instagram: 0, chatrace: 1 };

function subject(a: AccountRow): CheckSubject {
  return { id: a.id, provider: a.provider, username: a.username, externalId: a.external_id };
}
