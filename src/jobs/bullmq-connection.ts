import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An ioredis client named `<prefix>:<role>` (so `CLIENT LIST` shows whose connection it is) that
 * never crashes the process: without an error listener ioredis reports a dropped connection as
 * an uncaught error. It reconnects by itself and errors on every attempt, so only the first error
 * of an outage is logged.
 */
export function connectRedis(
  url: string,
  name: string,
  opts: Pick<RedisOptions, 'maxRetriesPerRequest' | 'enableOfflineQueue' | 'commandTimeout'>,
  logger: Logger,
): Redis {
  const client = new Redis(url, { ...opts, connectionName: name });
  let down = false;
  client.on('error', (err) => {
    if (!down) logger.warn({ err: err.message, connection: name }, 'Redis connection lost; reconnecting');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info({ connection: name }, 'Redis connection restored');
    down = false;
  });
  return client;
}

/** true once the client is connected, false if that takes longer than `ms` */
export async function whenReady(client: Redis, ms: number): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      resolve(false);
    }, ms);
    client.once('ready', onReady);
  });
}

/** BullMQ repeats a connection error per retry and per connection: at most one line a minute */
export function throttledWarn(logger: Logger, everyMs = 60_000) {
  let last = 0;
  return (err: Error, queue: string, message: string) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    logger.warn({ err, queue }, message);
  };
}
