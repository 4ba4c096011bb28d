import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { seedWorkspaces } from '../../test/support/workspaces.js';

describe('/api/v1/products over HTTP', () => {
  let t: TestApp;
  const session = { owner: '', agent: '', other: '' };
  beforeAll(async () => {
    t = await createTestApp('sqlite', {}, { worker: false });
    Object.assign(session, (await seedWorkspaces(t.app.database.db, t.app.services.tokens)).session);
  });
  afterAll(async () => t.close());

  const call = (who: keyof typeof session, method: string, url: string, payload?: unknown) =>
    t.app.http.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${session[who]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('creates a product with normalized fields and reads it back', async () => {
    const res = await call('owner', 'POST', '/api/v1/products', {
      name: ' Сукня «Весна» ',
      price: '1 299,5',
      currency: 'uah',
      imageUrls: ['https://cdn.example/1.jpg'],
      url: 'https://shop.example/p/1',
      hashtags: ['#сукня', 'linen', 'Linen'],
      customFields: { Колір: 'синій' },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: 'Сукня «Весна»',
      price: '1299.50',
      currency: 'UAH',
      description: '',
      hashtags: ['сукня', 'linen'],
      inStock: true,
      customFields: { колір: 'синій' },
    });
    expect((await call('owner', 'GET', `/api/v1/products/${p.id}`)).json()).toEqual(p);
    expect((await call('agent', 'GET', `/api/v1/products/${p.id}`)).statusCode).toBe(200);
    expect((await call('other', 'GET', `/api/v1/products/${p.id}`)).statusCode).toBe(404);
    expect((await call('other', 'GET', '/api/v1/products')).json().items).toEqual([]);
  });

  it('reports every invalid field at once', async () => {
    const res = await call('owner', 'POST', '/api/v1/products', {
      name: '',
      price: '12.345',
      currency: 'UAH',
      url: 'shop.example',
      hashtags: ['new arrival'],
      customFields: { product_name: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('validation_failed');
    expect(
      res
        .json()
        .details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['body.customFields.product_name', 'body.hashtags', 'body.name', 'body.price', 'body.url']);
    const noCurrency = await call('owner', 'POST', '/api/v1/products', {
      name: 'x',
      price: '1',
      currency: 'грн',
    });
    expect(noCurrency.json().message).toContain('ISO 4217');
  });

  it('patches: a new currency re-checks the price; null clears custom fields and the URL', async () => {
    const p = (
      await call('owner', 'POST', '/api/v1/products', {
        name: 'Чай',
        price: '99.50',
        currency: 'UAH',
        url: 'https://shop.example/tea',
        customFields: { сорт: 'зелений' },
      })
    ).json();
    const toYen = await call('owner', 'PATCH', `/api/v1/products/${p.id}`, { currency: 'JPY' });
    expect([toYen.statusCode, toYen.json().details.issues[0].path]).toEqual([400, 'body.price']);
    const ok = await call('owner', 'PATCH', `/api/v1/products/${p.id}`, { currency: 'JPY', price: 1500 });
    expect(ok.json()).toMatchObject({
      price: '1500',
      currency: 'JPY',
      name: 'Чай',
      customFields: { сорт: 'зелений' },
    });
    const cleared = await call('owner', 'PATCH', `/api/v1/products/${p.id}`, {
      customFields: null,
      url: null,
    });
    expect(cleared.json()).toMatchObject({ customFields: {}, url: null });
    expect((await call('agent', 'PATCH', `/api/v1/products/${p.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await call('other', 'PATCH', `/api/v1/products/${p.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await call('agent', 'DELETE', `/api/v1/products/${p.id}`)).statusCode).toBe(403);
    expect((await call('owner', 'DELETE', `/api/v1/products/${p.id}`)).statusCode).toBe(204);
    expect((await call('owner', 'GET', `/api/v1/products/${p.id}`)).statusCode).toBe(404);
  });

  it('lists newest first with a cursor, searches Cyrillic names in any case, filters stock', async () => {
    for (const name of ['Шарф ВОВНЯНИЙ', 'Шапка', 'шарф літній']) {
      await call('owner', 'POST', '/api/v1/products', {
        name,
        price: '10',
        currency: 'UAH',
        inStock: name !== 'Шапка',
      });
    }
    const found = (await call('owner', 'GET', `/api/v1/products?q=${encodeURIComponent('ШАРФ')}`)).json();
    expect(found.items.map((p: { name: string }) => p.name)).toEqual(['шарф літній', 'Шарф ВОВНЯНИЙ']);
    const out = (await call('owner', 'GET', '/api/v1/products?inStock=false')).json();
    expect(out.items.map((p: { name: string }) => p.name)).toEqual(['Шапка']);
    const first = (await call('owner', 'GET', '/api/v1/products?limit=2')).json();
    expect(first.items.length).toBe(2);
    const rest = (await call('owner', 'GET', `/api/v1/products?limit=100&cursor=${first.nextCursor}`)).json();
    expect(rest.nextCursor).toBeNull();
    const all = (await call('owner', 'GET', '/api/v1/products?limit=100')).json().items;
    expect([...first.items, ...rest.items]).toEqual(all);
    expect((await call('owner', 'GET', '/api/v1/products?cursor=nope')).statusCode).toBe(400);
  });
});
