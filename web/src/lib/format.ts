// Locale-aware formatting; the locale comes from useI18n() so dates follow the chosen language
// and the browser's time zone.

export function formatDateTime(locale: string, iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

export function formatTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(date);
}

export function formatNumber(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatBytes(locale: string, bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    // CLDR's short English byte unit is the word "byte"; the narrow form is the usual "B".
    unitDisplay: unit === 'byte' && locale.startsWith('en') ? 'narrow' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** Pretty-prints JSON text; anything else comes back unchanged. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
