import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from '../../web/src/i18n/core.js';
import type { MessageKey } from '../../web/src/i18n/en.js';
import { checkTexts, linkLabel, sectionTitle, toSections } from '../../web/src/pages/diagnostics/report.js';
import type { DiagnosticCheck } from '../../web/src/pages/diagnostics/types.js';

const t = (lang: 'en' | 'ru' | 'uk') => (key: MessageKey, vars?: Record<string, string | number>) =>
  translate(dictionaries[lang], key, vars);

const check = (over: Partial<DiagnosticCheck>): DiagnosticCheck => ({
  id: 'config.valid',
  group: 'configuration',
  title: 'Configuration valid',
  verdict: 'pass',
  code: 'valid',
  message: 'The configuration is valid (SQLite).',
  fix: null,
  detail: null,
  params: { database: 'SQLite' },
  account: null,
  link: null,
  durationMs: 1,
  ...over,
});

const shop = { id: 'a1', provider: 'instagram' as const, username: 'vesna.atelier', externalId: '1784' };
const bot = { id: 'a2', provider: 'chatrace' as const, username: null, externalId: '7654321' };

describe('diagnostics page logic', () => {
  const checks = [
    check({}),
    check({ id: 'webhook.public_url', group: 'webhooks', verdict: 'fail', code: 'missing' }),
    check({
      id: 'instagram.token',
      group: 'instagram',
      account: shop,
      code: 'valid',
      params: { username: 'vesna.atelier' },
    }),
    check({
      id: 'instagram.last_delivery',
      group: 'instagram',
      account: shop,
      verdict: 'warn',
      code: 'never',
    }),
    check({ id: 'chatrace.token', group: 'chatrace', account: bot, verdict: 'skip', code: 'not_checked' }),
    check({ id: 'jobs.dead', group: 'jobs', code: 'none' }),
  ];

  it('groups the checks into one section per instance group and per account, in the server order', () => {
    const sections = toSections(checks);
    expect(sections.map((s) => [s.key, s.verdict, s.checks.length])).toEqual([
      ['configuration', 'pass', 1],
      ['webhooks', 'fail', 1],
      ['instagram:a1', 'warn', 2],
      ['chatrace:a2', 'skip', 1],
      ['jobs', 'pass', 1],
    ]);
    expect(sectionTitle(t('en'), sections[2]!)).toBe('Instagram · @vesna.atelier');
    expect(sectionTitle(t('uk'), sections[3]!)).toBe('Chatrace · 7654321');
    expect(sectionTitle(t('ru'), sections[0]!)).toBe('Конфигурация');
  });

  it('keeps only warnings and failures when asked', () => {
    expect(toSections(checks, true).map((s) => s.key)).toEqual(['webhooks', 'instagram:a1']);
    expect(toSections(checks, true)[1]!.checks.map((c) => c.id)).toEqual(['instagram.last_delivery']);
  });

  it('translates the outcome and its fix, with times in the reader’s locale', () => {
    const c = check({
      id: 'instagram.polling',
      group: 'instagram',
      verdict: 'fail',
      code: 'gap',
      message:
        'Polling found messages that webhooks never delivered (last on 2026-03-01 09:30 UTC); it imported them.',
      fix: 'Webhooks are not arriving…',
      params: { gapAt: '2026-03-01T09:30:00.000Z' },
      account: shop,
    });
    const uk = checkTexts(t('uk'), 'uk-UA', c);
    expect(uk.title).toBe('Опитування не знайшло пропущеного');
    expect(uk.message).toContain('2026');
    expect(uk.message).not.toContain('{gapAt}');
    expect(uk.message).not.toContain('T09:30');
    expect(uk.fix).toMatch(/^Вебхуки для цього акаунта не надходять/);
  });

  it('falls back to the server’s English for an outcome it has no translation of', () => {
    const c = check({
      id: 'future.check',
      code: 'new_thing',
      title: 'Future check',
      message: 'Something new.',
      verdict: 'warn',
      fix: 'Do this.',
    });
    expect(checkTexts(t('ru'), 'ru', c)).toEqual({
      title: 'Future check',
      message: 'Something new.',
      fix: 'Do this.',
    });
  });

  it('shares one sentence for a check that could not be completed', () => {
    const c = check({ id: 'instagram.token', code: 'check_error', verdict: 'fail', fix: 'x', message: 'x' });
    expect(checkTexts(t('ru'), 'ru', c).message).toBe('Проверку не удалось выполнить.');
  });

  it('labels links into the webhook log and the accounts page', () => {
    expect(linkLabel('/deliveries?source=meta&signatureValid=false')).toBe('diagnostics.link.deliveries');
    expect(linkLabel('/accounts')).toBe('diagnostics.link.accounts');
    expect(linkLabel('/elsewhere')).toBeNull();
  });
});
