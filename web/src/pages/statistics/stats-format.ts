import { dayDate, monthEnd } from './days.js';
import type { Granularity } from './types.js';

// Dates and numbers of the Statistics page in the user's locale. A day (YYYY-MM-DD) is a
// calendar date, so it is formatted at UTC midnight in UTC: the browser's time zone never moves
// it to the day before.

export type ValueKind = 'count' | 'rate' | 'duration';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const dates = (locale: string, opts: Intl.DateTimeFormatOptions) =>
  cached(
    `d|${locale}|${JSON.stringify(opts)}`,
    () => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }),
  );
const numbers = (locale: string, opts: Intl.NumberFormatOptions) =>
  cached(`n|${locale}|${JSON.stringify(opts)}`, () => new Intl.NumberFormat(locale, opts));

const shortDay: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const fullDay: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** an x-axis label: "Mar 10" for days and weeks (the week's Monday), "Mar 2026" for months */
export function formatAxisDate(locale: string, day: string, granularity: Granularity): string {
  const opts: Intl.DateTimeFormatOptions =
    granularity === 'month' ? { month: 'short', year: 'numeric' } : shortDay;
  return dates(locale, opts).format(dayDate(day));
}

/** a period in full, for tooltips: "Mar 10, 2026", "Mar 10 – 16, 2026", "March 2026" */
export function formatPeriod(locale: string, start: string, end: string, granularity: Granularity): string {
  if (start === end) return dates(locale, fullDay).format(dayDate(start));
  if (granularity === 'month' && start.endsWith('-01') && end === monthEnd(start))
    return dates(locale, { month: 'long', year: 'numeric' }).format(dayDate(start));
  return dates(locale, fullDay).formatRange(dayDate(start), dayDate(end));
}

/** a day in full: "March 10, 2026" */
export function formatDay(locale: string, day: string): string {
  return dates(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(dayDate(day));
}

/** a value in full: "12,345", "3.45%", "12.3 sec" */
export function formatValue(locale: string, value: number, kind: ValueKind): string {
  if (kind === 'rate') return numbers(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value);
  if (kind === 'duration')
    return numbers(locale, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value / 1000);
  return numbers(locale, { maximumFractionDigits: 0 }).format(value);
}

/** a y-axis label, short: "12K", "1.5%" */
export function formatAxisValue(locale: string, value: number, kind: ValueKind): string {
  if (kind === 'count')
    return numbers(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  return formatValue(locale, value, kind);
}

/** a change with its sign: "+12", "−3", "0" */
export function formatChange(locale: string, value: number): string {
  return numbers(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(value);
}
