import type { TFunction } from '../../i18n/core.js';
import { dayKey, daysBetween } from './thread.js';

// Times as an operator reads them: "now", "5 min", "14:05", "Yesterday", "Mon", "12 Nov".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Zone {
  locale: string;
  /** IANA zone; the browser's own when absent (tests pass one) */
  timeZone?: string;
}

/** The list row's timestamp, short enough for a narrow column. */
export function shortTime(t: TFunction, z: Zone, iso: string | null, now: number): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const ago = now - at;
  if (ago < MINUTE) return t('inbox.time.now');
  if (ago < HOUR) return t('inbox.time.minutes', { n: Math.floor(ago / MINUTE) });
  const [then, today] = [dayKey(iso, z.timeZone), dayKey(new Date(now).toISOString(), z.timeZone)];
  const days = daysBetween(then, today);
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(z.locale, { timeZone: z.timeZone, ...o }).format(at);
  if (days <= 0) return fmt({ hour: '2-digit', minute: '2-digit' });
  if (days === 1) return t('inbox.time.yesterday');
  if (days < 7) return fmt({ weekday: 'short' });
  if (then.slice(0, 4) === today.slice(0, 4)) return fmt({ day: 'numeric', month: 'short' });
  return fmt({ day: 'numeric', month: 'short', year: 'numeric' });
}

/** The heading over a day of messages. */
export function dayLabel(t: TFunction, z: Zone, day: string, now: number): string {
  const today = dayKey(new Date(now).toISOString(), z.timeZone);
  const days = daysBetween(day, today);
  if (days === 0) return t('inbox.time.today');
  if (days === 1) return t('inbox.time.yesterday');
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  // Noon UTC of that day is the same calendar day in every zone from −12 to +11.
  return new Intl.DateTimeFormat(z.locale, {
    timeZone: 'UTC',
    weekday: days < 7 ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: sameYear ? undefined : 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** A message's time of day. */
export function clockTime(z: Zone, iso: string): string {
  return new Intl.DateTimeFormat(z.locale, {
    timeZone: z.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A moment in full: "29 Nov, 14:05" (with the year when it is not this one). */
export function dateTime(z: Zone, iso: string, now: number): string {
  const year = (at: string) => dayKey(at, z.timeZone).slice(0, 4);
  const sameYear = year(iso) === year(new Date(now).toISOString());
  return new Intl.DateTimeFormat(z.locale, {
    timeZone: z.timeZone,
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "3 h 12 min", "2 d 5 h", "under a minute": abbreviations sidestep plural forms. */
export function formatDuration(t: TFunction, ms: number): string {
  if (ms < MINUTE) return t('inbox.duration.underMinute');
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  if (d > 0) return h > 0 ? t('inbox.duration.dh', { d, h }) : t('inbox.duration.d', { d });
  if (h > 0) return m > 0 ? t('inbox.duration.hm', { h, m }) : t('inbox.duration.h', { h });
  return t('inbox.duration.m', { m });
}
