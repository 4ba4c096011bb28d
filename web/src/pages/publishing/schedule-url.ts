import { type CalendarView, calendarViews } from './calendar.js';
import { isTimeZone, parseDayKey } from './zoned-time.js';

// The schedule's view lives in the address (/publishing/schedule?view=month&date=2026-03-01&tz=
// Europe/Kyiv), so a reload or a shared link shows the same weeks in the same zone. Defaults (the
// week of today, the browser's zone) are left out of the address.

export interface ScheduleView {
  view: CalendarView;
  /** a day inside the week or month shown */
  date: string;
  timeZone: string;
  account: string;
}

export function scheduleFromSearch(search: string, today: string, defaultZone: string): ScheduleView {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const date = p.get('date') ?? '';
  const tz = p.get('tz') ?? '';
  return {
    view: (calendarViews as readonly string[]).includes(view ?? '') ? (view as CalendarView) : 'week',
    date: parseDayKey(date) ? date : today,
    timeZone: tz && isTimeZone(tz) ? tz : defaultZone,
    account: p.get('account')?.slice(0, 64) ?? '',
  };
}

export function scheduleToSearch(v: ScheduleView, today: string, defaultZone: string): string {
  const p = new URLSearchParams();
  if (v.view !== 'week') p.set('view', v.view);
  if (v.date !== today) p.set('date', v.date);
  if (v.timeZone !== defaultZone) p.set('tz', v.timeZone);
  if (v.account) p.set('account', v.account);
  const s = p.toString();
  return s ? `?${s}` : '';
}
