import { describe, expect, it } from 'vitest';
import {
  checkCurrency,
  checkHashtags,
  checkImageUrls,
  checkPrice,
  checkUrl,
  customFieldKey,
} from './product-fields.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `!${r.message}`;

describe('product field rules', () => {
  it.each([
    ['1299', 'UAH', '1299.00'],
    ['1299.5', 'UAH', '1299.50'],
    ['1 299,50', 'UAH', '1299.50'],
    ['1\u00a0299,5', 'RUB', '1299.50'],
    [1299.99, 'USD', '1299.99'],
    ['0.10', 'EUR', '0.10'],
    ['007', 'EUR', '7.00'],
    ['1500', 'JPY', '1500'],
    ['1500.00', 'JPY', '1500'],
    ['1.234', 'KWD', '1.234'],
  ])('price %j %s → %s', (input, currency, expected) => {
    expect(value(checkPrice(input, currency))).toBe(expected);
  });

  it.each([
    ['0', 'UAH', 'greater than zero'],
    ['0.00', 'UAH', 'greater than zero'],
    ['-5', 'UAH', 'not a price'],
    ['12.345', 'UAH', 'more decimal places than UAH allows (2)'],
    ['1500.5', 'JPY', 'more decimal places than JPY allows (0)'],
    ['1,299.50', 'USD', 'one decimal mark'],
    ['1e3', 'USD', 'not a price'],
    ['abc', 'USD', 'not a price'],
    ['', 'USD', 'not a price'],
  ])('price %j %s is refused: %s', (input, currency, message) => {
    expect(value(checkPrice(input, currency))).toContain(message);
  });

  it('currencies are ISO 4217 codes in any case', () => {
    expect([value(checkCurrency('uah')), value(checkCurrency(' EUR '))]).toEqual(['UAH', 'EUR']);
    expect(value(checkCurrency('грн'))).toMatch(/^!.*ISO 4217/);
    expect(value(checkCurrency('XYZ'))).toMatch(/^!/);
  });

  it("hashtags: '#' dropped, any script, repeats (any case) removed, spaces and punctuation refused", () => {
    expect(value(checkHashtags(['#сукня', 'Linen', 'linen', '  ', '#літо_2026', 'платье']))).toEqual([
      'сукня',
      'Linen',
      'літо_2026',
      'платье',
    ]);
    expect(value(checkHashtags(['new arrival']))).toMatch(/without spaces/);
    expect(value(checkHashtags(['sale!']))).toMatch(/^!/);
    expect(value(checkHashtags(Array.from({ length: 31 }, (_, i) => `t${i}`)))).toMatch(/at most 30/);
  });

  it('URLs must be absolute http(s)', () => {
    expect(value(checkUrl('https://shop.example/p/1?x=1'))).toBe('https://shop.example/p/1?x=1');
    expect(value(checkUrl('shop.example/p/1'))).toMatch(/^!.*absolute/);
    expect(value(checkUrl('javascript:alert(1)'))).toMatch(/^!.*http/);
    expect(value(checkUrl('ftp://shop.example/a.jpg'))).toMatch(/^!.*http/);
    expect(
      value(checkImageUrls(Array.from({ length: 11 }, (_, i) => `https://cdn.example/${i}.jpg`))),
    ).toMatch(/at most 10/);
  });

  it('custom field names become template variable names', () => {
    expect(['Колір', ' Made in ', 'size-eu', 'ЦВЕТ'].map(customFieldKey)).toEqual([
      'колір',
      'made_in',
      'size_eu',
      'цвет',
    ]);
  });
});
