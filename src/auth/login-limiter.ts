import { errors } from '../errors.js';

/**
 * Failed logins per IP and per email in a sliding window. In memory on purpose: a restart
 * forgets, which only ever lets a legitimate user back in sooner. (Several instances each keep
 * their own count, so the effective limit is per instance.)
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** throws rate_limited when either key is over the limit */
  check(ip: string, email: string): void {
    for (const key of [`ip:${ip}`, `email:${email.toLowerCase()}`]) {
      const recent = this.recent(key);
      if (recent.length >= this.maxFailures) {
        const retryAfter = Math.ceil(((recent[0] ?? 0) + this.windowMs - this.clock()) / 1000);
        throw errors.rateLimited(Math.max(1, retryAfter));
      }
    }
  }

  fail(ip: string, email: string): void {
    for (const key of [`ip:${ip}`, `email:${email.toLowerCase()}`]) {
      const recent = this.recent(key);
      recent.push(this.clock());
      this.failures.set(key, recent);
    }
  }

  succeed(email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
  }

  private recent(key: string): number[] {
    const since = this.clock() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
