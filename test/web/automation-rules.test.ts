import { describe, expect, it } from 'vitest';
import * as dm from '../../src/automation/dm-keyword.schema.js';
import { dictionaries, type TFunction, translate } from '../../web/src/i18n/core.js';
import { ApiError } from '../../web/src/lib/api.js';
import { splitSeconds, toSeconds } from '../../web/src/pages/automation/duration.js';
import {
  fieldProblems,
  itemIndex,
  problemAt,
  problemText,
} from '../../web/src/pages/automation/field-errors.js';
import { parseKeywords } from '../../web/src/pages/automation/keywords.js';
import { movePatches, nextPriority } from '../../web/src/pages/automation/reorder.js';
import {
  emptyRuleForm,
  formFromRule,
  ruleBody,
  ruleFormProblems,
} from '../../web/src/pages/automation/rule-form.js';
import { activeHoursText, cooldownText } from '../../web/src/pages/automation/rule-summary.js';
import type { DmRule } from '../../web/src/pages/automation/types.js';

// The DM keyword rule editor's logic; the editor itself is driven in test/e2e/automation.e2e.test.ts.

const tIn =
  (lang: 'en' | 'ru' | 'uk'): TFunction =>
  (key, vars) =>
    translate(dictionaries[lang], key, vars);

const rule: DmRule = {
  id: 'r1',
  accountId: 'a1',
  keyword: 'ціна',
  keywords: ['ціна', 'price'],
  matchType: 'word',
  responseMessage: 'Ціна вказана на сторінці товару',
  attachment: { type: 'image', attachmentId: 'att1' },
  quickReplies: [{ title: 'Так', payload: 'YES' }],
  priority: 10,
  cooldownSeconds: 3600,
  activeHours: { timezone: 'Europe/Kyiv', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
  isActive: false,
  createdAt: '2026-11-22T12:00:00.000Z',
  updatedAt: '2026-11-22T12:00:00.000Z',
};

describe('the DM rule form', () => {
  it('turns the seed rule typed into an empty form into a body the server accepts', () => {
    const form = {
      ...emptyRuleForm('Europe/Kyiv'),
      keywords: ' ціна \n\nціна\nЦІНУ\n',
      responseMessage: ' Ціна вказана на сторінці товару ',
    };
    const body = ruleBody(form, 20);
    expect(body).toEqual({
      accountId: null,
      keywords: ['ціна', 'ЦІНУ'],
      matchType: 'contains',
      responseMessage: 'Ціна вказана на сторінці товару',
      quickReplies: [],
      attachment: null,
      cooldownSeconds: 86_400,
      activeHours: null,
      isActive: true,
      priority: 20,
    });
    expect(dm.createBody.safeParse(body).success).toBe(true);
  });

  it('opens a saved rule and saves it unchanged', () => {
    const form = formFromRule(rule, 'UTC');
    expect(form.cooldown).toEqual({ value: '1', unit: 'hours' });
    expect(form.activeHoursOn).toBe(true);
    const body = ruleBody(form);
    expect(body).toMatchObject({
      accountId: 'a1',
      keywords: rule.keywords,
      matchType: 'word',
      attachment: { type: 'image', attachmentId: 'att1' },
      quickReplies: [{ title: 'Так', payload: 'YES' }],
      cooldownSeconds: 3600,
      activeHours: rule.activeHours,
      isActive: false,
    });
    expect(body).not.toHaveProperty('priority');
    const parsed = dm.patchBody.parse(body);
    expect(parsed.quickReplies).toEqual(rule.quickReplies);
  });

  it('sends a quick reply without a payload when it would only repeat the title', () => {
    const form = {
      ...formFromRule(rule, 'UTC'),
      quickReplies: [
        { title: 'Так', payload: '' },
        { title: 'Ні', payload: 'Ні' },
      ],
    };
    expect(ruleBody(form).quickReplies).toEqual([{ title: 'Так' }, { title: 'Ні' }]);
  });

  it('sends a linked file by its URL, trimmed', () => {
    const form = {
      ...formFromRule(rule, 'UTC'),
      attachment: {
        type: 'file' as const,
        url: ' https://shop.example/price.pdf ',
        attachmentId: null,
        fileName: null,
      },
    };
    expect(ruleBody(form).attachment).toEqual({ type: 'file', url: 'https://shop.example/price.pdf' });
    expect(dm.patchBody.safeParse(ruleBody(form)).success).toBe(true);
  });

  it('says what is missing before asking the server', () => {
    expect(ruleFormProblems(emptyRuleForm('UTC')).map((p) => p.path)).toEqual([
      'keywords',
      'responseMessage',
    ]);
    const form = {
      ...formFromRule(rule, 'UTC'),
      quickReplies: [{ title: 'Двадцять один символ!', payload: '' }],
      attachment: { type: 'image' as const, url: 'not a link', attachmentId: null, fileName: null },
      cooldown: { value: '1.5', unit: 'hours' as const },
      activeHours: { ...rule.activeHours!, days: [] },
    };
    expect(ruleFormProblems(form).map((p) => p.path)).toEqual([
      'quickReplies.0.title',
      'attachment',
      'cooldownSeconds',
      'activeHours.days',
    ]);
    expect(ruleFormProblems(formFromRule(rule, 'UTC'))).toEqual([]);
  });
});

describe('keywords and durations', () => {
  it('reads keywords one per line, trimmed, without repeats or blank lines', () => {
    expect(parseKeywords('ціна\r\n  price  \n\nціна\n(a|b), c')).toEqual(['ціна', 'price', '(a|b), c']);
    expect(parseKeywords('  \n ')).toEqual([]);
  });

  it('shows seconds in the largest whole unit and reads them back', () => {
    expect(splitSeconds(86_400)).toEqual({ value: '1', unit: 'days' });
    expect(splitSeconds(7200)).toEqual({ value: '2', unit: 'hours' });
    expect(splitSeconds(5400)).toEqual({ value: '90', unit: 'minutes' });
    expect(splitSeconds(0)).toEqual({ value: '0', unit: 'minutes' });
    expect(toSeconds({ value: ' 3 ', unit: 'days' })).toBe(259_200);
    expect(toSeconds({ value: '-1', unit: 'hours' })).toBeNull();
    expect(toSeconds({ value: '', unit: 'hours' })).toBeNull();
  });

  it('describes a rule’s cooldown and hours in each language', () => {
    expect(cooldownText(tIn('en'), 0)).toBe('Every time');
    expect(cooldownText(tIn('en'), 86_400)).toBe('Again for the same customer after 1 d');
    expect(cooldownText(tIn('uk'), 3600)).toBe('Тому самому клієнту знову через 1 год');
    expect(activeHoursText(tIn('en'), 'en', rule)).toBe('Mon–Fri 09:00–18:00');
    expect(activeHoursText(tIn('ru'), 'ru', { activeHours: null })).toBe('В любое время');
  });
});

describe('moving a rule up or down', () => {
  const r = (id: string, priority: number) => ({ id, priority });

  it('changes only the moved rule when there is room between its new neighbours', () => {
    const rules = [r('a', 0), r('b', 10), r('c', 20)];
    expect(movePatches(rules, 2, 1)).toEqual([{ id: 'c', priority: 5 }]);
    expect(movePatches(rules, 0, 1)).toEqual([{ id: 'a', priority: 15 }]);
    expect(movePatches(rules, 1, 0)).toEqual([{ id: 'b', priority: -10 }]);
    expect(movePatches(rules, 1, 2)).toEqual([{ id: 'b', priority: 30 }]);
  });

  it('renumbers when neighbours leave no room, touching only rules whose number changes', () => {
    const rules = [r('a', 0), r('b', 0), r('c', 1)];
    const patches = movePatches(rules, 2, 1);
    const after = rules.map((x) => ({
      ...x,
      priority: patches.find((p) => p.id === x.id)?.priority ?? x.priority,
    }));
    const order = [...after]
      .sort((x, y) => x.priority - y.priority || (x.id < y.id ? -1 : 1))
      .map((x) => x.id);
    expect(order).toEqual(['a', 'c', 'b']);
    expect(patches).toEqual([
      { id: 'a', priority: 10 },
      { id: 'c', priority: 20 },
      { id: 'b', priority: 30 },
    ]);
  });

  it('keeps equal priorities in id order, as the server sorts them', () => {
    // b and c share 5; putting a between them needs 5 with an id between b and c: impossible.
    const rules = [r('b', 5), r('c', 5), r('a', 9)];
    const patches = movePatches(rules, 2, 1);
    expect(patches.length).toBeGreaterThan(1);
  });

  it('does nothing for a move off either end, and numbers a new rule after the last', () => {
    expect(movePatches([r('a', 0)], 0, -1)).toEqual([]);
    expect(movePatches([r('a', 0), r('b', 1)], 1, 2)).toEqual([]);
    expect(nextPriority([])).toBe(0);
    expect(nextPriority([r('a', 40), r('b', -3)])).toBe(50);
  });
});

describe('problems from the server, next to their field', () => {
  it('reads a validation error’s issues by body path', () => {
    const err = new ApiError('validation_failed', 'Invalid request', 400, 'req1', {
      issues: [
        { path: 'body.responseMessage', message: 'Too big: expected string to have <=1000 characters' },
        { path: 'body.activeHours.timezone', message: 'must be an IANA timezone such as Europe/Kyiv' },
      ],
    });
    const problems = fieldProblems(err);
    expect(problems.map((p) => p.path)).toEqual(['responseMessage', 'activeHours.timezone']);
    expect(problemAt(problems, 'activeHours')?.message).toContain('IANA');
    expect(problemAt(problems, 'keywords')).toBeUndefined();
  });

  it('names the keyword a pattern error is about, in the person’s language', () => {
    const err = new ApiError('invalid_keyword_pattern', 'The pattern "(a+)+" is not usable', 400, 'req2', {
      keyword: '(a+)+',
      reason: 'the pattern takes too long',
      path: 'body.keywords.1',
    });
    const problems = fieldProblems(err);
    expect(itemIndex(problemAt(problems, 'keywords'))).toBe(1);
    expect(problemText(tIn('uk'), { local: [], server: problems }, 'keywords')).toBe(
      'Ключове слово «(a+)+» не підходить: the pattern takes too long',
    );
    // Local problems (found before sending) come first and are translated.
    expect(
      problemText(
        tIn('en'),
        { local: [{ path: 'keywords', key: 'automation.form.required' }], server: problems },
        'keywords',
      ),
    ).toBe('Fill this in.');
  });

  it('finds nothing in other errors', () => {
    expect(fieldProblems(new ApiError('network', 'down', 0))).toEqual([]);
    expect(fieldProblems(new Error('boom'))).toEqual([]);
    expect(fieldProblems(new ApiError('validation_failed', 'x', 400, undefined, { issues: 'no' }))).toEqual(
      [],
    );
  });
});
