import { BUILT_IN_VARIABLES } from './caption-template.js';
import type { ProductFields } from './product.js';
import {
  type Checked,
  checkCurrency,
  checkHashtags,
  checkImageUrls,
  checkPrice,
  checkUrl,
  customFieldKey,
  isCustomFieldKey,
} from './product-fields.js';

// A whole product checked at once, so a form (or a CSV row) learns every problem in one answer.
// The API and the import both end here; they differ only in how they name a field.

export interface ProductInput {
  name?: string;
  price?: string | number;
  currency?: string;
  description?: string;
  imageUrls?: string[];
  url?: string | null;
  hashtags?: string[];
  inStock?: boolean;
  customFields?: Record<string, string>;
}

export interface FieldIssue {
  /** a ProductInput key, or `customFields.<name>` */
  field: string;
  message: string;
}

/** names a custom field may not take: they already mean something in a template or a CSV file */
const reserved = new Set<string>([
  ...BUILT_IN_VARIABLES,
  ...['id', 'name', 'price', 'currency', 'description', 'image_urls', 'url', 'hashtags', 'in_stock'],
]);

/** a name a custom field may not take */
export function isReservedField(key: string): boolean {
  return reserved.has(key);
}

export function toProductFields(input: ProductInput): { fields: ProductFields } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  function take<T>(field: string, r: Checked<T>, fallback: T): T {
    if (r.ok) return r.value;
    issues.push({ field, message: r.message });
    return fallback;
  }
  const name = (input.name ?? '').trim();
  if (name === '') issues.push({ field: 'name', message: 'the product needs a name' });
  if (name.length > 200) issues.push({ field: 'name', message: 'at most 200 characters' });
  let currency = '';
  if (input.currency === undefined || input.currency.trim() === '') {
    issues.push({ field: 'currency', message: 'give the currency as an ISO 4217 code such as UAH' });
  } else {
    currency = take('currency', checkCurrency(input.currency), '');
  }
  let price = '';
  if (input.price === undefined || String(input.price).trim() === '') {
    issues.push({ field: 'price', message: 'the product needs a price' });
  } else if (currency) {
    price = take('price', checkPrice(input.price, currency), '');
  }
  const description = (input.description ?? '').trim();
  if (description.length > 5000) issues.push({ field: 'description', message: 'at most 5000 characters' });
  const url = input.url ? take('url', checkUrl(input.url), null) : null;
  const customFields: Record<string, string> = {};
  for (const [raw, value] of Object.entries(input.customFields ?? {})) {
    const key = customFieldKey(raw);
    const field = `customFields.${raw}`;
    if (!isCustomFieldKey(key)) {
      issues.push({
        field,
        message: 'a field name is 1–64 letters, digits or _ (it is used as {name} in captions)',
      });
    } else if (reserved.has(key)) {
      issues.push({ field, message: `"${key}" is a built-in name; choose another` });
    } else if (value.length > 1000) {
      issues.push({ field, message: 'at most 1000 characters' });
    } else if (value.trim() !== '') {
      customFields[key] = value.trim();
    }
  }
  if (Object.keys(customFields).length > 50) {
    issues.push({ field: 'customFields', message: 'at most 50 custom fields' });
  }
  const fields: ProductFields = {
    name,
    price,
    currency,
    description,
    imageUrls: take('imageUrls', checkImageUrls(input.imageUrls ?? []), []),
    url,
    hashtags: take('hashtags', checkHashtags(input.hashtags ?? []), []),
    inStock: input.inStock ?? true,
    customFields,
  };
  return issues.length ? { issues } : { fields };
}
