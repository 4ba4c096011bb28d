import { errors } from '../errors.js';
import {
  renderCaption,
  templateSyntax,
  templateVariables,
  unknownVariables,
  validateTemplate,
} from './caption-template.js';
import type {
  CaptionTemplate,
  CaptionTemplateRepository,
  TemplateFields,
} from './caption-template.repository.js';
import type { CreateBody, PatchBody, PreviewBody } from './caption-template.schema.js';
import { productColumns } from './product.js';
import type { ProductRow } from './product.repository.js';
import { invalidProduct, type ProductService } from './product.service.js';
import { isCustomFieldKey } from './product-fields.js';
import { isReservedField, toProductFields } from './product-input.js';

// The live preview runs on every keystroke: the workspace's custom field names (a scan of the
// catalogue) are remembered briefly for it. Saving always reads them fresh.
const FIELD_NAMES_TTL_MS = 10_000;

const sample = {
  name: 'Linen dress',
  price: '1299.00',
  currency: 'UAH',
  description: 'Washed linen, relaxed fit',
  url: 'https://example.com/products/linen-dress',
  hashtags: ['linen', 'dress'],
};

export class CaptionTemplateService {
  private fieldNames = new Map<string, { at: number; names: string[] }>();

  constructor(
    private readonly templates: CaptionTemplateRepository,
    private readonly products: ProductService,
    private readonly clock: () => number,
  ) {}

  async list(workspaceId: string, q: { cursor?: string; limit: number }) {
    const items = await this.templates.page(workspaceId, { before: q.cursor, limit: q.limit + 1 });
    const page = items.slice(0, q.limit);
    return { items: page, nextCursor: items.length > q.limit ? (page.at(-1)?.id ?? null) : null };
  }

  async get(workspaceId: string, id: string): Promise<CaptionTemplate> {
    const t = await this.templates.find(workspaceId, id);
    if (!t) throw errors.notFound('Caption template');
    return t;
  }

  async create(workspaceId: string, body: CreateBody): Promise<CaptionTemplate> {
    validateTemplate(body.body, await this.products.customFieldNames(workspaceId));
    return this.templates.insert(workspaceId, body);
  }

  async update(workspaceId: string, id: string, body: PatchBody): Promise<CaptionTemplate> {
    const current = await this.get(workspaceId, id);
    const fields: TemplateFields = {
      name: body.name ?? current.name,
      body: body.body ?? current.body,
      locale: body.locale ?? current.locale,
    };
    if (body.body !== undefined)
      validateTemplate(fields.body, await this.products.customFieldNames(workspaceId));
    const updated = await this.templates.update(workspaceId, id, fields);
    if (!updated) throw errors.notFound('Caption template');
    return updated;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.templates.delete(workspaceId, id))) throw errors.notFound('Caption template');
  }

  /** The rendered caption with its counts and problems; reports template errors instead of throwing. */
  async preview(workspaceId: string, req: PreviewBody) {
    const row = await this.previewProduct(workspaceId, req);
    const rendered = renderCaption(req.body, row, req.locale);
    return {
      ...rendered,
      unknown: await this.unknown(workspaceId, req.body),
      syntax: templateSyntax(req.body),
      product: { id: req.productId ?? null, name: row.name },
    };
  }

  private async previewProduct(workspaceId: string, req: PreviewBody): Promise<ProductRow> {
    if (req.productId !== undefined) return this.products.getRow(workspaceId, req.productId);
    // A sample shows every custom field the template names as [name], so the layout is visible.
    const custom = Object.fromEntries(
      templateVariables(req.body)
        .filter((v) => isCustomFieldKey(v) && !isReservedField(v))
        .map((v) => [v, `[${v}]`]),
    );
    const merged = { ...sample, ...req.product, customFields: req.product?.customFields ?? custom };
    const checked = toProductFields(merged);
    if ('issues' in checked) {
      throw invalidProduct(checked.issues.map((i) => ({ ...i, field: `product.${i.field}` })));
    }
    const now = new Date(this.clock()).toISOString();
    return {
      id: '',
      workspace_id: workspaceId,
      ...productColumns(checked.fields),
      created_at: now,
      updated_at: now,
    };
  }

  /**
   * Unknown variables against remembered field names; a name that looks unknown is checked
   * against a fresh read, so a field added to a product a moment ago is never reported.
   */
  private async unknown(workspaceId: string, body: string): Promise<string[]> {
    const hit = this.fieldNames.get(workspaceId);
    if (hit && this.clock() - hit.at < FIELD_NAMES_TTL_MS) {
      const unknown = unknownVariables(body, hit.names);
      if (unknown.length === 0) return unknown;
    }
    const names = await this.products.customFieldNames(workspaceId);
    if (this.fieldNames.size > 1000) this.fieldNames.clear();
    this.fieldNames.set(workspaceId, { at: this.clock(), names });
    return unknownVariables(body, names);
  }
}
