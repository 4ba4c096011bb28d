import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv.js';

const rows = (text: string) => parseCsv(text).records.map((r) => [r.row, ...r.fields]);

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF and a final line without a break', () => {
    expect(rows('name,price\nСукня,1299\r\nШарф,350')).toEqual([
      [1, 'name', 'price'],
      [2, 'Сукня', '1299'],
      [3, 'Шарф', '350'],
    ]);
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside', () => {
    const text = 'name,description\n"Сукня, льон","Опис з ""лапками""\nі новим рядком"\n"",x\n';
    expect(rows(text)).toEqual([
      [1, 'name', 'description'],
      [2, 'Сукня, льон', 'Опис з "лапками"\nі новим рядком'],
      [3, '', 'x'],
    ]);
  });

  it('numbers rows as a spreadsheet does: quoted line breaks stay in one row, blank rows count', () => {
    const text = 'a,b\n"1\n2\n3",x\n\n\ny,z\n';
    expect(rows(text)).toEqual([
      [1, 'a', 'b'],
      [2, '1\n2\n3', 'x'],
      [5, 'y', 'z'],
    ]);
  });

  it('drops a UTF-8 byte order mark (Excel "CSV UTF-8") so the first header is "name"', () => {
    expect(parseCsv('\ufeffname;price\nЧай;99,50').records[0]?.fields).toEqual(['name', 'price']);
  });

  it('detects ";" (Excel in ru/uk locales) and tabs; a quoted delimiter does not count', () => {
    const t = parseCsv('name;price;currency\n"Сукня; синя";1299,50;UAH');
    expect(t.delimiter).toBe(';');
    expect(t.records[1]?.fields).toEqual(['Сукня; синя', '1299,50', 'UAH']);
    expect(detectDelimiter('name\tprice\tdescription,with\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('name\n')).toBe(',');
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(rows('a,b,c\n1,,\n')).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', '', ''],
    ]);
  });

  it('keeps text after a closing quote, as spreadsheets do', () => {
    expect(rows('"a"b,c')).toEqual([[1, 'ab', 'c']]);
  });

  it('fails with the row of a quote that is never closed', () => {
    expect(() => parseCsv('name\nok\n"broken,1\nnext')).toThrow(CsvSyntaxError);
    try {
      parseCsv('name\nok\n"broken,1\nnext');
    } catch (e) {
      expect((e as CsvSyntaxError).row).toBe(3);
    }
  });

  it('reads an empty file as no records', () => {
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('\ufeff\n\n').records).toEqual([]);
  });
});
