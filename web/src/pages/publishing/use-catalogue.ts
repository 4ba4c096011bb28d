import { loadAll } from '../../lib/load-all.js';
import { useQuery } from '../../lib/use-query.js';
import type { ProductView, TemplateView } from './types.js';

/** every product, for pickers and the custom field names templates may use */
export function useAllProducts() {
  return useQuery((api) => loadAll<ProductView>(api, '/products'), []);
}

export function useAllTemplates() {
  return useQuery((api) => loadAll<TemplateView>(api, '/caption-templates'), []);
}
