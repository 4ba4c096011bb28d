import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AuthContext } from '../auth/session-token.js';
import { newId } from '../db/ids.js';
import type { Database, OutboundDeliveryStatus } from '../db/schema.js';
import { errors } from '../errors.js';
import { backoffDelay, type JobQueue, type RetryPolicy } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { Secrets } from '../secrets.js';
import type {
  OutboundDeliveryRow,
  OutboundWebhookRepository,
  OutboundWebhookRow,
} from './outbound-webhook.repository.js';
import type {
  CreateOutboundWebhook,
  OutboundEventType,
  PatchOutboundWebhook,
} from './outbound-webhook.schema.js';
import { type OutboundEvent, OutboundOutbox, type Staged } from './outbound-webhook-outbox.js';
import { signatureHeader } from './outbound-webhook-signature.js';

export type { OutboundEvent, Staged };

/**
 * 14 runs, 30 s doubling, capped at 5 h: retries come after 30 s, 1 m, 2 m … 2.1 h, 4.3 h, then
 * 5 h three times — about 23.5 h in all, so a receiver that is down for a day misses nothing
 * that it cannot redeliver from the log.
 */
export const OUTBOUND_RETRY: RetryPolicy = { attempts: 14, backoffMs: 30_000, maxBackoffMs: 5 * 3_600_000 };
export const DELIVERY_TIMEOUT_MS = 10_000;
/** how much of a failing receiver's answer the log keeps */
const ERROR_BODY_CHARS = 200;

export class OutboundWebhookService {
  readonly outbox: OutboundOutbox;

  constructor(
    private readonly repo: OutboundWebhookRepository,
    private readonly secrets: Secrets,
    private readonly queue: Pick<JobQueue, 'enqueue' | 'enqueueInTransaction'>,
    private readonly log: Logger,
    private readonly clock: () => number,
    private readonly fetchFn: typeof fetch = globalThis.fetch,
  ) {
    this.outbox = new OutboundOutbox(repo, queue, log, clock);
  }

  /** the secret is returned here once and stored only encrypted */
  async create(auth: AuthContext, input: CreateOutboundWebhook) {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const now = this.clock();
    const at = new Date(now).toISOString();
    const row: OutboundWebhookRow = {
      id: newId(now),
      workspace_id: auth.workspaceId,
      url: input.url,
      secret_enc: this.secrets.encrypt(secret),
      event_types: JSON.stringify(input.eventTypes),
      is_active: 1,
      created_at: at,
      updated_at: at,
    };
    await this.repo.insert(row);
    this.log.info(
      { webhookId: row.id, origin: new URL(row.url).origin, eventTypes: input.eventTypes },
      'outbound webhook created',
    );
    return { row, secret };
  }

  async list(workspaceId: string, q: { cursor?: string; limit: number }) {
    const rows = await this.repo.page(workspaceId, { before: q.cursor, limit: q.limit + 1 });
    return pageOf(rows, q.limit);
  }

  async update(auth: AuthContext, id: string, patch: PatchOutboundWebhook): Promise<OutboundWebhookRow> {
    await this.get(auth.workspaceId, id);
    await this.repo.update(auth.workspaceId, id, {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.eventTypes !== undefined ? { event_types: JSON.stringify(patch.eventTypes) } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive ? 1 : 0 } : {}),
      updated_at: new Date(this.clock()).toISOString(),
    });
    return this.get(auth.workspaceId, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.get(auth.workspaceId, id);
    await this.repo.delete(auth.workspaceId, id);
    this.log.info({ webhookId: id, workspaceId: auth.workspaceId }, 'outbound webhook deleted');
  }

  async deliveries(
    workspaceId: string,
    webhookId: string,
    q: { status?: OutboundDeliveryStatus; cursor?: string; limit: number },
  ) {
    await this.get(workspaceId, webhookId);
    const rows = await this.repo.deliveries(workspaceId, webhookId, {
      status: q.status,
      before: q.cursor,
      limit: q.limit + 1,
    });
    return pageOf(rows, q.limit);
  }

  /** back to pending and queued again, whatever happened before (a fresh retry budget) */
  async redeliver(auth: AuthContext, deliveryId: string): Promise<OutboundDeliveryRow> {
    const row = await this.repo.findDeliveryIn(auth.workspaceId, deliveryId);
    if (!row) throw errors.notFound('Delivery');
    await this.repo.updateDelivery(deliveryId, {
      status: 'pending',
      delivered_at: null,
      next_attempt_at: new Date(this.clock()).toISOString(),
    });
    await this.queue.enqueue(
      'deliver-outbound-webhook',
      { deliveryId },
      { uniqueKey: `outbound:${deliveryId}` },
    );
    return { ...row, status: 'pending', delivered_at: null };
  }

  emit(workspaceId: string, type: OutboundEventType, data: unknown, eventId: string): Promise<void> {
    return this.outbox.emitMany(workspaceId, [{ type, data, eventId }]);
  }

  emitMany(workspaceId: string, events: readonly OutboundEvent[]): Promise<void> {
    return this.outbox.emitMany(workspaceId, events);
  }

  /** deliveries written inside the caller's transaction (see OutboundOutbox) */
  stage(trx: Transaction<Database>, workspaceId: string, events: readonly OutboundEvent[]): Promise<Staged> {
    return this.outbox.stage(trx, workspaceId, events);
  }

  /**
   * One POST. 2xx → delivered. Anything else is recorded and thrown so the job retries; on the
   * last attempt (`attempt` ≥ OUTBOUND_RETRY.attempts) the row becomes `failed` instead.
   */
  async deliver(deliveryId: string, attempt: number): Promise<void> {
    const d = await this.repo.findDelivery(deliveryId);
    // Delivered already (a duplicate job) or failed and not redelivered: nothing to do.
    if (d?.status !== 'pending') return;
    const hook = await this.repo.findById(d.webhook_id);
    if (hook?.is_active !== 1) {
      await this.repo.updateDelivery(d.id, {
        status: 'failed',
        last_error: 'the subscription is paused',
        next_attempt_at: null,
      });
      return;
    }
    const final = attempt >= OUTBOUND_RETRY.attempts;
    const log = this.log.child({ deliveryId, webhookId: hook.id, attempt });
    let statusCode: number | null = null;
    let error: string;
    try {
      const res = await this.fetchFn(hook.url, {
        method: 'POST',
        body: d.body,
        // A redirect is an answer, not a success: following it would send the event elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Relaydesk-Webhooks/1',
          'x-relaydesk-event': d.event_type,
          'x-relaydesk-delivery': d.id,
          'x-relaydesk-signature': signatureHeader(
            this.secrets.decrypt(hook.secret_enc),
            d.body,
            this.clock(),
          ),
        },
      });
      statusCode = res.status;
      const text = await res.text().catch(() => '');
      if (res.ok) {
        await this.repo.updateDelivery(d.id, {
          status: 'delivered',
          attempts: d.attempts + 1,
          last_status_code: statusCode,
          last_error: null,
          delivered_at: new Date(this.clock()).toISOString(),
          next_attempt_at: null,
        });
        log.info({ statusCode }, 'outbound webhook delivered');
        return;
      }
      error = `HTTP ${statusCode}${text ? `: ${text.slice(0, ERROR_BODY_CHARS)}` : ''}`;
    } catch (err) {
      error = describeFetchError(err);
    }
    // The queue retries after at most this long (backoff with its jitter at the top): past it,
    // the sweeper takes the job for lost.
    const retryBy = this.clock() + backoffDelay(OUTBOUND_RETRY, attempt, () => 1);
    await this.repo.updateDelivery(d.id, {
      status: final ? 'failed' : 'pending',
      attempts: d.attempts + 1,
      last_status_code: statusCode,
      last_error: error,
      next_attempt_at: final ? null : new Date(retryBy).toISOString(),
    });
    log.warn({ statusCode, error, final }, 'outbound webhook delivery failed');
    if (!final) throw new Error(`outbound webhook delivery failed: ${error}`);
  }

  private async get(workspaceId: string, id: string): Promise<OutboundWebhookRow> {
    const row = await this.repo.find(workspaceId, id);
    if (!row) throw errors.notFound('Outbound webhook');
    return row;
  }
}

function pageOf<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}

/** fetch's own errors say "fetch failed"; the cause says why (ECONNREFUSED, timeout, TLS…) */
function describeFetchError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err)).slice(0, ERROR_BODY_CHARS);
}
