import { errors } from '../errors.js';
import type { Product } from './product.js';
import type { ProductRepository, ProductRow } from './product.repository.js';
import type { CreateBody, PatchBody } from './product.schema.js';
import { type FieldIssue, toProductFields } from './product-input.js';

// A UUIDv7 from this list, nothing else: a cursor is compared with ids in SQL.
const CURSOR = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** the HTTP layer's validation error, with one issue per field, in request paths (`body.price`) */
export function invalidProduct(issues: FieldIssue[]) {
  const list = issues.map((i) => ({ path: `body.${i.field}`, message: i.message }));
  return errors.validation(`Invalid request: ${list.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
    issues: list,
  });
}

export class ProductService {
  constructor(private readonly products: ProductRepository) {}

  async list(workspaceId: string, q: { q?: string; inStock?: boolean; cursor?: string; limit: number }) {
    if (q.cursor !== undefined && !CURSOR.test(q.cursor)) {
      throw errors.validation('Invalid request: querystring.cursor: not a cursor from this list', {
        issues: [{ path: 'querystring.cursor', message: 'not a cursor from this list' }],
      });
    }
    const items = await this.products.page(workspaceId, {
      q: q.q,
      inStock: q.inStock,
      before: q.cursor,
      limit: q.limit + 1,
    });
    const page = items.slice(0, q.limit);
    return { items: page, nextCursor: items.length > q.limit ? (page.at(-1)?.id ?? null) : null };
  }

  async get(workspaceId: string, id: string): Promise<Product> {
    const product = await this.products.find(workspaceId, id);
    if (!product) throw errors.notFound('Product');
    return product;
  }

  /** the stored row, for the caption renderer */
  async getRow(workspaceId: string, id: string): Promise<ProductRow> {
    const row = await this.products.findRow(workspaceId, id);
    if (!row) throw errors.notFound('Product');
    return row;
  }

  async create(workspaceId: string, body: CreateBody): Promise<Product> {
    const checked = toProductFields(body);
    if ('issues' in checked) throw invalidProduct(checked.issues);
    return this.products.insert(workspaceId, checked.fields);
  }

  /** The patch is applied to the stored product and the result is checked as a whole. */
  async update(workspaceId: string, id: string, body: PatchBody): Promise<Product> {
    const current = await this.get(workspaceId, id);
    const checked = toProductFields({
      name: body.name ?? current.name,
      // a new currency re-checks the stored price against its minor units
      price: body.price ?? current.price,
      currency: body.currency ?? current.currency,
      description: body.description ?? current.description,
      imageUrls: body.imageUrls ?? current.imageUrls,
      url: body.url === undefined ? current.url : body.url,
      hashtags: body.hashtags ?? current.hashtags,
      inStock: body.inStock ?? current.inStock,
      customFields: body.customFields === undefined ? current.customFields : (body.customFields ?? {}),
    });
    if ('issues' in checked) throw invalidProduct(checked.issues);
    const updated = await this.products.update(workspaceId, id, checked.fields);
    if (!updated) throw errors.notFound('Product');
    return updated;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.products.delete(workspaceId, id))) throw errors.notFound('Product');
  }

  /** the custom field names caption templates may use (validateTemplate's second argument) */
  customFieldNames(workspaceId: string): Promise<string[]> {
    return this.products.customFieldNames(workspaceId);
  }
}
