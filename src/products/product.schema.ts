import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import type { Product } from './product.js';

// Shapes only; the rules for prices, currencies, URLs and hashtags live in product-fields.ts so
// the CSV import applies the same ones and every problem of a product is reported at once.

const fields = {
  name: z.string().max(1000),
  /** "1299.50", "1299,50" or 1299.5; stored as a decimal string with the currency's minor units */
  price: z.union([z.string().max(40), z.number().positive()]),
  /** ISO 4217 */
  currency: z.string().max(10),
  description: z.string().max(10_000).optional(),
  imageUrls: z.array(z.string().max(4096)).max(20).optional(),
  url: z.string().max(4096).nullable().optional(),
  /** words without '#'; a leading '#' is accepted and dropped */
  hashtags: z.array(z.string().max(200)).max(100).optional(),
  inStock: z.boolean().optional(),
  /** extra values for caption templates: {"колір": "синій"} is `{колір}` */
  customFields: z.record(z.string().max(200), z.string().max(5000)).optional(),
};

export const createBody = z.object(fields);
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.object({
  ...fields,
  name: fields.name.optional(),
  price: fields.price.optional(),
  currency: fields.currency.optional(),
  /** null clears */
  customFields: fields.customFields.nullable(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const listQuery = pageQuery.extend({
  /** part of the name, any case and script */
  q: z.string().max(200).optional(),
  inStock: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const productView = z.object({
  id: z.string(),
  name: z.string(),
  price: z.string(),
  currency: z.string(),
  description: z.string(),
  imageUrls: z.array(z.string()),
  url: z.string().nullable(),
  hashtags: z.array(z.string()),
  inStock: z.boolean(),
  customFields: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof productView>;

export function toProductView(p: Product): ProductView {
  return {
    id: p.id,
    name: p.name,
    price: p.price,
    currency: p.currency,
    description: p.description,
    imageUrls: [...p.imageUrls],
    url: p.url,
    hashtags: [...p.hashtags],
    inStock: p.inStock,
    customFields: { ...p.customFields },
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
