import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { connectRedis } from '../jobs/bullmq-connection.js';
import type { Logger } from '../logger.js';
import type { OutboundEvent, Staged } from '../outbound-webhooks/outbound-webhook-outbox.js';

export interface WorkspaceEvent {
  type: string;
  data: unknown;
  at: string;
}

const channel = 'relaydesk:events';

/** durable, signed delivery of an event to the workspace's outbound webhooks */
export interface OutboundSink {
  emitMany(workspaceId: string, events: readonly OutboundEvent[]): Promise<void>;
  stage(trx: Transaction<Database>, workspaceId: string, events: readonly OutboundEvent[]): Promise<Staged>;
}

/**
 * Live events per workspace (new message, status change, job progress) for the SSE stream and
 * outbound webhooks. In-process by default; with Redis (scale-out) every event goes through one
 * pub/sub channel, so a dashboard connected to any instance hears what happened on all of them.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private outbound: OutboundSink | null = null;

  constructor(private readonly clock: () => number = Date.now) {
    // One listener per open dashboard tab.
    this.emitter.setMaxListeners(0);
  }

  /** switches to Redis pub/sub; events published before the subscription is ready stay local */
  async shareThroughRedis(url: string, log: Logger): Promise<void> {
    this.pub = connectRedis(url, 'relaydesk:events-pub', { maxRetriesPerRequest: 3 }, log);
    this.sub = connectRedis(url, 'relaydesk:events-sub', { maxRetriesPerRequest: null }, log);
    this.sub.on('message', (_channel: string, raw: string) => {
      try {
        const { workspaceId, event } = JSON.parse(raw) as { workspaceId: string; event: WorkspaceEvent };
        this.emitter.emit(workspaceId, event);
      } catch {
        // not ours: another program on the same channel
      }
    });
    await this.sub.subscribe(channel);
  }

  publish(workspaceId: string, type: string, data: unknown): void {
    const event: WorkspaceEvent = { type, data, at: new Date(this.clock()).toISOString() };
    if (this.pub?.status === 'ready' && this.sub?.status === 'ready') {
      // A lost live event costs a dashboard refresh, never data: the database has it all.
      this.pub.publish(channel, JSON.stringify({ workspaceId, event })).catch(() => {
        this.emitter.emit(workspaceId, event);
      });
      return;
    }
    this.emitter.emit(workspaceId, event);
  }

  /** where `toWebhooks` events go (the outbound-webhooks feature) */
  deliverTo(sink: OutboundSink): void {
    this.outbound = sink;
  }

  /**
   * An event for external systems (message.received, message.sent…). Unlike `publish`, it is
   * stored and retried: the sink writes one delivery per subscription, keyed by `eventId`, so the
   * same event emitted twice (a retried job) is delivered once.
   */
  async toWebhooks(workspaceId: string, ...events: OutboundEvent[]): Promise<void> {
    await this.outbound?.emitMany(workspaceId, events);
  }

  /**
   * `toWebhooks` inside the caller's transaction (a transactional outbox): the events exist exactly
   * when the change they announce does, so a crash right after the commit loses none. Call
   * `committed()` once the transaction has committed.
   */
  async toWebhooksIn(
    trx: Transaction<Database>,
    workspaceId: string,
    ...events: OutboundEvent[]
  ): Promise<Staged> {
    return this.outbound ? this.outbound.stage(trx, workspaceId, events) : { committed: async () => {} };
  }

  subscribe(workspaceId: string, listener: (e: WorkspaceEvent) => void): () => void {
    this.emitter.on(workspaceId, listener);
    return () => this.emitter.off(workspaceId, listener);
  }

  async close(): Promise<void> {
    await Promise.all([this.pub?.quit(), this.sub?.quit()].map((p) => p?.catch(() => undefined)));
  }
}
