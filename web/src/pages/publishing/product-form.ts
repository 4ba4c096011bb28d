import type { ProductBody, ProductView } from './types.js';

// The product form holds text as typed; these turn it into the API's body and back. The server
// decides what is valid (prices, currencies, URLs, hashtags) and says so per field.

export interface ProductDraft {
  name: string;
  price: string;
  currency: string;
  description: string;
  /** one URL per line */
  imageUrls: string;
  url: string;
  /** words as typed: "#linen сукня, summer" */
  hashtags: string;
  inStock: boolean;
  customFields: { key: string; value: string }[];
}

export const emptyDraft = (currency = 'UAH'): ProductDraft => ({
  name: '',
  price: '',
  currency,
  description: '',
  imageUrls: '',
  url: '',
  hashtags: '',
  inStock: true,
  customFields: [],
});

/** hashtags as the API keeps them: words without '#', split at spaces, commas and semicolons, each once */
export function parseHashtags(text: string): string[] {
  const words = text
    .split(/[\s,;]+/u)
    .map((w) => w.replace(/^#+/u, ''))
    .filter(Boolean);
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hashtagsText(words: readonly string[]): string {
  return words.map((w) => `#${w}`).join(' ');
}

export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function draftOf(p: ProductView): ProductDraft {
  return {
    name: p.name,
    price: p.price,
    currency: p.currency,
    description: p.description,
    imageUrls: p.imageUrls.join('\n'),
    url: p.url ?? '',
    hashtags: hashtagsText(p.hashtags),
    inStock: p.inStock,
    customFields: Object.entries(p.customFields).map(([key, value]) => ({ key, value })),
  };
}

/** the body for POST, and for PATCH (where an emptied field must be sent as empty to clear it) */
export function toProductBody(d: ProductDraft): ProductBody {
  const customFields: Record<string, string> = {};
  for (const { key, value } of d.customFields) {
    if (key.trim() !== '' || value.trim() !== '') customFields[key.trim()] = value;
  }
  return {
    name: d.name.trim(),
    price: d.price.trim(),
    currency: d.currency.trim().toUpperCase(),
    description: d.description.trim(),
    imageUrls: parseLines(d.imageUrls),
    url: d.url.trim() || null,
    hashtags: parseHashtags(d.hashtags),
    inStock: d.inStock,
    customFields,
  };
}

/** the price as the shop's customers read it: "1 299,00 ₴" */
export function formatPrice(locale: string, price: string, currency: string): string {
  const amount = Number(price);
  if (!Number.isFinite(amount)) return `${price} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${price} ${currency}`;
  }
}
