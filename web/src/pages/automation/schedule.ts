import type { ActiveHours } from './types.js';

// Weekly windows as people read them: "Mon–Fri 09:00–18:00". Days are 0 (Sunday)–6 on the wire;
// the week is shown from Monday, as in Ukraine and most of Europe.

export const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;

// 2023-01-01 was a Sunday, so day d is 1 + d January.
export function weekdayName(locale: string, day: number, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2023, 0, 1 + day)),
  );
}

/** runs of consecutive days in week order: [1,2,3,5] → Mon–Wed, Fri */
export function daysSummary(locale: string, days: readonly number[]): string {
  const ordered = weekOrder.filter((d) => days.includes(d));
  const runs: number[][] = [];
  for (const d of ordered) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (
      run &&
      last !== undefined &&
      weekOrder.indexOf(last as (typeof weekOrder)[number]) + 1 === weekOrder.indexOf(d)
    )
      run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((r) =>
      r.length > 2
        ? `${weekdayName(locale, r[0]!)}–${weekdayName(locale, r.at(-1)!)}`
        : r.map((d) => weekdayName(locale, d)).join(', '),
    )
    .join(', ');
}

export function hoursSummary(locale: string, h: ActiveHours): string {
  const time = h.from === h.to ? '' : ` ${h.from}–${h.to}`;
  return `${daysSummary(locale, h.days)}${time}`;
}

export function toggleDay(days: readonly number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
}

/** the zones a picker offers: the browser's list when it has one, with the current value kept */
export function timezones(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : ['UTC', 'Europe/Kyiv'];
  return all.includes(current) ? all : [current, ...all];
}
