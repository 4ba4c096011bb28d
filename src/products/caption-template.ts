import { errors } from '../errors.js';
import { type CaptionProblem, captionCounts, captionProblems } from './caption-limits.js';
import { type SyntaxProblem, tokenize, variableName } from './caption-syntax.js';
import { formatPrice } from './price-format.js';
import { parseCustomFields, parseStringList } from './product.js';
import type { ProductRow } from './product.repository.js';

export type { CaptionProblem } from './caption-limits.js';
export { type SyntaxProblem, variableName } from './caption-syntax.js';

// Caption templates such as the seed's `🎁 {product_name} - {product_price}₴\n{hashtags}`:
// what a template may name, checking it when it is saved, and rendering it for a product.
// The brace syntax (Python's str.format) is in caption-syntax.ts.

/** the variables every template may use; any custom product field name is allowed besides */
export const BUILT_IN_VARIABLES = [
  'product_name',
  /** the amount formatted for the locale with the currency's minor units, no symbol: "1 299" */
  'product_price',
  /** the amount with the currency where the locale puts it: "1 299 ₴", "$1,299.50" */
  'product_price_full',
  /** the currency's symbol ("₴") */
  'currency',
  /** the ISO 4217 code ("UAH") */
  'currency_code',
  'description',
  'product_url',
  /** the product's hashtags as `#a #b` */
  'hashtags',
] as const;

const builtIns = new Set<string>(BUILT_IN_VARIABLES);

/** the distinct variables a template uses, in order of first use */
export function templateVariables(body: string): string[] {
  const names = tokenize(body).tokens.flatMap((t) => ('variable' in t ? [t.variable] : []));
  return [...new Set(names)];
}

/**
 * Throws `caption_template_invalid` (422) when the template has a variable that is neither
 * built in nor one of the custom field names, or a lone brace. `details.unknown` lists the
 * unknown names, `details.syntax` the brace problems.
 */
export function validateTemplate(body: string, customFieldNames: string[]): void {
  const { syntax } = tokenize(body);
  const unknown = unknownVariables(body, customFieldNames);
  if (unknown.length === 0 && syntax.length === 0) return;
  const parts = [
    ...(unknown.length
      ? [`unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}`]
      : []),
    ...syntax.map((s) => s.message),
  ];
  throw errors.unprocessable(
    'caption_template_invalid',
    `The caption template is not valid: ${parts.join('; ')}`,
    {
      unknown,
      syntax,
      known: [...BUILT_IN_VARIABLES, ...customFieldNames.map(variableName)],
    },
  );
}

/** lone braces, for the live preview (which reports rather than throws) */
export function templateSyntax(body: string): SyntaxProblem[] {
  return tokenize(body).syntax;
}

/** variables that are neither built in nor custom fields (for the live preview, which must not throw) */
export function unknownVariables(body: string, customFieldNames: string[]): string[] {
  const custom = new Set(customFieldNames.map(variableName));
  return templateVariables(body).filter((v) => !builtIns.has(v) && !custom.has(v));
}

export interface RenderedCaption {
  caption: string;
  hashtagCount: number;
  mentionCount: number;
  /** UTF-16 code units: see captionLength in caption-limits.ts */
  length: number;
  /** Instagram limits the caption breaks; empty when it can be published */
  problems: CaptionProblem[];
  /** variables this product has no value for (rendered as empty text) */
  missing: string[];
}

/** Renders a template for a product. Pure and cheap: the dashboard calls it on every keystroke. */
export function renderCaption(body: string, product: ProductRow, locale: string): RenderedCaption {
  const values = productValues(product, locale);
  const missing = new Set<string>();
  let caption = '';
  for (const t of tokenize(body).tokens) {
    if ('text' in t) {
      caption += t.text;
      continue;
    }
    const value = values(t.variable);
    if (!value) missing.add(t.variable);
    caption += value ?? '';
  }
  // A trailing empty {hashtags} or {description} would leave blank lines at the end.
  caption = caption.replace(/\r\n?/g, '\n').trimEnd();
  const counts = captionCounts(caption);
  return { caption, ...counts, problems: captionProblems(counts), missing: [...missing] };
}

function productValues(p: ProductRow, locale: string): (name: string) => string | undefined {
  let price: ReturnType<typeof formatPrice> | undefined;
  const priceOf = () => {
    price ??= formatPrice(p.price, p.currency, locale);
    return price;
  };
  let custom: Map<string, string> | undefined;
  return (name) => {
    switch (name) {
      case 'product_name':
        return p.name;
      case 'product_price':
        return priceOf().amount;
      case 'product_price_full':
        return priceOf().full;
      case 'currency':
        return priceOf().symbol;
      case 'currency_code':
        return p.currency;
      case 'description':
        return p.description;
      case 'product_url':
        return p.url ?? '';
      case 'hashtags':
        return parseStringList(p.hashtags)
          .map((h) => `#${h}`)
          .join(' ');
    }
    custom ??= new Map(
      Object.entries(parseCustomFields(p.custom_fields)).map(([k, v]) => [variableName(k), v]),
    );
    return custom.get(name);
  };
}
