import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../test/support/services.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import type { LoginLimiter } from './login-limiter.js';
import { MemoryLoginLimiter } from './login-limiter.js';
import { RedisLoginLimiter } from './login-limiter.redis.js';

// The login limit: 10 attempts per IP and per email in 15 minutes. In memory for one process;
// in Redis for several instances, where it must hold across all of them at once.

const log = createLogger('silent');
const limits = { maxAttempts: 10, windowMs: 15 * 60_000 };
const clients: Redis[] = [];
afterAll(() => {
  for (const c of clients) c.disconnect();
});

function redisClient(url = inject('redisUrl'), opts = {}): Redis {
  const c = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, ...opts });
  c.on('error', () => {});
  clients.push(c);
  return c;
}

async function ready(c: Redis): Promise<Redis> {
  if (c.status !== 'ready') await new Promise((r) => c.once('ready', r));
  return c;
}

/** resolves to the rate_limited error's retry-after seconds, or null when the attempt was let through */
async function tryLogin(l: LoginLimiter, ip: string, email: string): Promise<number | null> {
  try {
    await l.begin(ip, email);
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'rate_limited')
      return (err.details as { retryAfterSeconds: number }).retryAfterSeconds;
    throw err;
  }
}

const kinds = {
  memory: async (clock: () => number) => new MemoryLoginLimiter(clock, limits),
  redis: async (clock: () => number) => {
    const prefix = `rdtest-login-${randomBytes(4).toString('hex')}`;
    return new RedisLoginLimiter(await ready(redisClient()), log, clock, limits, prefix);
  },
};

describe.each(Object.keys(kinds) as (keyof typeof kinds)[])('the %s login limiter', (kind) => {
  it('lets 10 failures through per email, then says when to retry, until the window passes', async () => {
    let now = Date.UTC(2026, 0, 1);
    const l = await kinds[kind](() => now);
    for (let i = 0; i < 10; i++) {
      expect(await tryLogin(l, `10.0.0.${i}`, 'Victim@example.com')).toBeNull();
      now += 1000;
    }
    // the first attempt leaves the window 15 min after it was made, 10 s ago
    expect(await tryLogin(l, '10.9.9.9', 'victim@example.com')).toBe(15 * 60 - 10);
    expect(await tryLogin(l, '10.9.9.9', 'other@example.com')).toBeNull();
    now += 15 * 60_000 - 9_000;
    expect(await tryLogin(l, '10.9.9.9', 'victim@example.com')).toBeNull();
  });

  it('limits one IP across emails, and forgets the attempt and the email failures on success', async () => {
    const l = await kinds[kind](() => Date.now());
    for (let i = 0; i < 9; i++) await (await l.begin('10.1.0.1', `guess${i}@example.com`)).failed();
    const good = await l.begin('10.1.0.1', 'guess0@example.com');
    expect(await tryLogin(l, '10.1.0.1', 'x@example.com')).toBeGreaterThan(0);
    await good.succeeded();
    // the successful attempt no longer counts against the IP, and guess0's failure is gone
    expect(await tryLogin(l, '10.1.0.1', 'x@example.com')).toBeNull();
    for (let i = 0; i < 9; i++) expect(await tryLogin(l, `10.2.0.${i}`, 'guess0@example.com')).toBeNull();
  });
});

describe('the Redis login limiter across instances', () => {
  it('counts attempts on three instances at once as one limit (atomic), in keys that expire', async () => {
    const prefix = `rdtest-login-${randomBytes(4).toString('hex')}`;
    const instances = await Promise.all(
      [1, 2, 3].map(
        async () => new RedisLoginLimiter(await ready(redisClient()), log, Date.now, limits, prefix),
      ),
    );
    // 30 parallel guesses at one email, from 30 IPs, spread over the three instances
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => tryLogin(instances[i % 3]!, `10.3.0.${i}`, 'ceo@example.com')),
    );
    expect(results.filter((r) => r === null)).toHaveLength(10);
    expect(results.filter((r) => r !== null && r > 0)).toHaveLength(20);

    const admin = await ready(redisClient());
    const keys = await admin.keys(`${prefix}:*`);
    expect(keys).toHaveLength(10 + 1); // ten IPs that got through, and the email
    expect(keys.join(' ')).not.toContain('ceo@example.com');
    for (const key of keys) {
      const ttl = await admin.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(limits.windowMs);
    }
  });

  it('falls back to counting in this instance while Redis is unreachable', async () => {
    const gone = redisClient(`redis://127.0.0.1:${await freePort()}`, { retryStrategy: () => null });
    const l = new RedisLoginLimiter(gone, log, Date.now, limits);
    for (let i = 0; i < 10; i++) expect(await tryLogin(l, '10.4.0.1', 'a@example.com')).toBeNull();
    expect(await tryLogin(l, '10.4.0.1', 'a@example.com')).toBeGreaterThan(0);
  });
});
