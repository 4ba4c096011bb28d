import { afterAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../../test/support/app.js';
import { createLogger } from '../logger.js';
import { EventBus, type WorkspaceEvent } from './event-bus.js';

// Two instances of the server share live events through Redis: a dashboard connected to one
// hears what the other did, and only its own workspace's events.

describe('the event bus', () => {
  const buses: EventBus[] = [];
  afterAll(() => Promise.all(buses.map((b) => b.close())));

  it('delivers in-process without Redis', () => {
    const bus = new EventBus();
    const got: WorkspaceEvent[] = [];
    const off = bus.subscribe('w1', (e) => got.push(e));
    bus.publish('w1', 'message.created', { id: 1 });
    bus.publish('w2', 'message.created', { id: 2 });
    off();
    bus.publish('w1', 'message.created', { id: 3 });
    expect(got.map((e) => e.data)).toEqual([{ id: 1 }]);
  });

  it('carries events between instances through Redis pub/sub, once each', async () => {
    const log = createLogger('silent');
    const [a, b] = [new EventBus(), new EventBus()];
    buses.push(a, b);
    await a.shareThroughRedis(inject('redisUrl'), log);
    await b.shareThroughRedis(inject('redisUrl'), log);
    const onA: WorkspaceEvent[] = [];
    const onB: WorkspaceEvent[] = [];
    a.subscribe('w1', (e) => onA.push(e));
    b.subscribe('w1', (e) => onB.push(e));
    b.subscribe('w2', (e) => onB.push(e));
    a.publish('w1', 'message.created', { conversationId: 'c1' });
    await eventually(async () => onA.length === 1 && onB.length === 1);
    expect(onB[0]).toMatchObject({ type: 'message.created', data: { conversationId: 'c1' } });
    await new Promise((r) => setTimeout(r, 100));
    expect([onA.length, onB.length]).toEqual([1, 1]);
  });
});
