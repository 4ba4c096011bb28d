import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { seedWorkspaces } from '../../test/support/workspaces.js';

const NBSP = '\u00a0';
const seedTemplate = '🎁 {product_name} - {product_price}₴\n{hashtags}';

describe('/api/v1/caption-templates over HTTP', () => {
  let t: TestApp;
  const session = { owner: '', agent: '', other: '' };
  let productId = '';
  beforeAll(async () => {
    t = await createTestApp('sqlite', {}, { worker: false });
    Object.assign(session, (await seedWorkspaces(t.app.database.db, t.app.services.tokens)).session);
    const p = await call('owner', 'POST', '/api/v1/products', {
      name: 'Сукня «Весна»',
      price: '1299',
      currency: 'UAH',
      hashtags: ['сукня', 'льон'],
      customFields: { Колір: 'синій' },
    });
    productId = p.json().id;
  });
  afterAll(async () => t.close());

  function call(who: keyof typeof session, method: string, url: string, payload?: unknown) {
    return t.app.http.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${session[who]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  it("saves the seed's template and lists its variables", async () => {
    const res = await call('owner', 'POST', '/api/v1/caption-templates', {
      name: 'Seed',
      body: seedTemplate,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      locale: 'uk-UA',
      variables: ['product_name', 'product_price', 'hashtags'],
    });
    const id = res.json().id;
    expect((await call('agent', 'GET', `/api/v1/caption-templates/${id}`)).json().body).toBe(seedTemplate);
    expect((await call('other', 'GET', `/api/v1/caption-templates/${id}`)).statusCode).toBe(404);
    expect((await call('other', 'GET', '/api/v1/caption-templates')).json().items).toEqual([]);
    expect((await call('agent', 'DELETE', `/api/v1/caption-templates/${id}`)).statusCode).toBe(403);
  });

  it('refuses an unknown variable when saving, and knows the catalogue’s custom fields', async () => {
    const bad = await call('owner', 'POST', '/api/v1/caption-templates', {
      name: 'Typo',
      body: '{product_nme} {колір} {розмір}',
    });
    expect([bad.statusCode, bad.json().error, bad.json().details.unknown]).toEqual([
      422,
      'caption_template_invalid',
      ['product_nme', 'розмір'],
    ]);
    const ok = await call('owner', 'POST', '/api/v1/caption-templates', {
      name: 'Колір',
      body: 'Колір: {Колір}',
      locale: 'ru-ru',
    });
    expect(ok.statusCode).toBe(201);
    const patch = await call('owner', 'PATCH', `/api/v1/caption-templates/${ok.json().id}`, {
      body: 'a } b',
    });
    expect([patch.statusCode, patch.json().details.syntax[0].index]).toEqual([422, 2]);
    const renamed = await call('owner', 'PATCH', `/api/v1/caption-templates/${ok.json().id}`, {
      name: 'Color',
    });
    expect(renamed.json()).toMatchObject({ name: 'Color', body: 'Колір: {Колір}', locale: 'ru-RU' });
    const badLocale = await call('owner', 'POST', '/api/v1/caption-templates', {
      name: 'x',
      body: 'x',
      locale: 'not a locale',
    });
    expect(badLocale.statusCode).toBe(400);
    expect((await call('owner', 'DELETE', `/api/v1/caption-templates/${ok.json().id}`)).statusCode).toBe(204);
  });

  it('previews with a stored product, counting and listing problems instead of failing', async () => {
    const res = await call('agent', 'POST', '/api/v1/caption-templates/preview', {
      body: seedTemplate,
      productId,
    });
    expect(res.json()).toEqual({
      caption: `🎁 Сукня «Весна» - 1${NBSP}299₴\n#сукня #льон`,
      length: 38, // 🎁 is two UTF-16 units
      hashtagCount: 2,
      mentionCount: 0,
      problems: [],
      unknown: [],
      syntax: [],
      missing: [],
      product: { id: productId, name: 'Сукня «Весна»' },
    });
    const typing = await call('owner', 'POST', '/api/v1/caption-templates/preview', {
      body: '{product_url} {colr} {product_',
      productId,
      locale: 'en-US',
    });
    expect(typing.statusCode).toBe(200);
    expect(typing.json()).toMatchObject({
      unknown: ['colr'],
      missing: ['product_url', 'colr'],
      syntax: [{ index: 21 }],
    });
    const other = await call('other', 'POST', '/api/v1/caption-templates/preview', { body: 'x', productId });
    expect(other.statusCode).toBe(404);
  });

  it('documents every route in the OpenAPI spec', async () => {
    const spec = (await t.app.http.inject({ url: '/docs/json' })).json();
    expect(
      Object.keys(spec.paths)
        .filter((p) => /products|caption-templates/.test(p))
        .sort(),
    ).toEqual([
      '/api/v1/caption-templates',
      '/api/v1/caption-templates/preview',
      '/api/v1/caption-templates/{id}',
      '/api/v1/products',
      '/api/v1/products/import',
      '/api/v1/products/{id}',
    ]);
  });

  it('previews an unsaved product or a sample, and flags captions over Instagram limits', async () => {
    const inline = await call('owner', 'POST', '/api/v1/caption-templates/preview', {
      body: '{product_price_full} {currency_code} {size}',
      product: { price: '4990.9', currency: 'RUB', customFields: { size: 'M' } },
      locale: 'ru-RU',
    });
    expect(inline.json().caption).toBe(`4${NBSP}990,90${NBSP}₽ RUB M`);
    const sample = await call('owner', 'POST', '/api/v1/caption-templates/preview', {
      body: '{product_name}: {size}',
    });
    expect(sample.json()).toMatchObject({ caption: 'Linen dress: [size]', product: { id: null } });
    const badPrice = await call('owner', 'POST', '/api/v1/caption-templates/preview', {
      body: 'x',
      product: { price: 'free' },
    });
    expect([badPrice.statusCode, badPrice.json().details.issues[0].path]).toEqual([
      400,
      'body.product.price',
    ]);
    const long = await call('owner', 'POST', '/api/v1/caption-templates/preview', {
      body: `${'я'.repeat(2190)} {hashtags} ${'#x '.repeat(29)}`,
      productId,
    });
    expect(long.json().problems.map((p: { code: string }) => p.code)).toEqual([
      'caption_too_long',
      'too_many_hashtags',
    ]);
  });
});
