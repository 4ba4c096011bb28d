import { AppError, errors } from '../errors.js';
import { type CsvRecord, CsvSyntaxError, type CsvTable, parseCsv } from './csv.js';
import { checkCurrency } from './product-fields.js';
import { columnOf } from './product-import-row.js';

// Reading an uploaded catalogue file before any row is looked at: size, encoding, CSV syntax and
// a usable header. Each of these fails the whole file with one error that says what to fix.

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export type CsvEncoding = 'utf-8' | 'windows-1251';

export interface ImportFile {
  encoding: CsvEncoding;
  delimiter: CsvTable['delimiter'];
  /** the header's cells as written (errors name columns this way) */
  originals: string[];
  columns: ReturnType<typeof columnOf>[];
  /** per column: the standard column or the custom field name */
  keys: string[];
  rows: CsvRecord[];
}

export function importTooLarge(): AppError {
  return new AppError(
    'product_import_too_large',
    `The file is too large: at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB and ${IMPORT_MAX_ROWS} rows; split it into parts`,
    413,
    { maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS },
  );
}

function invalidFile(message: string, details?: Record<string, unknown>): AppError {
  return errors.unprocessable('product_import_invalid', message, details);
}

/**
 * UTF-8 (a BOM is dropped by the parser); bytes that are not UTF-8 are read as windows-1251,
 * which is what Excel in ru/uk Windows saves as plain "CSV", so such files import instead of
 * turning Cyrillic into replacement characters.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

export function readImportFile(body: Buffer | string, defaultCurrency: string | undefined): ImportFile {
  if (Buffer.byteLength(body) > IMPORT_MAX_BYTES) throw importTooLarge();
  if (defaultCurrency !== undefined && !checkCurrency(defaultCurrency).ok) {
    throw errors.validation(`Invalid request: defaultCurrency: "${defaultCurrency}" is not an ISO 4217 code`);
  }
  const { text, encoding } =
    typeof body === 'string' ? { text: body, encoding: 'utf-8' as const } : decodeCsv(body);
  let table: CsvTable;
  try {
    table = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw invalidFile(`The CSV file cannot be read: ${err.message}`, { row: err.row });
  }
  const [header, ...rows] = table.records;
  if (!header) throw invalidFile('The CSV file is empty; the first row must name the columns');
  if (rows.length > IMPORT_MAX_ROWS) throw importTooLarge();
  const originals = header.fields.map((h) => h.trim());
  const columns = originals.map(columnOf);
  const keys = columns.map((c) => ('standard' in c ? c.standard : c.custom));
  const duplicates = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
  const missing = ['name', 'price'].filter((k) => !keys.includes(k));
  if (!keys.includes('currency') && !defaultCurrency) missing.push('currency');
  if (duplicates.length || missing.length) {
    const parts = [
      ...(missing.length ? [`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`] : []),
      ...(duplicates.length
        ? [`repeated column${duplicates.length > 1 ? 's' : ''} ${duplicates.join(', ')}`]
        : []),
    ];
    const hint = missing.includes('currency') ? ' (or give defaultCurrency)' : '';
    throw invalidFile(`The CSV header is not usable: ${parts.join('; ')}${hint}`, {
      missing,
      duplicates,
      columns: originals,
    });
  }
  return { encoding, delimiter: table.delimiter, originals, columns, keys, rows };
}
