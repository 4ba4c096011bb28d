import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { renderCaption, templateVariables, validateTemplate } from './caption-template.js';
import type { ProductRow } from './product.repository.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function row(p: Partial<ProductRow> = {}): ProductRow {
  return {
    id: 'p1',
    workspace_id: 'w1',
    name: 'Сукня «Весна»',
    search_text: 'сукня «весна»',
    price: '1299.00',
    currency: 'UAH',
    description: 'Льон, 100%',
    image_urls: '["https://cdn.example/1.jpg"]',
    url: 'https://shop.example/p/1',
    hashtags: '["сукня","linen","весна"]',
    in_stock: 1,
    custom_fields: '{"колір":"синій","size":"M"}',
    created_at: '2026-11-22T09:10:00.000Z',
    updated_at: '2026-11-22T09:10:00.000Z',
    ...p,
  };
}

const render = (body: string, p: Partial<ProductRow> = {}, locale = 'uk-UA') =>
  renderCaption(body, row(p), locale).caption;

describe('renderCaption', () => {
  it("renders the seed's template without doubling the ₴ the template writes itself", () => {
    expect(render('🎁 {product_name} - {product_price}₴\n{hashtags}')).toBe(
      `🎁 Сукня «Весна» - 1${NBSP}299₴\n#сукня #linen #весна`,
    );
    expect(render('🎁 {product_name}\nЦіна: {product_price}₴\n{hashtags}', { price: '1299.50' })).toBe(
      `🎁 Сукня «Весна»\nЦіна: 1${NBSP}299,50₴\n#сукня #linen #весна`,
    );
  });

  type PriceCase = [
    locale: string,
    currency: string,
    price: string,
    amount: string,
    full: string,
    symbol: string,
  ];
  const prices: PriceCase[] = [
    ['uk-UA', 'UAH', '1299.00', `1${NBSP}299`, `1${NBSP}299${NBSP}₴`, '₴'],
    ['uk-UA', 'UAH', '1234567.5', `1${NBSP}234${NBSP}567,50`, `1${NBSP}234${NBSP}567,50${NBSP}₴`, '₴'],
    ['ru-RU', 'RUB', '4990.90', `4${NBSP}990,90`, `4${NBSP}990,90${NBSP}₽`, '₽'],
    ['en-US', 'USD', '1299.5', '1,299.50', '$1,299.50', '$'],
    ['en-US', 'UAH', '150', '150', '₴150', '₴'],
    ['de-DE', 'EUR', '1299.99', '1.299,99', `1.299,99${NBSP}€`, '€'],
    ['uk-UA', 'EUR', '0.10', '0,10', `0,10${NBSP}€`, '€'],
    ['en-US', 'JPY', '1500', '1,500', '¥1,500', '¥'],
    // exact decimal strings: no float rounding of large prices
    ['en-US', 'USD', '90071992547409.93', '90,071,992,547,409.93', '$90,071,992,547,409.93', '$'],
  ];
  it.each(prices)('%s %s %s', (locale, currency, price, amount, full, symbol) => {
    const out = render(
      '{product_price}|{product_price_full}|{currency}|{currency_code}',
      { price, currency },
      locale,
    );
    expect(out.replaceAll(NNBSP, NBSP)).toBe(`${amount}|${full}|${symbol}|${currency}`);
  });

  it('fills description, url, custom fields (any case, any script) and escapes', () => {
    expect(render('{description} {product_url} {Колір}/{ SIZE } {{product_name}} }}{{')).toBe(
      'Льон, 100% https://shop.example/p/1 синій/M {product_name} }{',
    );
  });

  it('lists variables the product has no value for and renders them empty', () => {
    const r = renderCaption(
      '{product_name} {product_url} {material}\n{hashtags}',
      row({ url: null, hashtags: '[]' }),
      'uk-UA',
    );
    expect(r.caption).toBe('Сукня «Весна»');
    expect(r.missing.sort()).toEqual(['hashtags', 'material', 'product_url']);
  });

  it('counts length in UTF-16 code units, hashtags and mentions', () => {
    const r = renderCaption(
      '🎁🇺🇦 {hashtags} #ще_один @shop.ua @olena_k mail@shop.ua C#7 &#39;',
      row(),
      'uk-UA',
    );
    expect(r.length).toBe(r.caption.length);
    expect(r.caption.startsWith('🎁🇺🇦 ')).toBe(true);
    expect([...'🎁🇺🇦'].length).toBe(3);
    expect('🎁🇺🇦'.length).toBe(6);
    expect(r.hashtagCount).toBe(4);
    expect(r.mentionCount).toBe(2);
    expect(r.problems).toEqual([]);
  });

  it('reports every Instagram limit the caption breaks', () => {
    const tags = Array.from({ length: 31 }, (_, i) => `t${i}`);
    const r = renderCaption(
      `${'а'.repeat(2100)} {hashtags} ${Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ')}`,
      row({ hashtags: JSON.stringify(tags) }),
      'uk-UA',
    );
    expect(r.problems.map((p) => [p.code, p.limit, p.actual])).toEqual([
      ['caption_too_long', 2200, r.length],
      ['too_many_hashtags', 30, 31],
      ['too_many_mentions', 20, 21],
    ]);
  });

  it('accepts exactly the limits', () => {
    const thirty = JSON.stringify(Array.from({ length: 30 }, (_, i) => `t${i}`));
    const body = `{hashtags} ${Array.from({ length: 20 }, (_, i) => `@u${i}`).join(' ')}`;
    const r = renderCaption(body, row({ hashtags: thirty }), 'en-US');
    expect([r.hashtagCount, r.mentionCount, r.problems]).toEqual([30, 20, []]);
    const exact = renderCaption(`${'я'.repeat(2198)}🎁`, row(), 'uk-UA');
    expect([exact.length, exact.problems]).toEqual([2200, []]);
    expect(renderCaption(`${'я'.repeat(2199)}🎁`, row(), 'uk-UA').problems[0]?.code).toBe('caption_too_long');
  });
});

describe('validateTemplate', () => {
  const invalid = (body: string, fields: string[] = []) => {
    try {
      validateTemplate(body, fields);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect([err.code, err.statusCode]).toEqual(['caption_template_invalid', 422]);
      return err.details as { unknown: string[]; syntax: { index: number }[] };
    }
    throw new Error(`${body} was accepted`);
  };

  it.each([
    '🎁 {product_name} - {product_price}₴\n{hashtags}',
    '{product_name} {product_price_full} {currency} {currency_code} {description} {product_url}',
    'Ціна: {{не змінна}} {{{product_name}}}',
    'Розмір: {size}, колір: {Колір}',
    'Без змінних',
    '',
  ])('accepts %j', (body) => {
    expect(() => validateTemplate(body, ['size', 'колір'])).not.toThrow();
  });

  it('names unknown variables at save time', () => {
    expect(invalid('{product_nam} {price} {product name} {product_name}').unknown).toEqual([
      'product_nam',
      'price',
      'product name',
    ]);
    expect(invalid('Розмір: {size}', ['колір']).unknown).toEqual(['size']);
  });

  it('rejects lone braces with their positions', () => {
    expect(invalid('{product_name').syntax.map((s) => s.index)).toEqual([0]);
    expect(invalid('price}').syntax.map((s) => s.index)).toEqual([5]);
    expect(invalid('{product_name\n}').syntax.length).toBe(2);
  });

  it('lists the variables a template uses, once each', () => {
    expect(templateVariables('{a} {{b}} {A} { c }{d')).toEqual(['a', 'c']);
  });
});
