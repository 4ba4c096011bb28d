import { z } from 'zod';

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  statusCode: z.number(),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** documents the error body for the OpenAPI spec */
export const errorResponses = { 400: errorSchema, 401: errorSchema, 404: errorSchema, 409: errorSchema };

/** keyset pagination (API.md): `?cursor=&limit=`, limit ≤ 100 */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
