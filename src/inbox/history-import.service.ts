import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import { statusAt } from '../accounts/account-status.js';
import type { Db } from '../db/database.js';
import { errors } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Conversation } from '../providers/instagram/graph-message-schemas.js';
import type { Secrets } from '../secrets.js';
import { HistoryRepository } from './history.repository.js';
import { type Cutoff, customerOf, threadToOps } from './history-op.js';
import { forEachLimit, Pacer, realSleep, type Sleep } from './history-pace.js';
import { ConversationPoller, graphAuth, type PollResult, reportFailure, storeRead } from './history-poll.js';
import type { InboxIngestService } from './inbox-ingest.service.js';
import type { InboxOp } from './inbox-op.js';

export interface HistoryImportDeps {
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  secrets: Secrets;
  ingest: InboxIngestService;
  db: Db;
  log: Logger;
  clock?: () => number;
  /** how pacing waits (default: real timers) */
  sleep?: Sleep;
  /** conversations a backfill imports at most, newest first (default 200) */
  maxConversations?: number;
  /** conversations per Graph page: backfill (default 20, each with its messages) and poll (25) */
  importPageSize?: number;
  pollPageSize?: number;
  /** accounts polled at the same time, each paced on its own (default 4) */
  pollConcurrency?: number;
}

export interface ImportResult {
  conversations: number;
  /** messages stored that were not stored before */
  imported: number;
  pages: number;
  /** the cap stopped the import while Meta had more conversations */
  truncated: boolean;
  /** why nothing (more) was imported: unknown, Chatrace, disconnected or rejected account */
  skipped?: string;
}

/** the cron runs every minute; an account polled a little less than its interval ago is due */
const dueSlackMs = 5_000;

export const historyUnavailable = (message: string) => errors.conflict('history_unavailable', message);

/**
 * History backfill and missed-message recovery through the Conversations API. Both produce the
 * inbox operations webhooks do and store them through InboxIngestService, so a message seen by
 * both is stored once (dedup by mid) and arrival order does not change the resulting thread.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api
 */
export class HistoryImportService {
  private readonly clock: () => number;
  private readonly sleep: Sleep;
  private readonly poller: ConversationPoller;

  constructor(private readonly d: HistoryImportDeps) {
    this.clock = d.clock ?? Date.now;
    this.sleep = d.sleep ?? realSleep;
    const pollDeps = { ...d, clock: this.clock, sleep: this.sleep, pageSize: d.pollPageSize ?? 25 };
    this.poller = new ConversationPoller(pollDeps, new HistoryRepository(d.db));
  }

  /** backfill: the newest conversations with their recent messages (Meta: at most 20 per thread) */
  async importAccount(accountId: string, progress?: (pct: number) => Promise<void>): Promise<ImportResult> {
    const result: ImportResult = { conversations: 0, imported: 0, pages: 0, truncated: false };
    const account = await this.d.accounts.findById(accountId);
    const skipped = account ? this.unavailable(account) : 'The account no longer exists';
    if (!account || skipped) {
      this.d.log.info({ accountId, reason: skipped }, 'history import skipped');
      return { ...result, skipped: skipped ?? 'The account no longer exists' };
    }
    const cap = this.d.maxConversations ?? 200;
    // A customer may write while the pages are read; from this moment on that is news, and the
    // missed-message poll keeps this moment as the line between history and news.
    const started = this.clock();
    const pacer = new Pacer(this.clock, this.sleep);
    const seen = new Set<string>();
    let after: string | undefined;
    try {
      const auth = graphAuth(this.d.secrets, account);
      for (;;) {
        await pacer.wait();
        const limit = Math.min(this.d.importPageSize ?? 20, cap - result.conversations);
        const page = await this.d.graph.listConversations(auth, { withMessages: true, after, limit });
        result.pages++;
        result.conversations += page.items.length;
        result.imported += await this.applyPage(account, page.items, started);
        await progress?.(Math.min(99, Math.floor((result.conversations / cap) * 100)));
        // a cursor seen before would loop forever: treat it as the end
        if (page.after === null || seen.has(page.after)) break;
        if (result.conversations >= cap) {
          result.truncated = true;
          break;
        }
        seen.add(page.after);
        after = page.after;
      }
    } catch (err) {
      const { message, kind } = await reportFailure(this.d, account, err, 'history import');
      // A rejected token does not get better with retries; anything else is worth another run,
      // and the pages already stored are not stored twice.
      if (kind === 'token_invalid') return { ...result, skipped: message };
      throw err;
    }
    await this.d.accounts.update(account.id, { backfilled_at: new Date(started).toISOString() });
    await progress?.(100);
    this.d.log.info({ accountId, ...result }, 'history imported');
    return result;
  }

  /** the cron job: polls every account that is due; one account failing never stops the others */
  async pollDue(): Promise<{ polled: number; imported: number; gaps: number; failed: number }> {
    const now = this.clock();
    const due = (await this.d.accounts.listByProvider('instagram')).filter((a) => this.isDue(a, now));
    const summary = { polled: due.length, imported: 0, gaps: 0, failed: 0 };
    await forEachLimit(due, this.d.pollConcurrency ?? 4, async (account) => {
      const r = await this.poller.poll(account);
      summary.imported += r.imported;
      if (r.gap) summary.gaps++;
      if (r.error) summary.failed++;
    });
    return summary;
  }

  /** true when at least one usable Instagram account has polling on (`pollingActive` in stats) */
  async pollingActive(): Promise<boolean> {
    const now = this.clock();
    const accounts = await this.d.accounts.listByProvider('instagram');
    return accounts.some((a) => this.pollable(a, now) && a.poll_interval_seconds > 0);
  }

  async lastPoll(accountId: string): Promise<PollResult | null> {
    const row = await this.d.accounts.findById(accountId);
    return row ? parsePollResult(row.last_poll_result) : null;
  }

  /** the account to backfill: 404 outside the workspace, 409 when it cannot be imported */
  async backfillTarget(workspaceId: string, id: string): Promise<AccountRow> {
    const account = await this.inWorkspace(workspaceId, id);
    const unavailable = this.unavailable(account);
    if (unavailable) throw historyUnavailable(unavailable);
    return account;
  }

  polling(workspaceId: string, id: string): Promise<AccountRow> {
    return this.inWorkspace(workspaceId, id);
  }

  async setPolling(workspaceId: string, id: string, intervalSeconds: number): Promise<AccountRow> {
    const account = await this.inWorkspace(workspaceId, id);
    if (account.provider !== 'instagram')
      throw historyUnavailable('Chatrace connections have no Conversations API to poll');
    const patch = {
      poll_interval_seconds: intervalSeconds,
      updated_at: new Date(this.clock()).toISOString(),
    };
    await this.d.accounts.update(id, patch);
    return { ...account, ...patch };
  }

  /**
   * One page of Graph threads with their messages: what was there when the import began is
   * already-read history; what customers wrote since is news, as if a webhook had brought it.
   */
  private async applyPage(account: AccountRow, threads: Conversation[], startedMs: number): Promise<number> {
    const ops: InboxOp[] = [];
    const conversationIds = new Map<string, string>();
    for (const c of threads) {
      const igsid = customerOf(c.participants, account);
      if (!igsid) continue;
      conversationIds.set(igsid, c.id);
      ops.push(...threadToOps(c.messages, account.external_id, igsid));
    }
    if (ops.length === 0) return 0;
    // A message of the very second the import began was most likely there before it: history.
    const cutoff: Cutoff = { at: startedMs, sameSecond: 'history' };
    return (await storeRead(this.d.ingest, account, ops, cutoff, conversationIds)).imported;
  }

  private isDue(a: AccountRow, now: number): boolean {
    if (!this.pollable(a, now) || a.poll_interval_seconds <= 0) return false;
    // Before the history import finished everything would look missed: the import comes first.
    if (!a.backfilled_at) return false;
    if (!a.last_poll_at) return true;
    return now - Date.parse(a.last_poll_at) >= a.poll_interval_seconds * 1000 - dueSlackMs;
  }

  private pollable(a: AccountRow, now: number): boolean {
    const status = statusAt(a, now);
    return (
      a.provider === 'instagram' && !!a.access_token_enc && (status === 'active' || status === 'expiring')
    );
  }

  private unavailable(a: AccountRow): string | null {
    if (a.provider !== 'instagram') return 'Chatrace connections have no Conversations API to import from';
    if (a.status === 'disconnected') return 'The account is disconnected; connect it again first';
    if (!a.access_token_enc || statusAt(a, this.clock()) === 'token_expired')
      return 'Instagram no longer accepts the account token; reconnect the account first';
    return null;
  }

  private async inWorkspace(workspaceId: string, id: string): Promise<AccountRow> {
    const account = await this.d.accounts.findInWorkspace(workspaceId, id);
    if (!account) throw errors.notFound('Account');
    return account;
  }
}

export function parsePollResult(json: string | null): PollResult | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as PollResult;
  } catch {
    return null;
  }
}
