// Prices in captions, formatted with Intl for the product's currency and the template's locale.
// Prices are decimal strings; Intl.NumberFormat formats a string exactly (no float rounding:
// "0.10" + "0.20" never becomes 0.30000000000000004).

export interface FormattedPrice {
  /** the amount alone, e.g. "1 299" or "1 299,50" (uk-UA): the seed writes `{product_price}₴` */
  amount: string;
  /** the amount with the currency where the locale puts it: "1 299 ₴", "$1,299.50" */
  full: string;
  /** the currency's symbol in that locale, narrow form: "₴", "₽", "$", "€" */
  symbol: string;
}

// Building a NumberFormat costs far more than formatting with one, and the dashboard previews a
// caption on every keystroke; a small cache keyed by locale and currency keeps that cheap.
const cache = new Map<string, { amount: Intl.NumberFormat; full: Intl.NumberFormat }>();
const CACHE_MAX = 200;

function formatters(locale: string, currency: string) {
  const key = `${locale}|${currency}`;
  let f = cache.get(key);
  if (!f) {
    const full = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      // "1 299 ₴" rather than "1 299,00 ₴" for whole amounts; cents stay when there are any.
      trailingZeroDisplay: 'stripIfInteger',
    });
    const digits = full.resolvedOptions().maximumFractionDigits ?? 2;
    const amount = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      trailingZeroDisplay: 'stripIfInteger',
    });
    if (cache.size >= CACHE_MAX) cache.clear();
    f = { amount, full };
    cache.set(key, f);
  }
  return f;
}

/** Formats a decimal-string price; an unusable locale falls back to English rather than failing. */
export function formatPrice(price: string, currency: string, locale: string): FormattedPrice {
  let f: ReturnType<typeof formatters>;
  try {
    f = formatters(locale, currency);
  } catch {
    try {
      f = formatters('en-US', currency);
    } catch {
      // Not an ISO currency (a row written by hand): show what is stored.
      return { amount: price, full: `${price} ${currency}`, symbol: currency };
    }
  }
  // Intl's types take number | bigint, but V8 formats decimal strings exactly (Intl.NumberFormat v3).
  const value = price as unknown as number;
  const full = f.full.format(value);
  const symbol = f.full.formatToParts(value).find((p) => p.type === 'currency')?.value ?? currency;
  return { amount: f.amount.format(value), full, symbol };
}

/** The number of minor-unit digits of an ISO 4217 currency (2 for UAH, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  return formatters('en-US', currency).full.resolvedOptions().maximumFractionDigits ?? 2;
}

/** true for a well-formed BCP 47 locale Intl can use ('uk-UA', 'ru', 'en-US') */
export function isLocale(locale: string): boolean {
  try {
    return (
      Intl.getCanonicalLocales(locale).length === 1 &&
      Intl.NumberFormat.supportedLocalesOf(locale).length === 1
    );
  } catch {
    return false;
  }
}
