import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { detectLanguage, dictionaries, type Language, localeFor, type TFunction, translate } from './core.js';

const storageKey = 'relaydesk.lang';

interface I18n {
  lang: Language;
  /** BCP 47 locale used for dates and numbers */
  locale: string;
  setLang(lang: Language): void;
  t: TFunction;
}

const I18nContext = createContext<I18n | null>(null);

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function readStored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => detectLanguage(readStored(), browserLanguages()));
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this tab only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    return {
      lang,
      locale: localeFor(lang, browserLanguages()),
      setLang,
      t: (key, vars) => translate(dict, key, vars),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}

export function useT(): TFunction {
  return useI18n().t;
}
