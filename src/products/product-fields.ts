import { currencyDigits } from './price-format.js';

// One set of rules for a product's fields, shared by the JSON API and the CSV import, so a price
// that the form accepts is accepted from a spreadsheet too. Each returns the normalized value or
// a message that says what is wrong and what would be right.

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (message: string): Checked<never> => ({ ok: false, message });

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217, any case in, upper case out */
export function checkCurrency(input: string): Checked<string> {
  const code = input.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && currencies.has(code)) return ok(code);
  return bad(`"${input}" is not an ISO 4217 currency code such as UAH, RUB, USD or EUR`);
}

/**
 * A positive decimal with at most the currency's minor units, stored with exactly that many
 * digits ("1299" → "1299.00" for UAH, "1500" for JPY). Spreadsheets from uk/ru locales write
 * "1 299,50", so spaces (also no-break) are dropped and a lone decimal comma is read as a point;
 * "1,299.50" (both marks) is refused as ambiguous rather than guessed.
 */
export function checkPrice(input: string | number, currency: string): Checked<string> {
  let s = String(input).replace(/[\s\u00a0\u202f]/g, '');
  if (s.includes(',') && s.includes('.')) return bad(`"${input}": use one decimal mark, e.g. 1299.50`);
  s = s.replace(',', '.');
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(s);
  if (!m) return bad(`"${input}" is not a price; write a positive number such as 1299.50`);
  const digits = currencyDigits(currency);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) {
    return bad(`"${input}" has more decimal places than ${currency} allows (${digits})`);
  }
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const price = digits === 0 ? int : `${int}.${fraction.padEnd(digits, '0')}`;
  if (!/[1-9]/.test(price)) return bad('the price must be greater than zero');
  return ok(price);
}

/** Instagram hashtags: letters of any script, digits and '_'. A leading '#' is accepted and dropped. */
export function checkHashtags(input: string[]): Checked<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input) {
    const tag = raw.trim().replace(/^#+/, '').normalize('NFC');
    if (tag === '') continue;
    if (!/^[\p{L}\p{M}\p{N}_]{1,100}$/u.test(tag)) {
      return bad(`"${raw}" is not a hashtag: use letters, digits and _ only, without spaces`);
    }
    const key = tag.toLocaleLowerCase('und');
    if (!seen.has(key)) out.push(tag);
    seen.add(key);
  }
  // Instagram refuses a caption with more than 30 (caption-limits.ts).
  if (out.length > 30) return bad(`${out.length} hashtags; Instagram allows at most 30 in a caption`);
  return ok(out);
}

/** an absolute http(s) URL; Meta fetches images itself and links must open in a browser */
export function checkUrl(input: string): Checked<string> {
  const s = input.trim();
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return bad(`"${input}" is not an absolute URL (https://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad(`"${input}" must be an http(s) URL`);
  if (s.length > 2048) return bad('the URL is longer than 2048 characters');
  return ok(url.toString());
}

/** up to 10 image URLs: a carousel holds at most 10 items */
export function checkImageUrls(input: string[]): Checked<string[]> {
  const urls: string[] = [];
  for (const raw of input) {
    if (raw.trim() === '') continue;
    const u = checkUrl(raw);
    if (!u.ok) return u;
    urls.push(u.value);
  }
  if (urls.length > 10) return bad(`${urls.length} images; a post holds at most 10`);
  return ok(urls);
}

/**
 * A custom field name as a template variable: trimmed, lower case, spaces and '-' as '_'
 * ("Колір", "Made in" → `{колір}`, `{made_in}`).
 */
export function customFieldKey(raw: string): string {
  return raw
    .trim()
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[\s-]+/g, '_');
}

/** a custom field name that can be written as `{name}` in a template */
export function isCustomFieldKey(key: string): boolean {
  return /^[\p{L}\p{M}\p{N}_]{1,64}$/u.test(key);
}
