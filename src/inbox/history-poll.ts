import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { Logger } from '../logger.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import { GraphError } from '../providers/instagram/graph-errors.js';
import type { Conversation } from '../providers/instagram/graph-message-schemas.js';
import type { Secrets } from '../secrets.js';
import type { HistoryRepository } from './history.repository.js';
import { type Cutoff, customerOf, splitAtCutoff, threadToOps } from './history-op.js';
import { graphTimeMs, hasNews, Pacer, type Sleep } from './history-pace.js';
import type { InboxIngestService } from './inbox-ingest.service.js';
import type { InboxOp } from './inbox-op.js';
import type { MessageRow } from './message.repository.js';

/** what `accounts.last_poll_result` holds */
export interface PollResult {
  at: string;
  /** conversations of Graph's newest page compared with what is stored */
  checked: number;
  /** of those, threads whose messages were read */
  fetched: number;
  /** messages stored that were not stored before */
  imported: number;
  /** messages older than gapAgeMs that no webhook had delivered */
  gap: boolean;
  error?: string;
  /** GraphError kind (rate_limited, token_invalid, transient…) or internal */
  errorKind?: string;
}

/** a missing message this much older than the poll was not merely still on its way */
export const gapAgeMs = 2 * 60_000;

export interface PollDeps {
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  secrets: Secrets;
  ingest: InboxIngestService;
  log: Logger;
  clock: () => number;
  sleep: Sleep;
  pageSize: number;
}

export function graphAuth(secrets: Secrets, account: AccountRow): GraphAuth {
  return { accessToken: secrets.decrypt(account.access_token_enc as string), igUserId: account.external_id };
}

/** logs a failure, marks a rejected token, and says what went wrong (Graph messages are token-free) */
export async function reportFailure(
  d: Pick<PollDeps, 'log' | 'accountService'>,
  account: AccountRow,
  err: unknown,
  what: string,
): Promise<{ message: string; kind: string }> {
  const kind = err instanceof GraphError ? err.kind : 'internal';
  const message = err instanceof Error ? err.message : String(err);
  d.log.warn({ accountId: account.id, kind, err: message }, `${what} failed`);
  if (err instanceof GraphError && err.kind === 'token_invalid')
    await d.accountService.tokenRejected(account, message);
  return { message, kind };
}

/**
 * Stores what was read through the Conversations API: what happened before the cutoff as read
 * history, the rest as news a webhook would have brought (unread, and answered by automation).
 * Returns how many messages were new to the inbox, and which of them were news.
 */
export async function storeRead(
  ingest: InboxIngestService,
  account: AccountRow,
  ops: InboxOp[],
  cutoff: Cutoff,
  conversationIds: Map<string, string>,
): Promise<{ imported: number; news: MessageRow[] }> {
  const { history, fresh } = splitAtCutoff(ops, cutoff);
  let imported = 0;
  if (history.length > 0)
    imported += (await ingest.apply(account, history, { history: true, conversationIds })).created.length;
  const news = fresh.length > 0 ? (await ingest.apply(account, fresh, { conversationIds })).created : [];
  return { imported: imported + news.length, news };
}

/**
 * Missed-message recovery for one account: compare Graph's newest conversations with the stored
 * ones and read only the threads that changed. Never throws: the outcome is recorded on the account.
 */
export class ConversationPoller {
  /** per account: Graph conversation id → the updated_time whose messages were already read */
  private readonly checked = new Map<string, Map<string, number>>();

  constructor(
    private readonly d: PollDeps,
    private readonly repo: HistoryRepository,
  ) {}

  async poll(account: AccountRow): Promise<PollResult> {
    const started = this.d.clock();
    const result: PollResult = {
      at: new Date(started).toISOString(),
      checked: 0,
      fetched: 0,
      imported: 0,
      gap: false,
    };
    // Our own sends are stored a moment before Meta timestamps them, so a thread can look newer
    // than what is stored with nothing to import; remembering what was read avoids re-reading it.
    const known = this.checked.get(account.id) ?? new Map<string, number>();
    const next = new Map<string, number>();
    try {
      const auth = graphAuth(this.d.secrets, account);
      const pacer = new Pacer(this.d.clock, this.d.sleep);
      await pacer.wait();
      const page = await this.d.graph.listConversations(auth, { limit: this.d.pageSize });
      const threads = page.items.flatMap((c) => {
        const igsid = customerOf(c.participants, account);
        return igsid ? [{ c, igsid }] : [];
      });
      result.checked = threads.length;
      const stored = await this.repo.threads(
        account.id,
        threads.map((t) => t.igsid),
      );
      for (const { c, igsid } of threads) {
        const readUpTo = known.get(c.id);
        if (readUpTo !== undefined) next.set(c.id, readUpTo);
        const last = stored.get(igsid)?.lastMessageAt ?? null;
        if (!hasNews(c.updatedTime, last, readUpTo, account.backfilled_at as string)) continue;
        await pacer.wait();
        const thread = await this.d.graph.getConversationMessages(auth, c.id);
        result.fetched++;
        const applied = await this.apply(account, thread, igsid);
        result.imported += applied.imported;
        if (applied.oldestMissed !== null && applied.oldestMissed < started - gapAgeMs) result.gap = true;
        const updated = graphTimeMs(c.updatedTime);
        if (updated !== null) next.set(c.id, updated);
      }
    } catch (err) {
      // Rate limit: this account waits for the next round; the others carry on.
      const { message, kind } = await reportFailure(this.d, account, err, 'conversation poll');
      result.error = message;
      result.errorKind = kind;
    }
    this.checked.set(account.id, next);
    await this.record(account, result);
    return result;
  }

  /**
   * Applies one polled thread. What predates the history import is history (it was there before
   * the import, beyond its reach); the rest are messages webhooks should have delivered.
   */
  private async apply(account: AccountRow, thread: Conversation, igsid: string) {
    const ops = threadToOps(thread.messages, account.external_id, igsid);
    const conversationIds = new Map([[igsid, thread.id]]);
    // The import stored what it saw of the second it began in; what it did not see came later.
    const cutoff: Cutoff = { at: Date.parse(account.backfilled_at as string), sameSecond: 'news' };
    const { imported, news } = await storeRead(this.d.ingest, account, ops, cutoff, conversationIds);
    let oldestMissed: number | null = null;
    for (const m of news) {
      const t = Date.parse(m.created_at);
      if (oldestMissed === null || t < oldestMissed) oldestMissed = t;
    }
    return { imported, oldestMissed };
  }

  private async record(account: AccountRow, result: PollResult): Promise<void> {
    const patch: Partial<AccountRow> = { last_poll_at: result.at, last_poll_result: JSON.stringify(result) };
    if (result.gap) {
      patch.webhook_gap_at = result.at;
      this.d.log.warn(
        { accountId: account.id, imported: result.imported },
        'webhooks are failing for this account: the poll found messages they never delivered',
      );
    }
    await this.d.accounts.update(account.id, patch);
  }
}
