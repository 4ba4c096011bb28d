import type { Db } from '../db/database.js';
import { ProductRepository } from './product.repository.js';
import { type CsvEncoding, readImportFile } from './product-import-file.js';
import { rowToInput } from './product-import-row.js';
import { toProductFields } from './product-input.js';

export { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, importTooLarge } from './product-import-file.js';

// CSV catalogue import. Every row is checked on its own: good rows are saved, bad rows come back
// with their spreadsheet row number and each column's problem. Rows match existing products by
// an `id` column, else by the same name (any case), so importing an updated file again updates
// prices instead of duplicating the catalogue.

type RowError = { column: string | null; message: string };

export interface ImportReport {
  imported: number;
  updated: number;
  failed: { row: number; errors: RowError[] }[];
  delimiter: ',' | ';' | '\t';
  encoding: CsvEncoding;
  dryRun: boolean;
}

export class ProductImportService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  async importCsv(
    workspaceId: string,
    body: Buffer | string,
    opts: { defaultCurrency?: string; dryRun?: boolean } = {},
  ): Promise<ImportReport> {
    const file = readImportFile(body, opts.defaultCurrency);
    const { originals, columns, keys } = file;
    /** the column a problem belongs to, named as the file names it */
    const columnName = (field: string): string => {
      if (field.startsWith('customFields.')) return field.slice('customFields.'.length);
      const std = { imageUrls: 'image_urls', inStock: 'in_stock' }[field] ?? field;
      const i = keys.indexOf(std);
      return i >= 0 ? originals[i]! : std;
    };
    const report: ImportReport = {
      imported: 0,
      updated: 0,
      failed: [],
      delimiter: file.delimiter,
      encoding: file.encoding,
      dryRun: !!opts.dryRun,
    };
    // One transaction: thousands of rows commit once (SQLite syncs every commit to disk).
    await this.db.transaction().execute(async (trx) => {
      const repo = new ProductRepository(trx, this.clock);
      for (const rec of file.rows) {
        const fail = (errors: RowError[]) => report.failed.push({ row: rec.row, errors });
        if (rec.fields.length > columns.length) {
          const message = `the row has ${rec.fields.length} values but the header names ${columns.length} columns`;
          fail([{ column: null, message }]);
          continue;
        }
        const { input, id, badStock } = rowToInput(columns, originals, rec.fields, opts.defaultCurrency);
        const checked = toProductFields(input);
        const errs: RowError[] =
          'issues' in checked
            ? checked.issues.map((i) => ({ column: columnName(i.field), message: i.message }))
            : [];
        if (badStock !== undefined) {
          const message = `"${badStock}" is not yes/no (1/0, true/false, так/ні, да/нет)`;
          errs.push({ column: columnName('inStock'), message });
        }
        if (errs.length || !('fields' in checked)) {
          fail(errs);
          continue;
        }
        const ids = id ? [id] : await repo.idsByName(workspaceId, checked.fields.name);
        if (id && !(await repo.findRow(workspaceId, id))) {
          fail([{ column: columnName('id'), message: `no product with id ${id} in this workspace` }]);
        } else if (ids.length > 1) {
          const message = 'several products have this name; add an id column to say which one';
          fail([{ column: columnName('name'), message }]);
        } else if (ids[0]) {
          if (!opts.dryRun) await repo.update(workspaceId, ids[0], checked.fields);
          report.updated += 1;
        } else {
          if (!opts.dryRun) await repo.insert(workspaceId, checked.fields);
          report.imported += 1;
        }
      }
    });
    return report;
  }
}
