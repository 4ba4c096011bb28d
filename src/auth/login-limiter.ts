import { errors } from '../errors.js';

/** One login attempt. It counts from the moment it is let through, so parallel guesses all count. */
export interface LoginAttempt {
  /** a wrong password: the attempt stays counted for the window */
  failed(): Promise<void>;
  /** the right password: this attempt no longer counts, and the email's failures are forgotten */
  succeeded(): Promise<void>;
}

/**
 * Login attempts per IP and per email in a sliding window. Embedded mode keeps them in memory
 * (MemoryLoginLimiter); with REDIS_URL every instance counts in Redis (RedisLoginLimiter), so
 * three instances behind a load balancer allow what one would, not three times as much.
 */
export interface LoginLimiter {
  /** throws rate_limited when the IP or the email has used up its attempts in the window */
  begin(ip: string, email: string): Promise<LoginAttempt>;
  close(): Promise<void>;
}

export interface LoginLimits {
  maxAttempts: number;
  windowMs: number;
}

export const defaultLoginLimits: LoginLimits = { maxAttempts: 10, windowMs: 15 * 60_000 };

export const loginKeys = (ip: string, email: string) => ({
  ip: `ip:${ip}`,
  email: `email:${email.toLowerCase()}`,
});

export function retryAfter(waitMs: number): never {
  throw errors.rateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
}

/**
 * In memory on purpose for one process: a restart forgets, which only ever lets a legitimate user
 * back in sooner. Also the fallback of the Redis limiter while Redis is unreachable.
 */
export class MemoryLoginLimiter implements LoginLimiter {
  private readonly attempts = new Map<string, { at: number; id: number }[]>();
  private next = 0;

  constructor(
    private readonly clock: () => number,
    private readonly limits: LoginLimits = defaultLoginLimits,
  ) {}

  async begin(ip: string, email: string): Promise<LoginAttempt> {
    const keys = loginKeys(ip, email);
    let wait = 0;
    for (const key of [keys.ip, keys.email]) {
      const recent = this.recent(key);
      if (recent.length >= this.limits.maxAttempts)
        wait = Math.max(wait, (recent[0]?.at ?? 0) + this.limits.windowMs - this.clock(), 1);
    }
    if (wait > 0) retryAfter(wait);
    const entry = { at: this.clock(), id: this.next++ };
    for (const key of [keys.ip, keys.email]) this.attempts.set(key, [...this.recent(key), entry]);
    return {
      failed: async () => {},
      succeeded: async () => {
        const left = this.recent(keys.ip).filter((e) => e !== entry);
        if (left.length) this.attempts.set(keys.ip, left);
        else this.attempts.delete(keys.ip);
        this.attempts.delete(keys.email);
      },
    };
  }

  async close(): Promise<void> {}

  private recent(key: string) {
    const since = this.clock() - this.limits.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((e) => e.at > since);
    if (list.length === 0) this.attempts.delete(key);
    return list;
  }
}
