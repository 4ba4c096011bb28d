import type { Redis } from 'ioredis';
import { connectRedis } from '../jobs/bullmq-connection.js';
import type { Logger } from '../logger.js';
import { sha256Hex } from '../secrets.js';
import {
  defaultLoginLimits,
  type LoginAttempt,
  type LoginLimiter,
  type LoginLimits,
  loginKeys,
  MemoryLoginLimiter,
  retryAfter,
} from './login-limiter.js';

// One script, so checking both windows and counting the attempt is atomic across instances: two
// instances can never both let the tenth attempt through. Each key expires with its window.
// KEYS: ip, email. ARGV: now (ms), window (ms), max attempts, this attempt's member.
// Returns 0 when the attempt is counted, else the ms until the oldest attempt leaves the window.
const beginScript = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local wait = 0
for i = 1, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[3]) then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now, 1)
  end
end
if wait > 0 then return wait end
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[i], window)
end
return 0`;

/**
 * The scale-out login limiter: attempts per IP and per email counted in Redis, shared by every
 * instance. Emails are hashed in the key names, so Redis holds no addresses. While Redis is
 * unreachable the limit falls back to this instance's memory: a Redis outage weakens the limit to
 * per instance for its duration, and never locks everyone out.
 */
export class RedisLoginLimiter implements LoginLimiter {
  private readonly fallback: MemoryLoginLimiter;
  private degraded = false;
  private next = 0;

  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
    private readonly limits: LoginLimits = defaultLoginLimits,
    private readonly prefix = 'relaydesk:login',
  ) {
    this.fallback = new MemoryLoginLimiter(clock, limits);
  }

  async begin(ip: string, email: string): Promise<LoginAttempt> {
    const names = loginKeys(ip, email);
    const ipKey = `${this.prefix}:${names.ip}`;
    const emailKey = `${this.prefix}:email:${sha256Hex(names.email)}`;
    const member = `${this.clock()}:${process.pid}:${this.next++}:${Math.random().toString(36).slice(2)}`;
    let wait: number;
    try {
      const args = [this.clock(), this.limits.windowMs, this.limits.maxAttempts, member];
      wait = Number(await this.redis.eval(beginScript, 2, ipKey, emailKey, ...args));
      if (this.degraded) this.log.info('login limiter: counting in Redis again');
      this.degraded = false;
    } catch (err) {
      if (!this.degraded)
        this.log.warn(
          { err: (err as Error).message },
          'login limiter: Redis unreachable; counting per instance',
        );
      this.degraded = true;
      return this.fallback.begin(ip, email);
    }
    if (wait > 0) retryAfter(wait);
    return {
      failed: async () => {},
      succeeded: async () => {
        // Best effort: a success not recorded only leaves one attempt counted until it expires.
        await this.redis
          .multi()
          .zrem(ipKey, member)
          .del(emailKey)
          .exec()
          .catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}

/** REDIS_URL set: the shared limiter; unset (embedded mode): the in-process one */
export function createLoginLimiter(
  redisUrl: string | undefined,
  log: Logger,
  clock: () => number,
): LoginLimiter {
  if (!redisUrl) return new MemoryLoginLimiter(clock);
  // No offline queue and a command timeout: a login never waits on a Redis that is away.
  const client = connectRedis(
    redisUrl,
    'relaydesk:login-limiter',
    { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1_000 },
    log,
  );
  return new RedisLoginLimiter(client, log, clock);
}
