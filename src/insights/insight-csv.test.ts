import { describe, expect, it } from 'vitest';
import { toCsv } from './insight-csv.js';

describe('CSV export', () => {
  it('writes RFC 4180 with a BOM, empty cells for unknown, and quotes where needed', () => {
    const csv = toCsv(
      ['day', 'reach', 'caption'],
      [
        ['2026-01-01', 0, 'Сукня «Полтава», 2 900 грн'],
        ['2026-01-02', null, 'She said "wow"\nreally'],
      ],
    );
    expect(csv).toBe(
      '\uFEFFday,reach,caption\r\n2026-01-01,0,"Сукня «Полтава», 2 900 грн"\r\n2026-01-02,,"She said ""wow""\nreally"\r\n',
    );
  });

  it('defuses captions a spreadsheet would run as a formula', () => {
    const csv = toCsv(['caption'], [['=HYPERLINK("http://x","y")'], ['+1'], ['-15% off'], ['@shop'], ['ok']]);
    expect(csv.split('\r\n').slice(1, 6)).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+1",
      "'-15% off",
      "'@shop",
      'ok',
    ]);
  });
});
