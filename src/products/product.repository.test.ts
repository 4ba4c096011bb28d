import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import type { ProductFields } from './product.js';
import { ProductRepository } from './product.repository.js';
import { ProductImportService } from './product-import.js';

const fields = (f: Partial<ProductFields> = {}): ProductFields => ({
  name: 'Сукня «Весна»',
  price: '1299.00',
  currency: 'UAH',
  description: '',
  imageUrls: ['https://cdn.example/1.jpg'],
  url: null,
  hashtags: ['сукня'],
  inStock: true,
  customFields: {},
  ...f,
});

describe.each(dialects)('products on %s', (dialect) => {
  let tdb: TestDatabase;
  let repo: ProductRepository;
  let now = Date.parse('2026-11-22T09:10:00Z');
  const clock = () => now++;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new ProductRepository(tdb.db, clock);
  });
  afterAll(async () => tdb.drop());

  it('stores and reads a product with its JSON columns, price as text', async () => {
    const p = await repo.insert(
      'w1',
      fields({ customFields: { колір: 'синій' }, price: '90071992547409.93' }),
    );
    expect(await repo.find('w1', p.id)).toEqual(p);
    const row = await repo.findRow('w1', p.id);
    expect([row?.price, row?.hashtags, row?.custom_fields, row?.in_stock]).toEqual([
      '90071992547409.93',
      '["сукня"]',
      '{"колір":"синій"}',
      1,
    ]);
    expect(await repo.find('w2', p.id)).toBeUndefined();
  });

  it('searches names in any case and script, newest first, page by page', async () => {
    const names = ['СУКНЯ льняна', 'Платье ЛЁН', 'Linen DRESS', 'Сукня_100%', 'шарф'];
    for (const name of names) await repo.insert('w3', fields({ name, inStock: name !== 'шарф' }));
    await repo.insert('w4', fields({ name: 'сукня іншої крамниці' }));
    const found = await repo.page('w3', { q: 'сУкНя', limit: 10 });
    expect(found.map((p) => p.name)).toEqual(['Сукня_100%', 'СУКНЯ льняна']);
    expect((await repo.page('w3', { q: 'лён', limit: 10 })).map((p) => p.name)).toEqual(['Платье ЛЁН']);
    // LIKE wildcards in the term are literal
    expect((await repo.page('w3', { q: '_100%', limit: 10 })).map((p) => p.name)).toEqual(['Сукня_100%']);
    expect((await repo.page('w3', { q: '%', limit: 10 })).map((p) => p.name)).toEqual(['Сукня_100%']);
    expect((await repo.page('w3', { inStock: false, limit: 10 })).map((p) => p.name)).toEqual(['шарф']);
    const first = await repo.page('w3', { limit: 2 });
    const second = await repo.page('w3', { limit: 10, before: first.at(-1)?.id });
    expect([...first, ...second].map((p) => p.name)).toEqual([...names].reverse());
  });

  it('updates, finds by name, lists custom field names and deletes within the workspace', async () => {
    const a = await repo.insert('w5', fields({ name: 'Шарф', customFields: { колір: 'синій', size: 'M' } }));
    await repo.insert('w5', fields({ name: 'Шапка', customFields: { колір: 'червоний' } }));
    await repo.insert('w6', fields({ customFields: { secret_field: 'x' } }));
    expect(await repo.customFieldNames('w5')).toEqual(['size', 'колір']);
    expect(await repo.idsByName('w5', '  шАРФ ')).toEqual([a.id]);
    const updated = await repo.update('w5', a.id, fields({ name: 'Шарф вовняний', price: '450.00' }));
    expect([updated?.name, updated?.price, updated?.createdAt]).toEqual([
      'Шарф вовняний',
      '450.00',
      a.createdAt,
    ]);
    expect((updated?.updatedAt ?? '') > a.updatedAt).toBe(true);
    expect(await repo.update('w6', a.id, fields())).toBeUndefined();
    expect(await repo.delete('w6', a.id)).toBe(false);
    expect(await repo.delete('w5', a.id)).toBe(true);
    expect(await repo.find('w5', a.id)).toBeUndefined();
  });

  it('imports a CSV in one transaction: good rows saved, bad rows reported, same names updated', async () => {
    const service = new ProductImportService(tdb.db, clock);
    const csv = '\ufeffname;price;currency;колір\nЧай;99,50;UAH;зелений\nКава;;UAH;\nЧай;120;UAH;чорний\n';
    const report = await service.importCsv('w7', Buffer.from(csv), {});
    expect(report).toMatchObject({ imported: 1, updated: 1, delimiter: ';', encoding: 'utf-8' });
    expect(report.failed).toEqual([
      { row: 3, errors: [{ column: 'price', message: 'the product needs a price' }] },
    ]);
    const items = await repo.page('w7', { limit: 10 });
    expect(items.map((p) => [p.name, p.price, p.customFields])).toEqual([
      ['Чай', '120.00', { колір: 'чорний' }],
    ]);
    const [tea] = await repo.page('w7', { limit: 1 });
    await repo.insert('w7', fields({ name: 'Кава' }));
    await repo.insert('w7', fields({ name: 'КАВА' }));
    const byId = await service.importCsv(
      'w7',
      `ID,name,price,currency\n${tea?.id},Чай зелений,130,UAH\n00000000-0000-7000-8000-000000000000,X,1,UAH\n,кава,1,UAH\n`,
    );
    expect([byId.imported, byId.updated]).toEqual([0, 1]);
    expect(byId.failed).toEqual([
      {
        row: 3,
        errors: [
          {
            column: 'ID',
            message: 'no product with id 00000000-0000-7000-8000-000000000000 in this workspace',
          },
        ],
      },
      {
        row: 4,
        errors: [
          { column: 'name', message: 'several products have this name; add an id column to say which one' },
        ],
      },
    ]);
    expect((await repo.find('w7', tea?.id ?? ''))?.name).toBe('Чай зелений');
    const dry = await service.importCsv('w7', 'name,price,currency\nНовий,1,UAH\n', { dryRun: true });
    expect([dry.imported, (await repo.page('w7', { limit: 10 })).length]).toEqual([1, 3]);
  });
});
