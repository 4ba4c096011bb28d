import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import { templateVariables } from './caption-template.js';
import type { CaptionTemplate } from './caption-template.repository.js';
import { isLocale } from './price-format.js';
import { createBody as productBody } from './product.schema.js';

const locale = z
  .string()
  .max(35)
  .refine(isLocale, 'must be a BCP 47 locale such as uk-UA, ru-RU or en-US')
  // stored and echoed in canonical case: 'uk-ua' → 'uk-UA'
  .transform((l) => Intl.getCanonicalLocales(l)[0] ?? l);

// A template is checked again after rendering against Instagram's 2,200 characters; the body
// itself may be longer only by the room its variables take, so 10,000 is plenty.
const body = z.string().max(10_000);

export const createBody = z.object({
  name: z.string().trim().min(1).max(200),
  body,
  /** formats {product_price}; Ukrainian by default, like the seed's shop */
  locale: locale.default('uk-UA'),
});
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.object({
  name: createBody.shape.name.optional(),
  body: body.optional(),
  locale: locale.optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const listQuery = pageQuery;

export const previewBody = z.object({
  body,
  /** a stored product; or `product` (an unsaved form); or neither: a sample product */
  productId: z.string().max(64).optional(),
  /** absent fields take the sample product's values */
  product: productBody.partial().optional(),
  locale: locale.default('uk-UA'),
});
export type PreviewBody = z.infer<typeof previewBody>;

export const templateView = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  locale: z.string(),
  /** the variables the body uses */
  variables: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function toTemplateView(t: CaptionTemplate): z.infer<typeof templateView> {
  return {
    id: t.id,
    name: t.name,
    body: t.body,
    locale: t.locale,
    variables: templateVariables(t.body),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

const problem = z.object({
  code: z.enum(['caption_too_long', 'too_many_hashtags', 'too_many_mentions']),
  limit: z.number(),
  actual: z.number(),
  message: z.string(),
});

export const previewResult = z.object({
  caption: z.string(),
  /** UTF-16 code units, the way Instagram's apps count (caption-limits.ts) */
  length: z.number(),
  hashtagCount: z.number(),
  mentionCount: z.number(),
  /** Instagram limits the caption breaks */
  problems: z.array(problem),
  /** variables that would make saving fail: neither built in nor a custom field of any product */
  unknown: z.array(z.string()),
  /** lone braces (write {{ or }} for a literal one) */
  syntax: z.array(z.object({ index: z.number(), message: z.string() })),
  /** variables this product has no value for */
  missing: z.array(z.string()),
  /** the product the caption was rendered for; id null for an unsaved or sample product */
  product: z.object({ id: z.string().nullable(), name: z.string() }),
});
