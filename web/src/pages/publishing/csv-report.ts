import type { ImportReport } from './types.js';

// The catalogue import's per-row report, as the page shows it and as a CSV file to fix the
// spreadsheet with: one line per problem, by row as the spreadsheet numbers it (header = row 1).

export interface ReportLine {
  row: number;
  /** the column as the file names it; null for a problem of the whole row */
  column: string | null;
  message: string;
}

export function reportLines(report: Pick<ImportReport, 'failed'>): ReportLine[] {
  return report.failed
    .flatMap((f) => f.errors.map((e) => ({ row: f.row, column: e.column, message: e.message })))
    .sort((a, b) => a.row - b.row);
}

export interface ImportSummary {
  imported: number;
  updated: number;
  failedRows: number;
  /** nothing at all was wrong */
  clean: boolean;
}

export function importSummary(report: ImportReport): ImportSummary {
  return {
    imported: report.imported,
    updated: report.updated,
    failedRows: report.failed.length,
    clean: report.failed.length === 0,
  };
}

/** RFC 4180: quoted when it holds a separator, a quote or a line break; quotes doubled */
function cell(value: string): string {
  return /[",;\r\n\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The problems as a CSV file, with a BOM so Excel opens the Cyrillic column names as UTF-8, and
 * the header words in the user's language.
 */
export function reportCsv(lines: readonly ReportLine[], header: [string, string, string]): string {
  const rows = [header, ...lines.map((l) => [String(l.row), l.column ?? '', l.message])];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

// The server reads text/csv, application/csv and text/plain bodies. Browsers label a .csv file
// by the OS's registry: Windows with Excel says application/vnd.ms-excel, some say nothing.
const accepted = new Set(['text/csv', 'application/csv', 'text/plain']);

/** the picked file with a media type the import accepts (the bytes are not read or copied) */
export function csvUpload(file: Blob): Blob {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  return accepted.has(type) ? file : new Blob([file], { type: 'text/csv' });
}
