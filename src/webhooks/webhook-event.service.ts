import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { newId, nowIso } from '../db/ids.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { chatraceToEvent, normalizeChatrace } from '../providers/chatrace/chatrace-inbound.js';
import type { ParsedEvent } from '../providers/instagram/webhook-event.js';
import { parseMetaDelivery } from '../providers/instagram/webhook-parser.js';
import { sha256Hex } from '../secrets.js';
import type { InboundEventConsumer } from './inbound-event-consumer.js';
import type { DeliveryRow, EventRow, WebhookEventRepository } from './webhook-event.repository.js';
import { chatraceOverrides } from './webhook-ingest.service.js';

const sourceOf = { instagram: 'meta', chatrace: 'chatrace' } as const;

/**
 * Turns stored deliveries into routed events and hands them to the consumers. Everything here
 * runs in jobs and is idempotent: events are unique by event_key, so processing a delivery
 * twice (retry, replay, sweeper) never stores or dispatches an event twice as new.
 */
export class WebhookEventService {
  constructor(
    private readonly repo: WebhookEventRepository,
    private readonly accounts: AccountRepository,
    private readonly queue: JobQueue,
    private readonly consumers: InboundEventConsumer[],
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async processDelivery(deliveryId: string): Promise<void> {
    const d = await this.repo.findDelivery(deliveryId);
    if (!d || d.body === null || d.signature_valid !== 1) return;
    await this.repo.updateDelivery(d.id, { attempts: d.attempts + 1 });
    const parsed = await this.parse(d);
    if ('error' in parsed) {
      await this.repo.updateDelivery(d.id, {
        status: 'failed',
        error: parsed.error,
        processed_at: nowIso(this.clock),
      });
      return;
    }
    let rows: EventRow[];
    try {
      rows = await this.toRows(d, parsed.events);
    } catch (err) {
      // e.g. a payload nested too deeply to serialize: a property of these bytes, so no retry helps
      const error = `The delivery could not be split into events: ${(err as Error).message}`;
      await this.repo.updateDelivery(d.id, { status: 'failed', error, processed_at: nowIso(this.clock) });
      return;
    }
    await this.repo.insertEvents(rows);
    for (const r of rows) this.metrics.events.inc({ kind: r.kind, status: r.status });
    await this.dispatchPending(d.id);
  }

  /** an account was connected: its earlier events are routed and processed now */
  async routeUnrouted(accountId: string): Promise<number> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.status === 'disconnected') return 0;
    const deliveries = await this.repo.claimUnrouted(
      sourceOf[account.provider],
      account.external_id,
      account.id,
      account.workspace_id,
    );
    for (const id of deliveries) await this.dispatchPending(id);
    if (deliveries.length)
      this.log.info({ accountId, deliveries: deliveries.length }, 'routed earlier events');
    return deliveries.length;
  }

  /**
   * Re-enqueues accepted deliveries whose processing never finished (a lost job, a crash between
   * commit and enqueue). Safe at any age: the enqueue is unique per delivery and processing is
   * idempotent, so at start-up it runs with no age limit.
   */
  async sweep(olderThanMs = 60_000, limit = 1_000): Promise<number> {
    const ids = await this.repo.stalledDeliveries(new Date(this.clock() - olderThanMs).toISOString(), limit);
    for (const id of ids)
      await this.queue.enqueue('process-delivery', { deliveryId: id }, { uniqueKey: `delivery:${id}` });
    return ids.length;
  }

  async replay(deliveryId: string, scope: { workspaceId: string; isAdmin: boolean }) {
    const d = await this.repo.findVisibleDelivery(deliveryId, scope);
    if (!d) throw errors.notFound('Delivery');
    if (d.body === null || d.signature_valid !== 1) {
      throw errors.conflict(
        'delivery_not_replayable',
        'A rejected delivery has no trusted body to process again',
      );
    }
    await this.repo.updateDelivery(d.id, { status: 'received', error: null });
    const jobId = await this.queue.enqueue(
      'process-delivery',
      { deliveryId: d.id },
      { uniqueKey: `delivery:${d.id}` },
    );
    return { id: d.id, jobId, status: 'queued' as const };
  }

  private async parse(d: DeliveryRow): Promise<{ events: ParsedEvent[] } | { error: string }> {
    let body: unknown;
    try {
      body = JSON.parse(d.body ?? '');
    } catch {
      return { error: 'The body is not valid JSON' };
    }
    if (d.source === 'meta') {
      const parsed = parseMetaDelivery(body, d.received_at);
      return parsed.object === null ? { error: parsed.problems.join('; ') } : { events: parsed.events };
    }
    const account = d.account_id ? await this.accounts.findById(d.account_id) : undefined;
    if (!account) return { error: 'The Chatrace connection of this delivery no longer exists' };
    const res = normalizeChatrace(body, chatraceOverrides(account));
    if (!res.ok)
      return { error: `Missing ${res.missing.join(', ')} (found: ${res.found.join(', ') || 'nothing'})` };
    return { events: [chatraceToEvent(res.message, account.external_id, d.received_at)] };
  }

  private async toRows(d: DeliveryRow, events: ParsedEvent[]): Promise<EventRow[]> {
    const cache = new Map<string, AccountRow | undefined>();
    const rows: EventRow[] = [];
    for (const [seq, e] of events.entries()) {
      const ext = e.accountExternalId;
      const provider = d.source === 'meta' ? 'instagram' : 'chatrace';
      if (ext && !cache.has(ext)) cache.set(ext, await this.accounts.findConnected(provider, ext));
      const account = ext ? cache.get(ext) : undefined;
      const payload = JSON.stringify(e.payload);
      rows.push({
        id: newId(),
        delivery_id: d.id,
        seq,
        source: d.source,
        kind: e.kind,
        field: e.field,
        external_account_id: ext,
        account_id: account?.id ?? null,
        workspace_id: account?.workspace_id ?? null,
        // Chatrace messages dedupe by message id (a re-sent External Request has new bytes);
        // Meta events by their exact content, which is identical in a redelivered batch.
        event_key:
          d.source === 'chatrace'
            ? `chatrace:${ext}:${e.externalId}`
            : `meta:${sha256Hex(`${ext}|${e.kind}|${payload}`)}`,
        external_id: e.externalId,
        sender_id: e.senderId,
        occurred_at: e.occurredAt,
        payload,
        status: account ? 'pending' : 'unrouted',
        error: null,
        processed_at: null,
        created_at: nowIso(this.clock),
      });
    }
    return rows;
  }

  /** hands the delivery's pending (or earlier failed) events to the consumers, per account */
  private async dispatchPending(deliveryId: string): Promise<void> {
    const events = await this.repo.eventsOfDelivery(deliveryId);
    const todo = events.filter((e) => e.status === 'pending' || e.status === 'failed');
    const byAccount = new Map<string, EventRow[]>();
    for (const e of todo)
      byAccount.set(e.account_id ?? '', [...(byAccount.get(e.account_id ?? '') ?? []), e]);
    let failure: Error | null = null;
    for (const [accountId, list] of byAccount) {
      const account = await this.accounts.findById(accountId);
      if (!account) continue;
      const ids = list.map((e) => e.id);
      try {
        for (const c of this.consumers) await c.handle(list, account);
        await this.repo.setEventStatus(ids, 'processed', null, nowIso(this.clock));
      } catch (err) {
        failure = err as Error;
        await this.repo.setEventStatus(ids, 'failed', failure.message, null);
      }
    }
    await this.summarize(deliveryId);
    // Thrown after recording, so the job retries with backoff and the log shows why meanwhile.
    if (failure) throw failure;
  }

  private async summarize(deliveryId: string): Promise<void> {
    const events = await this.repo.eventsOfDelivery(deliveryId);
    const has = (s: EventRow['status']) => events.some((e) => e.status === s);
    const status = has('failed')
      ? 'failed'
      : has('unrouted')
        ? 'unrouted'
        : has('pending')
          ? 'received'
          : 'processed';
    const workspaces = new Set(events.map((e) => e.workspace_id));
    const accounts = new Set(events.map((e) => e.account_id));
    const only = <T>(s: Set<T>) => (s.size === 1 ? [...s][0] : null);
    const error = events.find((e) => e.status === 'failed')?.error ?? null;
    const patch: Partial<DeliveryRow> = {
      status,
      error,
      event_count: events.length,
      processed_at: nowIso(this.clock),
    };
    if (only(workspaces)) patch.workspace_id = only(workspaces) ?? null;
    if (only(accounts)) patch.account_id = only(accounts) ?? null;
    await this.repo.updateDelivery(deliveryId, patch);
  }
}
