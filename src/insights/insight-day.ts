// Days as Meta counts them for insights: midnight to midnight Pacific time. A daily value's
// end_time is the next Pacific midnight, 08:00 UTC in winter and 07:00 UTC in summer (see
// test/fixtures/graph-api/insights_account_time_series_legacy.doc.json, "2018-01-11T08:00:00+0000"
// for January 10). Daily values cannot be re-cut to another time zone, so statistics use these
// days, named by their date (YYYY-MM-DD).
// https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights

export type Day = string;

export const metaTimeZone = 'America/Los_Angeles';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, timeZone: string): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      ...{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
}

/** the date (YYYY-MM-DD) of the instant `ms` in `timeZone` */
export function dayOf(ms: number, timeZone = metaTimeZone): Day {
  const p = partsOf(ms, timeZone);
  return new Date(Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day)).toISOString().slice(0, 10);
}

/** local wall-clock time minus UTC at the instant `ms`, to the minute */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(ms / 60_000) * 60_000;
}

/** epoch ms of the first minute of `day` in `timeZone` */
export function dayStart(day: Day, timeZone = metaTimeZone): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const wallMidnight = Date.UTC(y, m - 1, d);
  // twice: the offset at midnight itself may differ from the one a few hours off (DST)
  let t = wallMidnight - offsetAt(wallMidnight, timeZone);
  t = wallMidnight - offsetAt(t, timeZone);
  // where DST skips midnight (clocks jump to 01:00) the day starts at the jump
  while (dayOf(t, timeZone) < day) t += 15 * 60_000;
  return t;
}

export function addDays(day: Day, n: number): Day {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** whole days from `a` to `b` (negative when b is earlier) */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** the Monday of the ISO week of `day` */
export function weekStart(day: Day): Day {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function monthStart(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s;
