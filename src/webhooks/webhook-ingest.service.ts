import type { IncomingHttpHeaders } from 'node:http';
import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { newId, nowIso } from '../db/ids.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { type ChatraceField, normalizeChatrace } from '../providers/chatrace/chatrace-inbound.js';
import { verifyMetaSignature } from '../providers/instagram/signature.js';
import { sha256Hex } from '../secrets.js';
import { CommitBatcher } from './commit-batcher.js';
import type { DeliveryRow, InsertResult, WebhookEventRepository } from './webhook-event.repository.js';

// Headers worth keeping for debugging. The Chatrace token and cookies are never stored.
const keptHeaders = [
  'content-type',
  'content-length',
  'user-agent',
  'x-hub-signature-256',
  'x-forwarded-for',
  'x-request-id',
];

export interface RawDelivery {
  body: Buffer;
  headers: IncomingHttpHeaders;
  ip: string;
}

export function chatraceOverrides(account: AccountRow): Partial<Record<ChatraceField, string>> | undefined {
  try {
    return (JSON.parse(account.settings) as { chatraceFieldMap?: Partial<Record<ChatraceField, string>> })
      .chatraceFieldMap;
  } catch {
    return undefined;
  }
}

/**
 * The acknowledged-means-stored path. A delivery is verified, then committed (batched per
 * event-loop turn) before the caller answers 200; processing is a job. Rejected attempts are
 * logged without their body, so nothing unverified is ever stored as trusted.
 */
export class WebhookIngestService {
  private readonly batcher: CommitBatcher<DeliveryRow, InsertResult>;
  /** deliveries accepted in the current 100 ms window, to tell a burst from normal traffic */
  private window = { start: 0, count: 0, previous: 0 };
  /** wakes the job worker once the batch that wrote its job has committed (batches commit one at a time) */
  private wake: (() => void) | null = null;
  /** process-deliveries jobs on their way to an external queue (BullMQ), awaited by drain() */
  private readonly enqueuing = new Set<Promise<void>>();

  constructor(
    private readonly repo: WebhookEventRepository,
    private readonly accounts: AccountRepository,
    private readonly queue: JobQueue,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly appSecret: string | undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.batcher = new CommitBatcher(
      (rows) => this.commitBatch(rows),
      (rows, results) => this.afterCommit(rows, results),
    );
  }

  /** deliveries of a committed batch that still need processing: one job for all of them */
  private toProcess(rows: DeliveryRow[], results: InsertResult[]): string[] {
    return rows.filter((r, i) => r.status === 'received' && !results[i]?.duplicate).map((r) => r.id);
  }

  /**
   * The embedded queue writes the job in the same transaction (one fsync per batch, and the job
   * exists exactly when its deliveries do). Other queues get it after the commit, not awaited by
   * the callers' 200s; the sweeper re-enqueues any delivery whose job is lost.
   */
  private commitBatch(rows: DeliveryRow[]): Promise<InsertResult[]> {
    this.wake = null;
    const outbox = this.queue.enqueueInTransaction?.bind(this.queue);
    if (!outbox) return this.repo.insertDeliveries(rows);
    return this.repo.insertDeliveries(rows, async (trx, results) => {
      const deliveryIds = this.toProcess(rows, results);
      if (deliveryIds.length)
        this.wake = (await outbox(trx, 'process-deliveries', { deliveryIds })).committed;
    });
  }

  private afterCommit(rows: DeliveryRow[], results: InsertResult[]): void {
    if (this.queue.enqueueInTransaction) {
      this.wake?.();
      this.wake = null;
      return;
    }
    const deliveryIds = this.toProcess(rows, results);
    if (deliveryIds.length === 0) return;
    const enqueued = this.queue
      .enqueue('process-deliveries', { deliveryIds })
      .then(
        () => undefined,
        (err) =>
          this.log.warn({ err, deliveries: deliveryIds.length }, 'enqueue failed; the sweeper will retry'),
      )
      .finally(() => this.enqueuing.delete(enqueued));
    this.enqueuing.add(enqueued);
  }

  async acceptMeta(raw: RawDelivery): Promise<InsertResult> {
    if (!this.appSecret) {
      await this.reject(raw, 'meta', 'INSTAGRAM_APP_SECRET is not set, so the signature cannot be checked');
      throw errors.notConfigured('INSTAGRAM_APP_SECRET');
    }
    const sig = verifyMetaSignature(raw.body, header(raw.headers, 'x-hub-signature-256'), this.appSecret);
    if (!sig.valid) {
      const why = {
        missing: 'The X-Hub-Signature-256 header is missing',
        malformed: 'The X-Hub-Signature-256 header is not of the form sha256=<hex>',
        mismatch: 'The signature does not match the body (wrong app secret, or the body was altered)',
      }[sig.reason];
      await this.reject(raw, 'meta', why, 'signature_invalid');
      throw errors.signatureInvalid(why);
    }
    if (!isJson(raw.body)) {
      await this.reject(raw, 'meta', 'The body is not valid JSON', 'invalid_json', true);
      throw errors.invalidJson();
    }
    return this.store(raw, 'meta', null);
  }

  async acceptChatrace(raw: RawDelivery, token: string | undefined): Promise<InsertResult> {
    if (!token) {
      await this.reject(raw, 'chatrace', 'No connection token', 'webhook_token_missing');
      throw errors.unauthorizedWith(
        'webhook_token_missing',
        'Send the connection token in X-Relaydesk-Token or ?token=',
      );
    }
    const account = await this.accounts.findByWebhookTokenHash(sha256Hex(token));
    if (!account || account.status === 'disconnected') {
      await this.reject(raw, 'chatrace', 'Unknown or disconnected connection token', 'webhook_token_invalid');
      throw errors.unauthorizedWith(
        'webhook_token_invalid',
        'The connection token is unknown or disconnected',
      );
    }
    let body: unknown;
    try {
      body = parseChatraceBody(raw);
    } catch {
      await this.reject(raw, 'chatrace', 'The body is not valid JSON', 'invalid_json', true, account);
      throw errors.invalidJson();
    }
    const normalized = normalizeChatrace(body, chatraceOverrides(account));
    if (!normalized.ok) {
      // Kept (authenticated bytes): after a field-mapping fix the delivery can be replayed.
      const found = normalized.found.join(', ') || 'none of the known fields';
      const message = `Missing ${normalized.missing.join(' and ')}; found ${found}`;
      const stored = await this.store(raw, 'chatrace', account, { status: 'failed', error: message });
      throw errors.unprocessable('chatrace_fields_missing', message, {
        found: normalized.found,
        missing: normalized.missing,
        deliveryId: stored.id,
      });
    }
    return this.store(raw, 'chatrace', account);
  }

  /**
   * During a burst (over 500 deliveries/s) acknowledging comes first: Meta gives a delivery a few
   * seconds before it counts as failed, while processing can run a moment later from the stored
   * rows. Waits until the burst ends or the deadline passes, so processing lags by a bounded time.
   */
  async yieldToBurst(deadline: number): Promise<void> {
    while (this.inBurst() && this.clock() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  inBurst(): boolean {
    const age = this.clock() - this.window.start;
    // The window just finished counts too, so a fresh window's first milliseconds are not a lull.
    return age < 200 && Math.max(this.window.count, age < 100 ? this.window.previous : 0) > 50;
  }

  private countArrival(): void {
    const now = this.clock();
    if (now - this.window.start >= 100) {
      const previous = now - this.window.start < 200 ? this.window.count : 0;
      this.window = { start: now, count: 0, previous };
    }
    this.window.count++;
  }

  /**
   * Shutdown: every accepted delivery committed and its job handed to the queue. Without waiting
   * for the enqueues, a SIGTERM would leave the last batches to the sweeper, a minute or more later.
   */
  async drain(): Promise<void> {
    await this.batcher.drain();
    await Promise.all([...this.enqueuing]);
  }

  private async store(
    raw: RawDelivery,
    source: DeliveryRow['source'],
    account: AccountRow | null,
    outcome: { status: DeliveryRow['status']; error: string } | null = null,
  ): Promise<InsertResult> {
    const sha = sha256Hex(raw.body);
    const row = this.row(raw, source, {
      dedupe_key: `${source}:${account?.id ?? ''}:${sha}`,
      body_sha256: sha,
      body: raw.body.toString('utf8'),
      signature_valid: 1,
      status: outcome?.status ?? 'received',
      error: outcome?.error ?? null,
      workspace_id: account?.workspace_id ?? null,
      account_id: account?.id ?? null,
    });
    this.countArrival();
    const res = await this.batcher.add(row);
    this.metrics.deliveries.inc({
      source,
      result: res.duplicate ? 'duplicate' : (outcome?.status ?? 'stored'),
    });
    return res;
  }

  private async reject(
    raw: RawDelivery,
    source: DeliveryRow['source'],
    error: string,
    result = 'not_configured',
    keepBody = false,
    account: AccountRow | null = null,
  ): Promise<void> {
    this.metrics.deliveries.inc({ source, result });
    this.log.warn({ source, result, ip: raw.ip, bytes: raw.body.length }, 'webhook delivery rejected');
    const row = this.row(raw, source, {
      dedupe_key: null,
      body_sha256: sha256Hex(raw.body),
      body: keepBody ? raw.body.toString('utf8') : null,
      signature_valid: 0,
      status: 'rejected',
      error,
      workspace_id: account?.workspace_id ?? null,
      account_id: account?.id ?? null,
    });
    await this.batcher.add(row);
  }

  private row(raw: RawDelivery, source: DeliveryRow['source'], rest: Partial<DeliveryRow>): DeliveryRow {
    const headers = Object.fromEntries(
      keptHeaders.filter((h) => raw.headers[h]).map((h) => [h, header(raw.headers, h)]),
    );
    return {
      id: newId(),
      source,
      received_at: nowIso(this.clock),
      body_size: raw.body.length,
      headers: JSON.stringify({ ...headers, 'x-client-ip': raw.ip }),
      event_count: 0,
      duplicate_count: 0,
      attempts: 0,
      processed_at: null,
      dedupe_key: null,
      body_sha256: '',
      body: null,
      signature_valid: 0,
      status: 'received',
      error: null,
      workspace_id: null,
      account_id: null,
      ...rest,
    };
  }
}

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Chatrace's External Request can send JSON or a form; both become an object */
function parseChatraceBody(raw: RawDelivery): unknown {
  const type = header(raw.headers, 'content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw.body.toString('utf8')));
  }
  return JSON.parse(raw.body.toString('utf8'));
}
