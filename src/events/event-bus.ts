import { EventEmitter } from 'node:events';

export interface WorkspaceEvent {
  type: string;
  data: unknown;
  at: string;
}

/**
 * Live events per workspace (new message, status change, job progress) for the SSE stream and
 * outbound webhooks. In-process; with several instances a Redis pub/sub transport plugs in here.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor(private readonly clock: () => number = Date.now) {
    // One listener per open dashboard tab.
    this.emitter.setMaxListeners(0);
  }

  publish(workspaceId: string, type: string, data: unknown): void {
    const event: WorkspaceEvent = { type, data, at: new Date(this.clock()).toISOString() };
    this.emitter.emit(workspaceId, event);
  }

  subscribe(workspaceId: string, listener: (e: WorkspaceEvent) => void): () => void {
    this.emitter.on(workspaceId, listener);
    return () => this.emitter.off(workspaceId, listener);
  }
}
