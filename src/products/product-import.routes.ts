import type { FastifyError } from 'fastify';
import { z } from 'zod';
import { errors } from '../errors.js';
import { requireOwner } from '../http/authenticate.js';
import { errorHandler } from '../http/error-handler.js';
import { errorResponses, errorSchema } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { IMPORT_MAX_BYTES, importTooLarge, type ProductImportService } from './product-import.js';

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const importQuery = z.object({
  /** for rows (or files) without a currency column */
  defaultCurrency: z.string().max(10).optional(),
  /** check every row and report, without saving anything */
  dryRun: flag,
});
const jsonBody = z.object({
  csv: z.string(),
  defaultCurrency: z.string().max(10).optional(),
  dryRun: z.boolean().optional(),
});

const importReport = z.object({
  imported: z.number(),
  updated: z.number(),
  failed: z.array(
    z.object({
      /** as the spreadsheet numbers it: the header is row 1 */
      row: z.number(),
      errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
    }),
  ),
  delimiter: z.enum([',', ';', '\t']),
  encoding: z.enum(['utf-8', 'windows-1251']),
  dryRun: z.boolean(),
});

/**
 * `POST /api/v1/products/import`: the file itself as `text/csv` (the dashboard sends the picked
 * File as the body, no multipart and no reading it into a string first; options in the query), or
 * JSON `{csv, defaultCurrency?, dryRun?}` for scripts. Its own plugin, so the CSV body parser and
 * the larger body limit stay on this route.
 */
export function productImportRoutes(api: HttpServer, service: ProductImportService): void {
  void api.register(async (scope: HttpServer) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.setErrorHandler((err: FastifyError, req, reply) =>
      errorHandler(err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? importTooLarge() : err, req, reply),
    );
    scope.post(
      '/api/v1/products/import',
      {
        // JSON escapes quotes and line breaks, so the same file takes more room inside {csv}.
        bodyLimit: 2 * IMPORT_MAX_BYTES,
        schema: {
          tags: ['publishing'],
          querystring: importQuery,
          response: { 200: importReport, ...errorResponses, 413: errorSchema, 422: errorSchema },
        },
      },
      async (req) => {
        requireOwner(req);
        if (Buffer.isBuffer(req.body)) return service.importCsv(req.auth.workspaceId, req.body, req.query);
        const parsed = jsonBody.safeParse(req.body);
        if (!parsed.success) {
          throw errors.validation('Invalid request: send the file as text/csv, or JSON {"csv": "…"}');
        }
        const { csv, defaultCurrency, dryRun } = parsed.data;
        return service.importCsv(req.auth.workspaceId, csv, {
          defaultCurrency: defaultCurrency ?? req.query.defaultCurrency,
          dryRun: dryRun ?? req.query.dryRun,
        });
      },
    );
  });
}
