import { describe, expect, it } from 'vitest';
import { checkError } from '../../src/diagnostics/diagnostic-check.js';
import { allChecks } from '../../src/diagnostics/diagnostic-registry.js';
import { dictionaries, isMessageKey, languages } from '../../web/src/i18n/core.js';
import { en } from '../../web/src/i18n/en.js';

// The Diagnostics page translates every check by its id and outcome code. Each outcome the server
// can report has its sentence (and fix) in every language, and the English one is the server's
// own, word for word, so the page and `relaydesk doctor` never say different things.

const serverTexts = (): [string, string][] => [
  ['diagnostics.check_error', checkError.message],
  ['diagnostics.check_error.fix', checkError.fix ?? ''],
  ...allChecks.flatMap((c) => [
    [`diagnostics.check.${c.id}`, c.title] as [string, string],
    ...Object.entries(c.outcomes).flatMap(([code, o]) => [
      [`diagnostics.${c.id}.${code}`, o.message] as [string, string],
      ...(o.fix ? [[`diagnostics.${c.id}.${code}.fix`, o.fix] as [string, string]] : []),
    ]),
  ]),
];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('diagnostics dictionaries', () => {
  it('have the English of every check title, outcome and fix exactly as the server words it', () => {
    const mismatched = serverTexts().filter(([key, text]) => !isMessageKey(key) || en[key] !== text);
    expect(mismatched).toEqual([]);
  });

  it('have no stale outcome keys that the server no longer reports', () => {
    const known = new Set(serverTexts().map(([k]) => k));
    const chrome =
      /^diagnostics\.(title|subtitle|rerun|running|checkedAt|overall|count|verdict|onlyProblems|fix|detail|link|group|noAccounts|noProblems|cliHint)\b/;
    const stale = Object.keys(en).filter(
      (k) => k.startsWith('diagnostics.') && !chrome.test(k) && !known.has(k),
    );
    expect(stale).toEqual([]);
  });

  it.each(languages)('%s translates every outcome with the same placeholders', (lang) => {
    const dict = dictionaries[lang];
    const wrong = serverTexts().filter(([key, text]) => {
      if (!isMessageKey(key)) return true;
      return placeholders(dict[key]).join() !== placeholders(text).join();
    });
    expect(wrong).toEqual([]);
    if (lang !== 'en') {
      const untranslated = serverTexts().filter(([key, text]) => isMessageKey(key) && dict[key] === text);
      // env names and API paths stay as they are; sentences do not
      expect(untranslated.map(([k]) => k)).toEqual([]);
    }
  });
});
