import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { seedWorkspaces } from '../../test/support/workspaces.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './product-import.js';

describe('POST /api/v1/products/import', () => {
  let t: TestApp;
  const session = { owner: '', agent: '', other: '' };
  beforeAll(async () => {
    t = await createTestApp('sqlite', {}, { worker: false });
    Object.assign(session, (await seedWorkspaces(t.app.database.db, t.app.services.tokens)).session);
  });
  afterAll(async () => t.close());

  const upload = (body: string | Buffer, query = '', who: keyof typeof session = 'owner') =>
    t.app.http.inject({
      method: 'POST',
      url: `/api/v1/products/import${query}`,
      headers: { authorization: `Bearer ${session[who]}`, 'content-type': 'text/csv; charset=utf-8' },
      payload: body,
    });
  const list = async (who: keyof typeof session = 'owner') =>
    (
      await t.app.http.inject({
        url: '/api/v1/products?limit=100',
        headers: { authorization: `Bearer ${session[who]}` },
      })
    ).json().items as { name: string; price: string; description: string; [k: string]: unknown }[];

  it('imports an Excel (ru/uk) file: BOM, ";", decimal commas, quoted line breaks, custom columns', async () => {
    const csv = [
      'Name;Price;Currency;Description;Image URLs;Hashtags;In stock;Колір',
      'Сукня «Весна»;1 299,50;UAH;"Льон;\nвільний крій";https://cdn.example/1.jpg|https://cdn.example/2.jpg;#сукня #льон;так;синій',
      'Шарф;350;uah;;;шарф, зима;ні;',
    ].join('\r\n');
    const res = await upload(Buffer.from(`\ufeff${csv}`, 'utf8'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      imported: 2,
      updated: 0,
      failed: [],
      delimiter: ';',
      encoding: 'utf-8',
      dryRun: false,
    });
    const [scarf, dress] = await list();
    expect(dress).toMatchObject({
      name: 'Сукня «Весна»',
      price: '1299.50',
      description: 'Льон;\nвільний крій',
      imageUrls: ['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg'],
      hashtags: ['сукня', 'льон'],
      inStock: true,
      customFields: { колір: 'синій' },
    });
    expect(scarf).toMatchObject({
      price: '350.00',
      currency: 'UAH',
      hashtags: ['шарф', 'зима'],
      inStock: false,
    });
    expect(await list('other')).toEqual([]);
  });

  it('reports bad rows by spreadsheet row number and column, and imports the good ones', async () => {
    const csv = [
      'name,price,currency,url,in_stock',
      'Good one,10,EUR,,',
      ',abc,EUR,notaurl,maybe',
      '"Multi',
      'line",5,EUR,,',
      'Too,many,EUR,,,extra',
      'Good one,12,EUR,,1',
    ].join('\n');
    const res = (await upload(csv)).json();
    expect([res.imported, res.updated]).toEqual([2, 1]);
    expect(res.failed).toEqual([
      {
        row: 3,
        errors: [
          { column: 'name', message: 'the product needs a name' },
          { column: 'price', message: '"abc" is not a price; write a positive number such as 1299.50' },
          { column: 'url', message: '"notaurl" is not an absolute URL (https://…)' },
          { column: 'in_stock', message: '"maybe" is not yes/no (1/0, true/false, так/ні, да/нет)' },
        ],
      },
      { row: 5, errors: [{ column: null, message: 'the row has 6 values but the header names 5 columns' }] },
    ]);
    expect(
      (await list())
        .filter((p) => p.name.includes('Good one') || p.name.includes('Multi'))
        .map((p) => [p.name, p.price]),
    ).toEqual([
      ['Multi\nline', '5.00'],
      ['Good one', '12.00'],
    ]);
  });

  it('accepts JSON {csv} with a default currency, and windows-1251 files from Excel', async () => {
    const json = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { authorization: `Bearer ${session.owner}` },
      payload: { csv: 'name,price\nКава,"1,5"\n', defaultCurrency: 'usd', dryRun: true },
    });
    expect(json.json()).toMatchObject({ imported: 1, dryRun: true });
    expect((await list()).some((p) => p.name === 'Кава')).toBe(false);
    // "Чай;50;UAH" in windows-1251, as Excel's plain "CSV" saves it on a Ukrainian Windows
    const cp1251 = Buffer.concat([
      Buffer.from('name;price;currency\n'),
      Buffer.from([0xd7, 0xe0, 0xe9]),
      Buffer.from(';50;UAH\n'),
    ]);
    const res = (await upload(cp1251)).json();
    expect([res.imported, res.encoding]).toEqual([1, 'windows-1251']);
    expect((await list()).some((p) => p.name === 'Чай')).toBe(true);
  });

  it('refuses unusable files with one clear error', async () => {
    const noColumns = await upload('title,cost\nx,1\n');
    expect([noColumns.statusCode, noColumns.json().error]).toEqual([422, 'product_import_invalid']);
    expect(noColumns.json().details.missing).toEqual(['price', 'currency']);
    expect((await upload('name,price,Name\n')).json().details.duplicates).toEqual(['name']);
    expect((await upload('')).json().error).toBe('product_import_invalid');
    expect((await upload('name,price,currency\n"open,1,UAH\n')).json()).toMatchObject({
      error: 'product_import_invalid',
      details: { row: 2 },
    });
    expect((await upload('name,price\nx,1\n', '?defaultCurrency=zzz')).statusCode).toBe(400);
    expect((await upload('name,price,currency\nx,1,UAH\n', '', 'agent')).statusCode).toBe(403);
  });

  it('refuses files over the size and row limits with product_import_too_large', async () => {
    const big = await upload(Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a'));
    expect([big.statusCode, big.json().error]).toEqual([413, 'product_import_too_large']);
    const rows = `name,price,currency\n${'x,1,UAH\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    const many = await upload(rows);
    expect([many.statusCode, many.json().error]).toEqual([413, 'product_import_too_large']);
  });
});
