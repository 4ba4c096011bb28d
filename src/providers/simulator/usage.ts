// Rate-limit headers as Graph sends them on every response: `X-App-Usage` (the app, percent of
// its hourly budget) and `X-Business-Use-Case-Usage` (per Instagram account, with
// estimated_time_to_regain_access in minutes). Percentages follow the calls in the last hour.
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting

const HOUR = 3600_000;

export interface UsageOptions {
  /** app-wide calls per rolling hour that count as 100 % (default 4800) */
  appCallsPerHour?: number;
  /** calls per account per rolling hour that count as 100 % (default 4800) */
  accountCallsPerHour?: number;
}

export class UsageMeter {
  private app: number[] = [];
  private perAccount = new Map<string, number[]>();
  private readonly appLimit: number;
  private readonly accountLimit: number;

  constructor(
    private readonly clock: () => number,
    opts: UsageOptions = {},
  ) {
    this.appLimit = opts.appCallsPerHour ?? 4800;
    this.accountLimit = opts.accountCallsPerHour ?? 4800;
  }

  record(accountId: string | null): void {
    const now = this.clock();
    this.app = prune(this.app, now);
    this.app.push(now);
    if (accountId) {
      const list = prune(this.perAccount.get(accountId) ?? [], now);
      list.push(now);
      this.perAccount.set(accountId, list);
    }
  }

  headers(accountId: string | null, exhausted?: { scope: 'app' | 'account'; regainMinutes: number }) {
    const now = this.clock();
    const appPct = exhausted?.scope === 'app' ? 100 : pct(prune(this.app, now).length, this.appLimit);
    const headers: Record<string, string> = {
      'x-app-usage': JSON.stringify({
        call_count: appPct,
        total_cputime: Math.floor(appPct / 2),
        total_time: Math.floor(appPct / 2),
      }),
    };
    if (accountId) {
      const used = exhausted
        ? 100
        : pct(prune(this.perAccount.get(accountId) ?? [], now).length, this.accountLimit);
      headers['x-business-use-case-usage'] = JSON.stringify({
        [accountId]: [
          {
            type: 'instagram',
            call_count: used,
            total_cputime: Math.floor(used / 2),
            total_time: Math.floor(used / 2),
            estimated_time_to_regain_access: exhausted?.regainMinutes ?? 0,
          },
        ],
      });
    }
    return headers;
  }
}

const prune = (list: number[], now: number) => list.filter((t) => t > now - HOUR);
const pct = (n: number, limit: number) => Math.min(100, Math.floor((n * 100) / limit));
