import { mergeReadings, parseAppUsage, parseBusinessUsage, type UsageReading } from './graph-usage.js';

// Per-account and per-app view of Meta's usage headers. In memory on purpose: each instance
// learns the current usage from the next response it gets, so nothing needs to be shared.

export interface RateLimitOptions {
  /** usage (percent) above which calls are slowed down */
  slowdownAtPercent: number;
  /** delay just above the threshold … */
  minSlowdownMs: number;
  /** … growing linearly to this at 100 % */
  maxSlowdownMs: number;
  /** block length after a rate_limited error that carried no estimated_time_to_regain_access */
  defaultRetryAfterMs: number;
  /** a reading older than this no longer slows calls down (Meta's windows roll over) */
  usageTtlMs: number;
}

export const defaultRateLimitOptions: RateLimitOptions = {
  slowdownAtPercent: 80,
  minSlowdownMs: 1_000,
  maxSlowdownMs: 60_000,
  defaultRetryAfterMs: 60_000,
  usageTtlMs: 60 * 60_000,
};

interface KeyState {
  reading: UsageReading | null;
  updatedAt: number;
  blockedUntil: number;
}

export interface UsageSnapshotEntry extends Partial<UsageReading> {
  updatedAt: string | null;
  blockedUntil: string | null;
}

export interface GraphUsageSnapshot {
  app: UsageSnapshotEntry | null;
  accounts: Record<string, UsageSnapshotEntry>;
}

export type GateDecision =
  | { action: 'go' }
  | { action: 'delay'; delayMs: number; percent: number }
  | { action: 'blocked'; retryAfterMs: number; scope: 'app' | 'account' };

const APP = '\u0000app';

export class GraphRateLimiter {
  private readonly state = new Map<string, KeyState>();

  constructor(
    private readonly clock: () => number,
    readonly options: RateLimitOptions = defaultRateLimitOptions,
  ) {}

  /** what to do before calling on behalf of `accountKey` (null: unknown account, app limits only) */
  gate(accountKey: string | null): GateDecision {
    const now = this.clock();
    const app = this.state.get(APP);
    const account = accountKey === null ? undefined : this.state.get(accountKey);
    if (app && app.blockedUntil > now)
      return { action: 'blocked', retryAfterMs: app.blockedUntil - now, scope: 'app' };
    if (account && account.blockedUntil > now)
      return { action: 'blocked', retryAfterMs: account.blockedUntil - now, scope: 'account' };
    const percent = Math.max(this.freshPercent(app, now), this.freshPercent(account, now));
    const o = this.options;
    if (percent <= o.slowdownAtPercent) return { action: 'go' };
    const ratio = Math.min(1, (percent - o.slowdownAtPercent) / (100 - o.slowdownAtPercent));
    return {
      action: 'delay',
      delayMs: Math.round(o.minSlowdownMs + ratio * (o.maxSlowdownMs - o.minSlowdownMs)),
      percent,
    };
  }

  /**
   * Records the usage headers of a response. Business-use-case readings go under `accountKey` when
   * the caller named the account, else under the ids in the header. A reading with
   * estimated_time_to_regain_access blocks that account until then.
   */
  record(accountKey: string | null, headers: Headers): void {
    const now = this.clock();
    const app = parseAppUsage(headers.get('x-app-usage'));
    if (app) this.update(APP, app, now);
    const business = parseBusinessUsage(headers.get('x-business-use-case-usage'));
    if (accountKey !== null) {
      const merged = mergeReadings([...business.values()]);
      if (merged) this.update(accountKey, merged, now);
    } else {
      for (const [id, reading] of business) this.update(id, reading, now);
    }
  }

  /** how long Meta said the account must wait, from its latest reading (ms), if it said so */
  regainAccessMs(accountKey: string | null): number | null {
    const s = this.state.get(accountKey ?? APP);
    const eta = s?.reading?.estimatedTimeToRegainAccessMin;
    return eta ? eta * 60_000 : null;
  }

  /** no calls for this account (null: the whole app) until now + ms */
  block(accountKey: string | null, ms: number): void {
    const s = this.entry(accountKey ?? APP);
    s.blockedUntil = Math.max(s.blockedUntil, this.clock() + ms);
  }

  snapshot(): GraphUsageSnapshot {
    const iso = (ms: number) => new Date(ms).toISOString();
    const now = this.clock();
    const view = (s: KeyState): UsageSnapshotEntry => ({
      ...(s.reading ?? {}),
      updatedAt: s.reading ? iso(s.updatedAt) : null,
      blockedUntil: s.blockedUntil > now ? iso(s.blockedUntil) : null,
    });
    const accounts: Record<string, UsageSnapshotEntry> = {};
    for (const [key, s] of this.state) if (key !== APP) accounts[key] = view(s);
    const app = this.state.get(APP);
    return { app: app ? view(app) : null, accounts };
  }

  private update(key: string, reading: UsageReading, now: number): void {
    const s = this.entry(key);
    s.reading = reading;
    s.updatedAt = now;
    if (reading.estimatedTimeToRegainAccessMin) {
      s.blockedUntil = Math.max(s.blockedUntil, now + reading.estimatedTimeToRegainAccessMin * 60_000);
    }
  }

  private entry(key: string): KeyState {
    let s = this.state.get(key);
    if (!s) {
      s = { reading: null, updatedAt: 0, blockedUntil: 0 };
      this.state.set(key, s);
    }
    return s;
  }

  private freshPercent(s: KeyState | undefined, now: number): number {
    if (!s?.reading || now - s.updatedAt > this.options.usageTtlMs) return 0;
    return s.reading.percent;
  }
}
