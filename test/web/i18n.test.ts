import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  dictionaries,
  isMessageKey,
  languages,
  localeFor,
  translate,
} from '../../web/src/i18n/core.js';
import { en } from '../../web/src/i18n/en.js';

// Every user-visible string of the dashboard goes through these dictionaries.

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dashboard dictionaries', () => {
  const reference = Object.keys(en).sort();

  it.each(languages)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(dictionaries[lang]).sort()).toEqual(reference);
  });

  it.each(languages)('%s has no empty strings', (lang) => {
    const empty = Object.entries(dictionaries[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(languages)('%s uses the same {placeholders} as English', (lang) => {
    const dict = dictionaries[lang];
    const mismatched = reference.filter(
      (key) => isMessageKey(key) && placeholders(dict[key]).join() !== placeholders(en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is really translated: most Russian and Ukrainian strings differ from English', () => {
    for (const lang of ['ru', 'uk'] as const) {
      const same = reference.filter((key) => isMessageKey(key) && dictionaries[lang][key] === en[key]);
      // Brand names, language names and symbols legitimately stay the same.
      expect(same.length).toBeLessThan(reference.length / 10);
    }
    const ruUkSame = reference.filter(
      (key) => isMessageKey(key) && dictionaries.ru[key] === dictionaries.uk[key],
    );
    expect(ruUkSame.length).toBeLessThan(reference.length / 5);
  });
});

describe('language choice and interpolation', () => {
  it('prefers the stored choice, then the first browser language it speaks, then English', () => {
    expect(detectLanguage('uk', ['ru-RU'])).toBe('uk');
    expect(detectLanguage(null, ['de-DE', 'ru-RU', 'en-US'])).toBe('ru');
    expect(detectLanguage('fr', ['UK-ua'])).toBe('uk');
    expect(detectLanguage(null, ['de-DE'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });

  it('formats with the browser variant of the chosen language', () => {
    expect(localeFor('en', ['ru-RU', 'en-GB'])).toBe('en-GB');
    expect(localeFor('uk', ['en-US'])).toBe('uk');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(dictionaries.uk, 'error.rate_limited', { seconds: 30 })).toBe(
      'Забагато спроб. Спробуйте ще раз за 30 с.',
    );
    expect(translate(dictionaries.en, 'header.signedInAs', {})).toBe('Signed in as {email}');
    expect(translate(dictionaries.ru, 'nav.home')).toBe('Обзор');
  });
});
