import type { ProductView } from './types.js';

// The variables a caption template may name (src/products/caption-template.ts): the built-in ones
// and every custom field of the catalogue's products, which the editor offers as buttons that
// insert `{name}` where the cursor is.

export const builtInVariables = [
  'product_name',
  'product_price',
  'product_price_full',
  'currency',
  'currency_code',
  'description',
  'product_url',
  'hashtags',
] as const;
export type BuiltInVariable = (typeof builtInVariables)[number];

const builtIns = new Set<string>(builtInVariables);

export function isBuiltInVariable(name: string): name is BuiltInVariable {
  return builtIns.has(name);
}

/** the custom field names of these products, each once, in alphabetical order of the locale */
export function customFieldNames(products: readonly Pick<ProductView, 'customFields'>[], locale: string) {
  const names = new Set<string>();
  for (const p of products) for (const name of Object.keys(p.customFields)) names.add(name);
  return [...names].filter((n) => !builtIns.has(n)).sort((a, b) => a.localeCompare(b, locale));
}

export interface Insertion {
  text: string;
  /** where the cursor goes: right after the inserted variable */
  cursor: number;
}

/** puts `{name}` in place of the selection [start, end) */
export function insertVariable(text: string, start: number, end: number, name: string): Insertion {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const token = `{${name}}`;
  return { text: text.slice(0, from) + token + text.slice(to), cursor: from + token.length };
}
