import { customFieldKey } from './product-fields.js';
import type { ProductInput } from './product-input.js';

// How a spreadsheet's columns become a product. Headers are matched case-insensitively with
// spaces as '_' ("Image URLs" is image_urls); a few common spellings are accepted; every other
// column is a custom field, usable in caption templates as {its_name}.

export const STANDARD_COLUMNS = [
  'id',
  'name',
  'price',
  'currency',
  'description',
  'image_urls',
  'url',
  'hashtags',
  'in_stock',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

const aliases: Record<string, StandardColumn> = {
  product_name: 'name',
  title: 'name',
  product_price: 'price',
  image_url: 'image_urls',
  images: 'image_urls',
  image: 'image_urls',
  product_url: 'url',
  link: 'url',
  tags: 'hashtags',
  instock: 'in_stock',
  stock: 'in_stock',
};

/** what a header names: a standard column, or a custom field (its template name) */
export function columnOf(header: string): { standard: StandardColumn } | { custom: string } {
  const key = customFieldKey(header);
  const standard = (STANDARD_COLUMNS as readonly string[]).includes(key)
    ? (key as StandardColumn)
    : aliases[key];
  return standard ? { standard } : { custom: key };
}

const yes = new Set(['1', 'true', 'yes', 'y', '+', 'так', 'да', 'є', 'есть', 'в наявності', 'в наличии']);
const no = new Set([
  '0',
  'false',
  'no',
  'n',
  '-',
  'ні',
  'нет',
  'немає',
  'нема',
  'немає в наявності',
  'нет в наличии',
]);

/** a stock flag as people type it; empty means in stock */
export function parseInStock(raw: string): boolean | undefined {
  const v = raw.trim().toLocaleLowerCase('und');
  if (v === '' || yes.has(v)) return true;
  if (no.has(v)) return false;
  return undefined;
}

/**
 * One CSV row as the API's product input. Lists are split the way spreadsheets hold them:
 * image URLs by '|' or whitespace (a URL may contain ','), hashtags by whitespace, ',', ';' or '|'.
 */
export function rowToInput(
  headers: ReturnType<typeof columnOf>[],
  originals: string[],
  fields: string[],
  defaultCurrency: string | undefined,
): { input: ProductInput; id?: string; badStock?: string } {
  const input: ProductInput = { customFields: {} };
  let id: string | undefined;
  let badStock: string | undefined;
  headers.forEach((h, i) => {
    const value = fields[i] ?? '';
    if ('custom' in h) {
      // The original header, so an error names the column the way the file does.
      if (value.trim() !== '') input.customFields![originals[i]!] = value;
      return;
    }
    switch (h.standard) {
      case 'id':
        id = value.trim() || undefined;
        break;
      case 'name':
      case 'description':
      case 'currency':
      case 'price':
        input[h.standard] = value;
        break;
      case 'url':
        input.url = value.trim() || null;
        break;
      case 'image_urls':
        input.imageUrls = value.split(/[\s|]+/).filter(Boolean);
        break;
      case 'hashtags':
        input.hashtags = value.split(/[\s,;|]+/).filter(Boolean);
        break;
      case 'in_stock':
        input.inStock = parseInStock(value);
        if (input.inStock === undefined) badStock = value;
        break;
    }
  });
  if (!input.currency?.trim() && defaultCurrency) input.currency = defaultCurrency;
  return { input, id, badStock };
}
