import { createHmac } from 'node:crypto';
import type { SimAccount } from './types.js';

// Deliveries out, the way Meta sends them: one JSON object per POST, signed with
// `X-Hub-Signature-256: sha256=<HMAC-SHA256 hex of the raw body keyed with the app secret>`
// (and the legacy sha1 `X-Hub-Signature`), only for fields the account subscribed to, retried
// with backoff when the receiver does not answer 2xx (Meta keeps trying for up to 36 h).
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started

const MAX_LOG = 2000;

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  id: string;
  field: string;
  accountId: string;
  /** the exact bytes sent (and signed) */
  body: string;
  signature256: string;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  /** why it was skipped: no URL configured, or the account is not subscribed to the field */
  reason?: 'no_webhook_url' | 'not_subscribed';
  attempts: DeliveryAttempt[];
  createdAt: number;
}

export interface WebhookOptions {
  url?: string;
  appSecret: string;
  /** waits between attempts (default 1 s, 5 s, 30 s, 2 min) */
  retryDelaysMs?: number[];
  /** per-attempt timeout (default 10 s) */
  timeoutMs?: number;
  /** deliver only subscribed fields, as Meta does (default true) */
  requireSubscription?: boolean;
}

export class WebhookOutbox {
  private url: string | undefined;
  private appSecret: string;
  private readonly log: WebhookDelivery[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private seq = 0;
  private stopped = false;

  constructor(
    private readonly clock: () => number,
    private readonly opts: WebhookOptions,
  ) {
    this.url = opts.url;
    this.appSecret = opts.appSecret;
  }

  configure(update: { url?: string | null; appSecret?: string }): void {
    if (update.url !== undefined) this.url = update.url ?? undefined;
    if (update.appSecret !== undefined) this.appSecret = update.appSecret;
  }

  get config() {
    return { url: this.url ?? null, appSecretSet: this.appSecret.length > 0 };
  }

  /** Queues one delivery of `payload` for `field` of `account`; sending happens asynchronously. */
  emit(account: SimAccount, field: string, payload: unknown): WebhookDelivery {
    const body = JSON.stringify(payload);
    const delivery: WebhookDelivery = {
      id: `delivery_${++this.seq}`,
      field,
      accountId: account.userId,
      body,
      signature256: `sha256=${createHmac('sha256', this.appSecret).update(body).digest('hex')}`,
      status: 'pending',
      attempts: [],
      createdAt: this.clock(),
    };
    this.log.push(delivery);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    if (!this.url) return this.skip(delivery, 'no_webhook_url');
    if ((this.opts.requireSubscription ?? true) && !account.subscribedFields.includes(field)) {
      return this.skip(delivery, 'not_subscribed');
    }
    this.schedule(delivery, 0);
    return delivery;
  }

  /** Sends an existing delivery again, as Meta sometimes does (duplicates must be harmless). */
  redeliver(id: string): WebhookDelivery | undefined {
    const delivery = this.log.find((d) => d.id === id);
    if (!delivery || !this.url) return delivery;
    delivery.status = 'pending';
    this.schedule(delivery, 0);
    return delivery;
  }

  deliveries(): WebhookDelivery[] {
    return [...this.log];
  }

  /** resolves when nothing is being sent or waiting for a retry */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private skip(delivery: WebhookDelivery, reason: WebhookDelivery['reason']): WebhookDelivery {
    delivery.status = 'skipped';
    delivery.reason = reason;
    return delivery;
  }

  private schedule(delivery: WebhookDelivery, attempt: number): void {
    const delay = attempt === 0 ? 0 : (this.opts.retryDelaysMs ?? [1000, 5000, 30_000, 120_000])[attempt - 1];
    if (delay === undefined || this.stopped) {
      delivery.status = 'failed';
      return;
    }
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.attempt(delivery).then((ok) => {
          if (!ok) this.schedule(delivery, attempt + 1);
          resolve();
        });
      }, delay);
      this.timers.add(timer);
    });
    this.inflight.add(done);
    void done.then(() => this.inflight.delete(done));
  }

  private async attempt(delivery: WebhookDelivery): Promise<boolean> {
    const record: DeliveryAttempt = { at: this.clock() };
    delivery.attempts.push(record);
    const url = this.url;
    if (!url) {
      record.error = 'no webhook URL configured';
      return false;
    }
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          'x-hub-signature-256': delivery.signature256,
          'x-hub-signature': `sha1=${createHmac('sha1', this.appSecret).update(delivery.body).digest('hex')}`,
        },
        body: delivery.body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
      if (res.ok) delivery.status = 'delivered';
      return res.ok;
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
      return false;
    }
  }
}
