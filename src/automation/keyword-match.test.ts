import { describe, expect, it } from 'vitest';
import {
  activeAt,
  firstMatch,
  type MatchableRule,
  type MatchType,
  matches,
  normalizeText,
  patternProblem,
  regexTest,
} from './keyword-match.js';

type Case = [type: MatchType, keyword: string, text: string, expected: boolean];

const cases: Case[] = [
  // Ukrainian: case, position, whole words
  ['contains', 'ціна', 'Ціна', true],
  ['contains', 'ціна', 'ЦІНА', true],
  ['contains', 'Ціна', 'ціна', true],
  ['contains', 'ціна', 'скільки ціна?', true],
  ['contains', 'ціна', 'Яка ЦІНА на цю сукню?', true],
  ['contains', 'ціна', 'скільки коштує?', false],
  ['contains', 'ціна', 'цiна', true], // Latin i typed for Ukrainian і
  ['contains', 'ціна', 'ЦIHA', true], // Latin I and H on an English layout
  ['contains', 'доставка по україні', 'Доставка   по\nУкраїні є?', true],
  ['contains', 'м’ясо', "м'ясо є?", true], // apostrophe variants
  ['word', 'ціна', 'ціна', true],
  ['word', 'ціна', 'яка ціна?', true],
  ['word', 'ціна', 'ціна, будь ласка', true],
  ['word', 'ціна', 'оціна', false],
  ['word', 'ціна', 'ціналь', false],
  ['word', 'ціна', 'ціна2', false],
  ['word', 'ціна', '«ціна»', true],
  ['word', 'їжа', 'де їжа?', true],
  ['word', 'й', 'и', false], // й and и are different letters: diacritics are not folded
  ['exact', 'ціна', ' Ціна?! ', true],
  ['exact', 'ціна', 'ціна)', true],
  ['exact', 'ціна', 'яка ціна', false],
  // Russian
  ['contains', 'ёлка', 'Ёлка', true],
  ['contains', 'ёлка', 'елка', true],
  ['contains', 'елка', 'хочу ёлку', false],
  ['word', 'елка', 'где ЁЛКА?', true],
  ['word', 'цена', 'оценка', false],
  ['word', 'цена', 'какая цена', true],
  ['exact', 'привет', 'ПРИВЕТ!!!', true],
  ['exact', 'привет', 'привет всем', false],
  // English and other Latin scripts
  ['exact', 'price', 'Price?!', true],
  ['exact', 'Price?!', 'price', true],
  ['exact', 'price', '¿PRICE?', true],
  ['exact', 'price', 'price list', false],
  ['word', 'price', 'What is the PRICE?', true],
  ['word', 'price', 'priceless', false],
  ['word', 'price', 'prices', false],
  ['word', 't-shirt', 'Do you have a T-shirt?', true], // regex syntax in a keyword is literal text
  ['word', 'wi-fi', 'wifi', false],
  ['word', 'a/b (c)', 'is a/b (c) ok', true],
  ['contains', 'price', 'prices', true],
  ['contains', 'café', 'CAFÉ open?', true],
  ['contains', 'café', 'cafe open?', false],
  ['contains', 'ｐｒｉｃｅ', 'price', true], // full-width letters (NFKC)
  ['contains', 'price', 'цiна price', true], // folding stays inside Cyrillic words
  // emoji
  ['contains', '🔥', 'хочу це 🔥🔥', true],
  ['contains', '🔥', 'хочу це', false],
  ['word', '🔥', 'вау🔥', true],
  ['exact', '🔥', '🔥', true],
  ['contains', '❤️', 'I ❤ it', true], // with and without the variation selector
  ['contains', '👍🏽', 'ok 👍🏽', true],
  // regex (matched against the normalized message, case-insensitively)
  ['regex', '\\d+ (грн|uah)', 'ціна 500 грн?', true],
  ['regex', '\\d+ (грн|uah)', '500 UAH', true],
  ['regex', '\\d+ (грн|uah)', '500 ГРН', true],
  ['regex', '\\d+ (грн|uah)', 'п’ятсот грн', false],
  ['regex', '^(ціна|цена|price)$', 'Цена', true],
  ['regex', '\\p{Emoji_Presentation}', 'супер 🔥', true],
];

describe('matches', () => {
  it.each(cases)('%s %j in %j → %s', (matchType, keyword, text, expected) => {
    const m = matches({ keywords: [keyword], matchType }, text);
    expect(m).toEqual(expected ? { keyword } : null);
  });

  it('tries every keyword of a rule and names the one that matched', () => {
    const rule = { keywords: ['price', 'ціна', 'цена'], matchType: 'word' as const };
    expect(matches(rule, 'Яка ціна?')).toEqual({ keyword: 'ціна' });
    expect(matches(rule, 'hello')).toBeNull();
  });

  it('never matches an empty message or a keyword that normalizes to nothing', () => {
    expect(matches({ keywords: ['ціна'], matchType: 'contains' }, '   ')).toBeNull();
    expect(matches({ keywords: ['\uFE0F'], matchType: 'contains' }, 'anything')).toBeNull();
  });
});

describe('normalizeText', () => {
  it('lower-cases, folds ё, NFKC, one apostrophe, single spaces', () => {
    expect(normalizeText('  ЁЛКА\t\n  Ｍ’ЯСО  ')).toBe("елка м'ясо");
    expect(normalizeText('ЇЖАК Ґанок')).toBe('їжак ґанок');
    expect(normalizeText('İstanbul')).toBe('i̇stanbul'); // locale-neutral, not Turkish rules
  });
});

describe('regex time limit', () => {
  it('stops (a+)+$ on "aaaa…!" instead of hanging', () => {
    const evil = `${'a'.repeat(30)}!`;
    expect(regexTest('(a+)+$', evil)).toBe('timeout');
    const timedOut: string[] = [];
    expect(matches({ keywords: ['(a+)+$'], matchType: 'regex' }, evil, (k) => timedOut.push(k))).toBeNull();
    expect(timedOut).toEqual(['(a+)+$']);
  });

  it('refuses catastrophic, invalid and overlong patterns when saved', () => {
    expect(patternProblem('(a+)+$')).toMatch(/catastrophic backtracking/);
    expect(patternProblem('(x|x)*y')).toMatch(/catastrophic backtracking/);
    expect(patternProblem('(ціна')).toMatch(/Invalid regular expression/);
    expect(patternProblem('\\q')).toMatch(/Invalid/); // identity escapes are errors with the u flag
    expect(patternProblem('a'.repeat(201))).toMatch(/longer than 200/);
    expect(patternProblem('\\d+ (грн|uah)')).toBeNull();
    expect(patternProblem('(\\d+ ?)+грн')).toBeNull();
  });
});

describe('activeAt', () => {
  const kyiv = { timezone: 'Europe/Kyiv', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
  it('evaluates the window in the rule timezone', () => {
    // 2026-11-23 is a Monday; Kyiv is UTC+2 in November.
    expect(activeAt(kyiv, new Date('2026-11-23T07:00:00Z'))).toBe(true); // 09:00 local
    expect(activeAt(kyiv, new Date('2026-11-23T06:59:00Z'))).toBe(false); // 08:59 local
    expect(activeAt(kyiv, new Date('2026-11-23T16:00:00Z'))).toBe(false); // 18:00 local: end excluded
    expect(activeAt(kyiv, new Date('2026-11-22T10:00:00Z'))).toBe(false); // Sunday
  });

  it('handles windows that cross midnight, owned by the day they start on', () => {
    const night = { timezone: 'America/New_York', days: [5], from: '22:00', to: '06:00' }; // Friday night
    expect(activeAt(night, new Date('2026-11-28T03:30:00Z'))).toBe(true); // Fri 22:30 EST
    expect(activeAt(night, new Date('2026-11-28T10:00:00Z'))).toBe(true); // Sat 05:00
    expect(activeAt(night, new Date('2026-11-28T11:00:00Z'))).toBe(false); // Sat 06:00
    expect(activeAt(night, new Date('2026-11-27T10:00:00Z'))).toBe(false); // Fri 05:00: Thursday's night
    expect(activeAt(night, new Date('2026-11-27T20:00:00Z'))).toBe(false); // Fri 15:00
  });

  it('treats from = to as the whole day', () => {
    const allDay = { timezone: 'UTC', days: [0], from: '00:00', to: '00:00' };
    expect(activeAt(allDay, new Date('2026-11-22T23:59:00Z'))).toBe(true);
    expect(activeAt(allDay, new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });
});

describe('firstMatch', () => {
  const rule = (id: string, over: Partial<MatchableRule> = {}) => ({
    id,
    keywords: ['ціна'],
    matchType: 'contains' as const,
    isActive: true,
    accountId: null,
    activeHours: null,
    ...over,
  });
  const now = new Date('2026-11-23T12:00:00Z');

  it('returns the first rule in order that may fire', () => {
    const rules = [
      rule('inactive', { isActive: false }),
      rule('other', { accountId: 'acc-2' }),
      rule('night', {
        activeHours: { timezone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], from: '22:00', to: '06:00' },
      }),
      rule('no-match', { keywords: ['доставка'] }),
      rule('winner', { accountId: 'acc-1' }),
      rule('later'),
    ];
    expect(firstMatch(rules, 'Ціна?', { accountId: 'acc-1', now })?.rule.id).toBe('winner');
    expect(firstMatch(rules, 'Ціна?', { accountId: 'acc-3', now })?.rule.id).toBe('later');
    // the tester without an account considers rules of any account
    expect(firstMatch(rules, 'Ціна?', { now })?.rule.id).toBe('other');
    expect(
      firstMatch(rules, 'Ціна?', { accountId: 'acc-1', now: new Date('2026-11-23T23:00:00Z') })?.rule.id,
    ).toBe('night');
    expect(firstMatch(rules, 'привіт', { accountId: 'acc-1', now })).toBeNull();
  });
});
