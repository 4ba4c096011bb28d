// The token expiry as a countdown ("expires in 12 days"), worded by Intl.RelativeTimeFormat so it
// follows the chosen language's grammar (через 12 дней, через 12 днів).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Countdown {
  value: number;
  unit: 'day' | 'hour' | 'minute';
  /** the moment has already passed */
  past: boolean;
}

/** Whole units, rounded down (12 days 20 hours is "12 days"); null without a valid date. */
export function countdown(expiresAt: string | null | undefined, now: number): Countdown | null {
  if (!expiresAt) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  const diff = at - now;
  const abs = Math.abs(diff);
  const past = diff <= 0;
  if (abs >= DAY) return { value: Math.floor(abs / DAY), unit: 'day', past };
  if (abs >= HOUR) return { value: Math.floor(abs / HOUR), unit: 'hour', past };
  return { value: Math.max(1, Math.floor(abs / MINUTE)), unit: 'minute', past };
}

/** "in 12 days" / "3 hours ago" in the given locale. */
export function formatCountdown(locale: string, c: Countdown): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return rtf.format(c.past ? -c.value : c.value, c.unit);
}
