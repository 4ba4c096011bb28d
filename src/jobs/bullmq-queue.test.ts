import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort, type Service, startRedis, waitForPort } from '../../test/support/services.js';
import { createLogger } from '../logger.js';
import { BullmqJobQueue } from './bullmq-queue.js';
import { type JobDefinition, type JobHandlers, jobNames } from './job-queue.js';

// What only the BullMQ queue has: ids that carry the queue name, and a Redis that can go away.

const logger = createLogger('silent');
const retry = { attempts: 3, backoffMs: 10 };

/** every job a no-op except process-deliveries */
function handlers(processDeliveries: JobDefinition<'process-deliveries'>['handler']): JobHandlers {
  const noop = { handler: async () => {}, retry };
  return {
    ...Object.fromEntries(jobNames.map((n) => [n, noop])),
    'process-deliveries': { handler: processDeliveries, retry },
  } as JobHandlers;
}

describe('bullmq job queue', () => {
  const prefix = `rdtest-${randomBytes(6).toString('hex')}`;
  let queue: BullmqJobQueue | undefined;
  let admin: Redis | undefined;
  let redis: ChildProcess | undefined;
  let service: Service | undefined;
  afterEach(async () => {
    await queue?.close();
    admin?.disconnect();
    redis?.kill('SIGKILL');
    await service?.stop();
  });

  const until = async (fn: () => Promise<boolean> | boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!(await fn())) {
      if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('names ids after their queue and rejects ids of unknown queues', async () => {
    queue = new BullmqJobQueue({ redisUrl: inject('redisUrl'), logger, prefix: `${prefix}-ids` });
    const a = await queue.enqueue('process-deliveries', { deliveryIds: ['d-1'] });
    const b = await queue.enqueue('route-unrouted', { accountId: 'a-1' });
    expect(a).toMatch(/^process-deliveries:\d+$/);
    expect(b).toMatch(/^route-unrouted:\d+$/);
    expect((await queue.get(b))?.payload).toEqual({ accountId: 'a-1' });
    for (const bad of ['no-such-queue:1', ':1', 'process-deliveries:', 'plain'])
      expect(await queue.get(bad)).toBeNull();
    expect(await queue.retry('no-such-queue:1')).toBe(false);
  });

  it('keeps working after Redis drops its connections', async () => {
    const p = `${prefix}-drop`;
    queue = new BullmqJobQueue({ redisUrl: inject('redisUrl'), logger, prefix: p });
    const seen: string[] = [];
    await queue.start(handlers(async ({ deliveryIds }) => void seen.push(deliveryIds[0] ?? '')));
    await queue.enqueue('process-deliveries', { deliveryIds: ['before'] });
    await until(() => seen.length === 1, 'the first job ran');

    admin = new Redis(inject('redisUrl'));
    const clients = (await admin.client('LIST')) as string;
    const ours = clients
      .split('\n')
      .filter((line) => / name=rdtest-[0-9a-f]+-drop/.test(line))
      .map((line) => /id=(\d+)/.exec(line)?.[1] as string);
    expect(ours.length).toBeGreaterThanOrEqual(2);
    for (const id of ours) await admin.client('KILL', 'ID', id);

    await until(async () => (await queue?.ping()) === true, 'reconnected');
    await queue.enqueue('process-deliveries', { deliveryIds: ['after'] });
    await until(() => seen.length === 2, 'a job enqueued after the drop ran');
    expect(seen).toEqual(['before', 'after']);
  });

  it('starts while Redis is down, fails fast meanwhile, and works once Redis is up', async () => {
    const port = await freePort();
    queue = new BullmqJobQueue({
      redisUrl: `redis://127.0.0.1:${port}`,
      logger,
      prefix,
      connectTimeoutMs: 300,
    });
    const seen: string[] = [];
    await queue.start(handlers(async ({ deliveryIds }) => void seen.push(deliveryIds[0] ?? '')));
    expect(await queue.ping()).toBe(false);
    await expect(queue.enqueue('process-deliveries', { deliveryIds: ['lost'] })).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    await expect(queue.counts()).rejects.toMatchObject({ code: 'service_unavailable' });

    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitForPort(port, 10_000);
    const q = queue;
    await until(
      () =>
        q.enqueue('process-deliveries', { deliveryIds: ['later'] }, { uniqueKey: 'later' }).then(
          () => true,
          () => false,
        ),
      'Redis answers again',
    );
    await until(() => seen.length === 1, 'the workers started by themselves');
    expect(seen).toEqual(['later']);
  });

  it('writes its schedules again when Redis comes back empty after a restart', async () => {
    service = await startRedis();
    queue = new BullmqJobQueue({ redisUrl: service.url, logger, prefix, connectTimeoutMs: 300 });
    admin = new Redis(service.url, { maxRetriesPerRequest: null });
    const schedulers = async () => (await admin?.keys(`${prefix}:sweep-deliveries:repeat*`))?.length ?? 0;
    await queue.schedule('sweep-deliveries', '* * * * *', {});
    expect(await schedulers()).toBeGreaterThan(0);
    // without persistence a restarted Redis has lost every key, the job schedulers too
    await service.interrupt();
    await service.resume();
    await until(
      () =>
        schedulers().then(
          (n) => n > 0,
          () => false,
        ),
      'the schedule is back',
    );
  });
});
