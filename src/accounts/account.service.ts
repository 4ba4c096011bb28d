import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import { validateChatraceOverrides } from '../providers/chatrace/chatrace-inbound.js';
import { graphToAppError } from '../providers/instagram/graph-app-error.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import { GraphError } from '../providers/instagram/graph-errors.js';
import type { Secrets } from '../secrets.js';
import type { AccountRepository, AccountRow } from './account.repository.js';
import { refreshDue, statusAt } from './account-status.js';

/** Account lifecycle: listing, disconnecting, token refresh and status changes. */
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly graph: GraphClient,
    private readonly secrets: Secrets,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async list(workspaceId: string): Promise<AccountRow[]> {
    const rows = await this.accounts.listByWorkspace(workspaceId);
    return rows.map((r) => ({ ...r, status: statusAt(r, this.clock()) }));
  }

  async get(workspaceId: string, id: string): Promise<AccountRow> {
    const row = await this.accounts.findInWorkspace(workspaceId, id);
    if (!row) throw errors.notFound('Account');
    return { ...row, status: statusAt(row, this.clock()) };
  }

  /** unsubscribes webhooks (best effort: a revoked token cannot) and keeps all history */
  async disconnect(workspaceId: string, id: string): Promise<AccountRow> {
    const row = await this.get(workspaceId, id);
    if (row.provider === 'instagram' && row.access_token_enc && row.status !== 'token_expired') {
      try {
        await this.graph.unsubscribeApp({
          accessToken: this.secrets.decrypt(row.access_token_enc),
          igUserId: row.external_id,
        });
      } catch (err) {
        this.log.warn(
          { accountId: id, err: (err as Error).message },
          'could not unsubscribe webhooks; disconnecting anyway',
        );
      }
    }
    return this.setStatus(row, 'disconnected', { webhook_fields: JSON.stringify([]) });
  }

  async updateChatraceFieldMap(
    workspaceId: string,
    id: string,
    map: Record<string, string>,
  ): Promise<AccountRow> {
    const row = await this.get(workspaceId, id);
    if (row.provider !== 'chatrace')
      throw errors.validation('Field mapping applies to Chatrace connections only');
    const problems = validateChatraceOverrides(map);
    if (problems.length)
      throw errors.validation(`Invalid field mapping: ${problems.join('; ')}`, { problems });
    const settings = { ...JSON.parse(row.settings), chatraceFieldMap: map };
    await this.accounts.update(id, {
      settings: JSON.stringify(settings),
      updated_at: new Date(this.clock()).toISOString(),
    });
    return { ...row, settings: JSON.stringify(settings) };
  }

  /**
   * Exchanges the token for a fresh 60-day one. A refusal keeps the old token (it may still work
   * until it expires) and is recorded on the account; a token error marks it token_expired.
   */
  async refreshToken(row: AccountRow): Promise<AccountRow> {
    if (row.provider !== 'instagram' || !row.access_token_enc)
      throw errors.validation('Only Instagram tokens are refreshed');
    try {
      const fresh = await this.graph.refreshLongLivedToken(this.secrets.decrypt(row.access_token_enc));
      const now = new Date(this.clock()).toISOString();
      const patch = {
        access_token_enc: this.secrets.encrypt(fresh.accessToken),
        token_expires_at: fresh.expiresAt,
        token_issued_at: now,
        last_error: null,
      };
      await this.accounts.update(row.id, { ...patch, updated_at: now });
      const next = { ...row, ...patch };
      return this.setStatus(next, statusAt({ ...next, status: 'active' }, this.clock()));
    } catch (err) {
      const reason = `Token refresh failed: ${err instanceof GraphError ? (err.graphMessage ?? err.message) : (err as Error).message}`;
      this.log.warn({ accountId: row.id, reason }, 'token refresh failed');
      const revoked = err instanceof GraphError && err.kind === 'token_invalid';
      await this.setStatus(row, revoked ? 'token_expired' : statusAt(row, this.clock()), {
        last_error: reason,
      });
      throw graphToAppError(err);
    }
  }

  async refreshOne(workspaceId: string, id: string): Promise<AccountRow> {
    return this.refreshToken(await this.get(workspaceId, id));
  }

  /** daily job: refresh what is due, and move every account to the status its expiry implies */
  async refreshAll(): Promise<{ refreshed: number; failed: number }> {
    let refreshed = 0;
    let failed = 0;
    for (const row of await this.accounts.listByProvider('instagram')) {
      if (refreshDue(row, this.clock())) {
        try {
          await this.refreshToken(row);
          refreshed++;
        } catch {
          failed++;
        }
      } else {
        await this.setStatus(row, statusAt(row, this.clock()));
      }
    }
    return { refreshed, failed };
  }

  /**
   * Meta (or Chatrace) refused the stored token while sending, importing or publishing: the
   * account shows token_expired until it is reconnected, and the dashboard hears about it.
   */
  async tokenRejected(row: AccountRow, reason: string): Promise<void> {
    if (row.status === 'token_expired' || row.status === 'disconnected') return;
    await this.setStatus(row, 'token_expired', { last_error: reason.slice(0, 500) });
  }

  private async setStatus(
    row: AccountRow,
    status: AccountRow['status'],
    extra: Partial<AccountRow> = {},
  ): Promise<AccountRow> {
    const now = new Date(this.clock()).toISOString();
    const changed = row.status !== status;
    const patch: Partial<AccountRow> = { ...extra, status, updated_at: now };
    if (changed) patch.status_changed_at = now;
    const data = { id: row.id, status, previous: row.status };
    // the outbound event in the same commit as the change (an outbox): a crash cannot lose it
    const staged = await this.accounts.transaction(async (trx) => {
      await this.accounts.update(row.id, patch, trx);
      if (!changed) return null;
      return this.bus.toWebhooksIn(trx, row.workspace_id, {
        type: 'account.status_changed',
        data,
        eventId: `status:${row.id}:${now}`,
      });
    });
    await staged?.committed();
    if (changed) {
      this.log.info({ accountId: row.id, from: row.status, to: status }, 'account status changed');
      this.bus.publish(row.workspace_id, 'account.status_changed', data);
    }
    return { ...row, ...patch };
  }
}
