import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { ProductTable } from '../db/products-schema.js';
import { containsPattern } from '../inbox/contact-search.js';
import {
  nameKey,
  type Product,
  type ProductFields,
  parseCustomFields,
  productColumns,
  toProduct,
} from './product.js';

/**
 * A stored product exactly as the table holds it (snake_case, JSON columns as text). The caption
 * renderer takes this shape so that auto-posts can pass a row it selected without converting it.
 */
export type ProductRow = ProductTable;

export interface ProductPageQuery {
  /** part of the name, any case, any script */
  q?: string;
  inStock?: boolean;
  /** newest first: the id of the last item of the previous page */
  before?: string;
  limit: number;
}

export class ProductRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  /** one page, newest first (ids are UUIDv7, so id order is creation order) */
  async page(workspaceId: string, opts: ProductPageQuery): Promise<Product[]> {
    let q = this.db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId);
    const term = opts.q === undefined ? '' : nameKey(opts.q);
    if (term !== '') {
      q = q.where(sql<SqlBool>`${sql.ref('search_text')} like ${containsPattern(term)} escape '\\'`);
    }
    if (opts.inStock !== undefined) q = q.where('in_stock', '=', opts.inStock ? 1 : 0);
    if (opts.before) q = q.where('id', '<', opts.before);
    const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
    return rows.map(toProduct);
  }

  async findRow(workspaceId: string, id: string): Promise<ProductRow | undefined> {
    return this.db
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async find(workspaceId: string, id: string): Promise<Product | undefined> {
    const row = await this.findRow(workspaceId, id);
    return row && toProduct(row);
  }

  /** ids of the products with exactly this name (any case); the CSV import matches rows by name */
  async idsByName(workspaceId: string, name: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('products')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('search_text', '=', nameKey(name))
      .limit(2)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Every custom field name used by the workspace's products: the variables a caption template
   * may use besides the built-in ones. Distinct JSON texts first, so a catalogue of products with
   * the same fields parses a handful of strings, not one per product.
   */
  async customFieldNames(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('products')
      .select('custom_fields')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('custom_fields', '!=', '{}')
      .execute();
    const names = new Set<string>();
    for (const r of rows) for (const k of Object.keys(parseCustomFields(r.custom_fields))) names.add(k);
    return [...names].sort();
  }

  async insert(workspaceId: string, fields: ProductFields): Promise<Product> {
    const now = new Date(this.clock()).toISOString();
    const row: ProductRow = {
      id: newId(this.clock()),
      workspace_id: workspaceId,
      ...productColumns(fields),
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('products').values(row).execute();
    return toProduct(row);
  }

  async update(workspaceId: string, id: string, fields: ProductFields): Promise<Product | undefined> {
    await this.db
      .updateTable('products')
      .set({ ...productColumns(fields), updated_at: new Date(this.clock()).toISOString() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return this.find(workspaceId, id);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom('products')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
