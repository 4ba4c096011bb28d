import { addDays, dayKey, parseDayKey, startOfDay, weekdayOf } from './zoned-time.js';

// The schedule's week and month grids. Days are civil dates in the viewer's zone; a post belongs
// to the day its scheduled instant falls on there, so a post at 22:30 UTC is on the next day in
// Kyiv, and the days around a DST change still hold exactly their own posts.

export const calendarViews = ['list', 'week', 'month'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** 0 = Sunday, 1 = Monday */
export type WeekStart = 0 | 1;

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** the first day of the week where the locale lives (Monday in Ukraine, Sunday in the US) */
export function weekStartFor(locale: string): WeekStart {
  try {
    const l = new Intl.Locale(locale).maximize() as Intl.Locale & WeekInfoLocale;
    const first = l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay;
    // Intl numbers days 1 (Monday) … 7 (Sunday)
    if (first !== undefined) return first === 7 ? 0 : 1;
  } catch {
    // an unknown locale: fall through
  }
  return 1;
}

export function weekStart(key: string, start: WeekStart): string {
  return addDays(key, -((weekdayOf(key) - start + 7) % 7));
}

export function weekDays(anchor: string, start: WeekStart): string[] {
  const first = weekStart(anchor, start);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

const monthOf = (key: string) => key.slice(0, 7);

/** whole weeks from the one holding the 1st to the one holding the month's last day */
export function monthGrid(anchor: string, start: WeekStart): string[][] {
  const first = `${monthOf(anchor)}-01`;
  const weeks: string[][] = [];
  for (let day = weekStart(first, start); weeks.length === 0 || monthOf(day) === monthOf(anchor); ) {
    const week = Array.from({ length: 7 }, (_, i) => addDays(day, i));
    weeks.push(week);
    day = addDays(day, 7);
  }
  return weeks;
}

export function sameMonth(a: string, b: string): boolean {
  return monthOf(a) === monthOf(b);
}

/** the days a view shows (the list shows the month's) */
export function visibleDays(view: CalendarView, anchor: string, start: WeekStart): string[] {
  return view === 'week' ? weekDays(anchor, start) : monthGrid(anchor, start).flat();
}

/** the API's `from`/`to` (scheduled at or after, before) for these days in the zone */
export function rangeOf(days: readonly string[], timeZone: string): { from: string; to: string } {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) throw new Error('no days');
  return {
    from: new Date(startOfDay(first, timeZone)).toISOString(),
    to: new Date(startOfDay(addDays(last, 1), timeZone)).toISOString(),
  };
}

/** the previous or next week or month; a month keeps the day where it can (31 Jan → 28 Feb) */
export function shiftAnchor(view: CalendarView, anchor: string, by: number): string {
  if (view === 'week') return addDays(anchor, 7 * by);
  const p = parseDayKey(anchor);
  if (!p) throw new Error(`not a date: ${anchor}`);
  const target = new Date(Date.UTC(p.year, p.month - 1 + by, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const month = String(target.getUTCMonth() + 1).padStart(2, '0');
  const day = String(Math.min(p.day, lastDay)).padStart(2, '0');
  return `${String(target.getUTCFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** items by the day they are scheduled on in the zone, each day in time order */
export function bucketByDay<T extends { scheduledAt: string; id: string }>(
  items: readonly T[],
  timeZone: string,
): Map<string, T[]> {
  const days = new Map<string, T[]>();
  const sorted = [...items].sort(
    (a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt) || a.id.localeCompare(b.id),
  );
  for (const item of sorted) {
    const key = dayKey(Date.parse(item.scheduledAt), timeZone);
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  }
  return days;
}
