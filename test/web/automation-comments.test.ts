import { describe, expect, it } from 'vitest';
import { automationSettings } from '../../src/automation/automation-settings.schema.js';
import * as comments from '../../src/automation/comment-rule.schema.js';
import {
  commentFormFromRule,
  commentFormProblems,
  commentRuleBody,
  emptyCommentForm,
  togglePost,
} from '../../web/src/pages/automation/comment-rule-form.js';
import {
  addBusinessHours,
  settingsBody,
  settingsForm,
  settingsProblems,
} from '../../web/src/pages/automation/settings-form.js';
import type { AutomationSettings, CommentRule } from '../../web/src/pages/automation/types.js';

// The comment rule editor and the conversation automations form: what they send must be what the
// server's own schemas accept.

const saved: CommentRule = {
  id: 'c1',
  name: 'Ціна під дописами',
  accountId: 'a1',
  scope: 'media',
  mediaIds: ['17963352987654312', '17979191234567890'],
  keywords: ['ціна', 'price'],
  matchType: 'contains',
  publicReplies: ['Написали вам у Direct', 'Відповіли в особисті'],
  privateReply: 'Ціна вказана на сторінці товару',
  priority: 0,
  isActive: true,
  createdAt: '2026-11-22T12:00:00.000Z',
  updatedAt: '2026-11-22T12:00:00.000Z',
};

describe('the comment rule form', () => {
  it('makes a rule for chosen posts that the server accepts', () => {
    const form = {
      ...emptyCommentForm('a1'),
      name: ' Ціна ',
      scope: 'media' as const,
      mediaIds: togglePost(togglePost([], '17963352987654312'), '17979191234567890'),
      keywords: 'ціна\nprice',
      publicReplies: ['Написали вам у Direct', '  ', 'Відповіли в особисті '],
      privateReplyOn: true,
      privateReply: 'Ціна вказана на сторінці товару',
    };
    expect(commentFormProblems(form)).toEqual([]);
    const body = commentRuleBody(form, 10);
    expect(body).toEqual({
      name: 'Ціна',
      accountId: 'a1',
      scope: 'media',
      mediaIds: ['17963352987654312', '17979191234567890'],
      keywords: ['ціна', 'price'],
      matchType: 'contains',
      publicReplies: ['Написали вам у Direct', 'Відповіли в особисті'],
      privateReply: 'Ціна вказана на сторінці товару',
      isActive: true,
      priority: 10,
    });
    expect(comments.createBody.safeParse(body).success).toBe(true);
  });

  it('round-trips a saved rule, and drops chosen posts when the scope is no longer "chosen posts"', () => {
    const form = commentFormFromRule(saved);
    expect(commentRuleBody(form)).toMatchObject({
      mediaIds: saved.mediaIds,
      privateReply: saved.privateReply,
    });
    const all = commentRuleBody({ ...form, scope: 'all' });
    expect(all.mediaIds).toEqual([]);
    expect(comments.patchBody.safeParse(all).success).toBe(true);
    // A private reply switched off is sent as null, so the server clears it.
    expect(commentRuleBody({ ...form, privateReplyOn: false }).privateReply).toBeNull();
  });

  it('asks for what the server would refuse', () => {
    const empty = emptyCommentForm('');
    expect(commentFormProblems(empty).map((p) => p.path)).toEqual(['name', 'publicReplies']);
    const media = { ...empty, name: 'x', scope: 'media' as const, publicReplies: ['ok'] };
    expect(commentFormProblems(media).map((p) => p.path)).toEqual(['accountId', 'mediaIds']);
    const next = { ...media, scope: 'next_post' as const, accountId: 'a1' };
    expect(commentFormProblems(next)).toEqual([]);
    const dmOn = { ...next, publicReplies: [''], privateReplyOn: true, privateReply: ' ' };
    expect(commentFormProblems(dmOn).map((p) => p.path)).toEqual(['privateReply', 'publicReplies']);
  });

  it('toggles a post in and out of the choice, keeping the order of picking', () => {
    expect(togglePost(['b', 'a'], 'c')).toEqual(['b', 'a', 'c']);
    expect(togglePost(['b', 'a', 'c'], 'a')).toEqual(['b', 'c']);
  });
});

const defaults: AutomationSettings = {
  accountId: 'a1',
  ...automationSettings.parse({}),
  updatedAt: null,
};

describe('the conversation automations form', () => {
  it('sends back exactly the settings it was given when nothing changed', () => {
    const body = settingsBody(settingsForm(defaults));
    const { accountId: _a, updatedAt: _u, ...expected } = defaults;
    expect(automationSettings.parse(body)).toEqual(expected);
    expect(body.takeoverMinutes).toBe(1440);
    expect(body.away.cooldownMinutes).toBe(720);
  });

  it('sends a welcome, an away message with hours, and a shorter takeover', () => {
    const form = {
      ...settingsForm(defaults),
      welcomeOn: true,
      welcomeText: ' Вітаємо у Весні! ',
      welcomeQuickReplies: [{ title: 'Каталог', payload: '' }],
      awayOn: true,
      awayText: 'Ми відповімо зранку',
      businessHours: addBusinessHours([], 'Europe/Kyiv'),
      takeover: { value: '2', unit: 'hours' as const },
      maxPerHour: '3',
      stopText: '   ',
    };
    expect(settingsProblems(form)).toEqual([]);
    const parsed = automationSettings.parse(settingsBody(form));
    expect(parsed.welcome).toEqual({
      enabled: true,
      text: 'Вітаємо у Весні!',
      quickReplies: [{ title: 'Каталог', payload: 'Каталог' }],
    });
    expect(parsed.away.businessHours).toEqual([
      { timezone: 'Europe/Kyiv', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
    ]);
    expect(parsed.takeoverMinutes).toBe(120);
    expect(parsed.maxPerConversationPerHour).toBe(3);
    // An empty confirmation is "say nothing", not an empty message.
    expect(parsed.optOut.stopText).toBeNull();
  });

  it('copies the last window when more business hours are added', () => {
    const one = addBusinessHours([], 'UTC');
    const two = addBusinessHours([{ ...one[0]!, days: [6], from: '10:00', to: '14:00' }], 'UTC');
    expect(two[1]).toEqual({ timezone: 'UTC', days: [6], from: '10:00', to: '14:00' });
    two[1]!.days.push(0);
    expect(two[0]!.days).toEqual([6]);
  });

  it('refuses an automation switched on without words, and limits out of range', () => {
    const form = {
      ...settingsForm(defaults),
      welcomeOn: true,
      storyOn: true,
      businessHours: [{ timezone: 'UTC', days: [], from: '09:00', to: '18:00' }],
      maxPerHour: '0',
      takeover: { value: 'x', unit: 'minutes' as const },
    };
    expect(settingsProblems(form).map((p) => p.path)).toEqual([
      'welcome.text',
      'storyMention.text',
      'away.businessHours.0.days',
      'takeoverMinutes',
      'maxPerConversationPerHour',
    ]);
  });
});
