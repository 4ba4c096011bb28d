import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../inbox/message.repository.js';
import { automationSettings } from './automation-settings.schema.js';
import { optCommand, pickCandidate } from './dm-automation-plan.js';
import type { DmKeywordRule } from './dm-keyword.repository.js';

describe('optCommand', () => {
  it.each([
    ['STOP', 'stop'],
    ['stop', 'stop'],
    ['Стоп!', 'stop'],
    ['СТОП', 'stop'],
    [' 🛑 stop ', 'stop'],
    ['відписатися', 'stop'],
    ['START', 'start'],
    ['Старт', 'start'],
    ['stop sending me the price', null],
    ['не стоп', null],
    ['stopping', null],
    ['', null],
    [null, null],
  ])('%j → %s', (text, expected) => {
    expect(optCommand(text)).toBe(expected);
  });
});

describe('pickCandidate', () => {
  const rule = {
    id: 'r1',
    workspaceId: 'w',
    accountId: null,
    keywords: ['ціна'],
    matchType: 'word',
    responseMessage: 'Ціна на сторінці товару',
    attachment: null,
    quickReplies: [],
    priority: 0,
    cooldownSeconds: 86_400,
    activeHours: null,
    isActive: true,
    createdAt: '',
    updatedAt: '',
  } satisfies DmKeywordRule;
  const msg = (over: Partial<MessageRow>) =>
    ({ account_id: 'a', kind: 'text', text: null, ...over }) as MessageRow;
  const settings = automationSettings.parse({
    welcome: { enabled: true, text: 'Вітаємо!' },
    away: {
      enabled: true,
      text: 'Ми офлайн',
      businessHours: [{ timezone: 'UTC', days: [1], from: '09:00', to: '18:00' }],
    },
    storyMention: { enabled: true, text: 'Дякуємо!' },
  });
  const monday10 = new Date('2026-11-23T10:00:00Z');
  const sunday10 = new Date('2026-11-22T10:00:00Z');
  const first = async () => false;
  const returning = async () => true;

  it('prefers the keyword answer to the welcome on a first message', async () => {
    const c = await pickCandidate(msg({ text: 'Ціна?' }), settings, [rule], monday10, first);
    expect([c?.kind, c?.reply?.text]).toEqual(['dm_keyword', 'Ціна на сторінці товару']);
  });

  it('welcomes a first message without a keyword, then answers away outside hours only', async () => {
    expect((await pickCandidate(msg({ text: 'Привіт' }), settings, [rule], monday10, first))?.kind).toBe(
      'welcome',
    );
    expect(await pickCandidate(msg({ text: 'Привіт' }), settings, [rule], monday10, returning)).toBeNull();
    expect((await pickCandidate(msg({ text: 'Привіт' }), settings, [rule], sunday10, returning))?.kind).toBe(
      'away',
    );
  });

  it('thanks a story mention and nothing else answers it', async () => {
    const c = await pickCandidate(
      msg({ kind: 'story_mention', text: 'ціна' }),
      settings,
      [rule],
      monday10,
      first,
    );
    expect([c?.kind, c?.reply?.text]).toEqual(['story_mention', 'Дякуємо!']);
    const off = automationSettings.parse({});
    expect(await pickCandidate(msg({ kind: 'story_mention' }), off, [rule], monday10, first)).toBeNull();
  });
});
