// Meta reports how much of the rate budget is used in JSON response headers, as percentages:
//   X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}                 (whole app)
//   X-Business-Use-Case-Usage: {"<ig-id>":[{"type":"instagram","call_count":95,…,
//                                "estimated_time_to_regain_access":19}]}             (per account, minutes)
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting
// Absence of a header is not zero usage: a reading is only replaced by a newer one (or expires).

export interface UsageReading {
  callCount: number;
  totalTime: number;
  totalCputime: number;
  /** the largest of the three percentages */
  percent: number;
  type: string | null;
  estimatedTimeToRegainAccessMin: number | null;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function pct(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

function parseJson(header: string | null): unknown {
  if (!header) return null;
  try {
    return JSON.parse(header);
  } catch {
    return null;
  }
}

function toReading(v: Rec): UsageReading {
  const callCount = pct(v.call_count);
  const totalTime = pct(v.total_time);
  const totalCputime = pct(v.total_cputime);
  const eta = pct(v.estimated_time_to_regain_access);
  return {
    callCount,
    totalTime,
    totalCputime,
    percent: Math.max(callCount, totalTime, totalCputime),
    type: typeof v.type === 'string' ? v.type : null,
    estimatedTimeToRegainAccessMin: eta > 0 ? eta : null,
  };
}

/** X-App-Usage → one reading, or null when absent or unreadable */
export function parseAppUsage(header: string | null): UsageReading | null {
  const v = parseJson(header);
  return isRec(v) ? toReading(v) : null;
}

/**
 * X-Business-Use-Case-Usage → one reading per id (the worst of its entries: highest percentage,
 * longest wait). Unreadable parts are skipped, never thrown on.
 */
export function parseBusinessUsage(header: string | null): Map<string, UsageReading> {
  const out = new Map<string, UsageReading>();
  const v = parseJson(header);
  if (!isRec(v)) return out;
  for (const [id, raw] of Object.entries(v)) {
    const entries = (Array.isArray(raw) ? raw : [raw]).filter(isRec).map(toReading);
    const worst = mergeReadings(entries);
    if (worst) out.set(id, worst);
  }
  return out;
}

export function mergeReadings(readings: UsageReading[]): UsageReading | null {
  if (readings.length === 0) return null;
  return readings.reduce((a, b) => ({
    callCount: Math.max(a.callCount, b.callCount),
    totalTime: Math.max(a.totalTime, b.totalTime),
    totalCputime: Math.max(a.totalCputime, b.totalCputime),
    percent: Math.max(a.percent, b.percent),
    type: a.type ?? b.type,
    estimatedTimeToRegainAccessMin:
      Math.max(a.estimatedTimeToRegainAccessMin ?? 0, b.estimatedTimeToRegainAccessMin ?? 0) || null,
  }));
}
