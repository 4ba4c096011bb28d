// Calendar days as the statistics API names them (YYYY-MM-DD, Meta's Pacific-time insight days).
// Arithmetic happens on UTC midnights so no browser time zone or DST can shift a day.

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** a real calendar date in YYYY-MM-DD form (2026-02-30 is not) */
export function isDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** UTC midnight of the day: format it with timeZone 'UTC' to get the same date back */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  const d = dayDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** whole days from a to b (negative when b is earlier) */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayDate(b).getTime() - dayDate(a).getTime()) / 86_400_000);
}

/** today's date in a time zone: the API's "today" is Meta's, in America/Los_Angeles */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** the last day of the month `day` falls in */
export function monthEnd(day: string): string {
  const d = dayDate(day);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}
