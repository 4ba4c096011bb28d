import type { ProductTable } from '../db/products-schema.js';

// The product as services, the HTTP layer and the CSV import see it: JSON columns parsed,
// camelCase. The stored row (ProductRow) is what the caption renderer and auto-posts take.

export interface Product {
  id: string;
  workspaceId: string;
  name: string;
  /** decimal string with the currency's minor units: "1299.00" */
  price: string;
  currency: string;
  description: string;
  imageUrls: string[];
  url: string | null;
  /** words without '#' */
  hashtags: string[];
  inStock: boolean;
  customFields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** what a create, an update or an imported CSV row sets */
export type ProductFields = Omit<Product, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;

export function toProduct(r: ProductTable): Product {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    price: r.price,
    currency: r.currency,
    description: r.description,
    imageUrls: parseStringList(r.image_urls),
    url: r.url,
    hashtags: parseStringList(r.hashtags),
    inStock: Boolean(r.in_stock),
    customFields: parseCustomFields(r.custom_fields),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** the columns a ProductFields value is stored in (without id, workspace and times) */
export function productColumns(f: ProductFields) {
  return {
    name: f.name,
    search_text: nameKey(f.name),
    price: f.price,
    currency: f.currency,
    description: f.description,
    image_urls: JSON.stringify(f.imageUrls),
    url: f.url,
    hashtags: JSON.stringify(f.hashtags),
    in_stock: f.inStock ? 1 : 0,
    custom_fields: JSON.stringify(f.customFields),
  };
}

/**
 * A name folded with Unicode rules in JS: SQLite's lower() folds ASCII only, so `Сукня` would
 * never find `сукня` there (same approach as src/inbox/contact-search.ts).
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('und');
}

/** a JSON string[] column parsed (image_urls, hashtags) */
export function parseStringList(text: string): string[] {
  const list = parseJson<unknown>(text, []);
  return Array.isArray(list) ? list.map(String) : [];
}

/** the custom_fields column parsed (the renderer reads it from a ProductRow) */
export function parseCustomFields(text: string): Record<string, string> {
  return parseJson<Record<string, string>>(text, {});
}

/** A damaged JSON column reads as empty rather than failing a whole list. */
function parseJson<T>(text: string, fallback: T): T {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}
