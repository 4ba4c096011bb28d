import type { Db } from '../db/database.js';
import type { HttpServer } from '../http/server.js';
import { CaptionTemplateRepository } from './caption-template.repository.js';
import { captionTemplateRoutes } from './caption-template.routes.js';
import { CaptionTemplateService } from './caption-template.service.js';
import { ProductRepository } from './product.repository.js';
import { productRoutes } from './product.routes.js';
import { ProductService } from './product.service.js';
import { ProductImportService } from './product-import.js';
import { productImportRoutes } from './product-import.routes.js';

/** The catalogue's services, wired by constructor (auto-posts use `products` and the renderer). */
export function createProductServices(db: Db, clock: () => number) {
  const products = new ProductService(new ProductRepository(db, clock));
  return {
    products,
    productImport: new ProductImportService(db, clock),
    captionTemplates: new CaptionTemplateService(new CaptionTemplateRepository(db, clock), products, clock),
  };
}

export type ProductServices = ReturnType<typeof createProductServices>;

/** every catalogue route, inside the authenticated scope */
export function registerProductRoutes(api: HttpServer, s: ProductServices): void {
  productRoutes(api, s.products);
  productImportRoutes(api, s.productImport);
  captionTemplateRoutes(api, s.captionTemplates);
}
