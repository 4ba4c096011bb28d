// A small RFC 4180 reader (https://www.rfc-editor.org/rfc/rfc4180) for catalogue imports, with
// what spreadsheets really write: a UTF-8 byte order mark (Excel's "CSV UTF-8"), LF or CRLF line
// ends, and ';' instead of ',' (Excel in ru/uk locales, where ',' is the decimal mark) or a tab.
// No dependency: the format is small, and the rules that matter here are tested beside it.

export interface CsvRecord {
  /** 1-based, as a spreadsheet numbers rows: the header is row 1, blank rows count too */
  row: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  /** non-blank records, the header first */
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

/** The header line's most frequent separator outside quotes; ',' when there is none. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is a row of one empty field: skipped, but it still has its row number.
    if (fields.length > 1 || fields[0] !== '') records.push({ row, fields });
    fields = [];
    field = '';
    row += 1;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: "" is a quote, and delimiters and line breaks are data.
      const start = row;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(`row ${start}: a quoted field is never closed`, start);
        const q = text[i]!;
        if (q === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i += 1;
          break;
        } else {
          field += q;
          i += 1;
        }
      }
      // Text after the closing quote ("a"b) is kept, as spreadsheets do, rather than failing the file.
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records };
}
