import { type Dictionary, en, type MessageKey } from './en.js';
import { ru } from './ru.js';
import { uk } from './uk.js';

// Pure i18n logic (no React, no browser globals) so tests can import it directly.

export const languages = ['en', 'ru', 'uk'] as const;
export type Language = (typeof languages)[number];
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

export const dictionaries: Record<Language, Dictionary> = { en, ru, uk };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** A stored choice wins; otherwise the first browser language we speak; otherwise English. */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The BCP 47 locale for dates and numbers: the browser's own variant of the chosen language if any. */
export function localeFor(lang: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === lang) ?? lang;
}

export function translate(dict: Dictionary, key: MessageKey, vars?: Vars): string {
  const text = dict[key] ?? en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
