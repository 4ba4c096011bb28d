// Dates on the publishing pages, in the zone the user chose (the schedule) or the browser's.

const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(locale: string, timeZone: string | undefined, opts: Intl.DateTimeFormatOptions) {
  const key = JSON.stringify([locale, timeZone, opts]);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "2 Dec 2026, 18:20" */
export function shortDateTime(locale: string, iso: string, timeZone?: string): string {
  return fmt(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "2 Dec 2026, 18:20:05": a scheduled time, which is kept to the second */
export function exactDateTime(locale: string, iso: string, timeZone?: string): string {
  return fmt(locale, timeZone, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** "18:20" */
export function timeOfDay(locale: string, iso: string, timeZone?: string): string {
  return fmt(locale, timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "Mon 23" for a civil date (YYYY-MM-DD) */
export function dayLabel(locale: string, key: string, opts: Intl.DateTimeFormatOptions): string {
  return fmt(locale, 'UTC', opts).format(new Date(`${key}T12:00:00Z`));
}
