import { describe, expect, it } from 'vitest';
import * as hooks from '../../src/outbound-webhooks/outbound-webhook.schema.js';
import { isSelected, toggleEventType } from '../../web/src/pages/automation/event-types.js';
import {
  daysSummary,
  hoursSummary,
  toggleDay,
  weekdayName,
} from '../../web/src/pages/automation/schedule.js';
import { queryParam, sectionOf, sectionPath, withParam } from '../../web/src/pages/automation/sections.js';

// Small pieces of the page: the webhook event picker, weekly hours, and the page's addresses.

describe('choosing the events of a subscription', () => {
  it('keeps the server’s order, and "all events" stands alone', () => {
    let s = toggleEventType([], 'post.published');
    s = toggleEventType(s, 'message.received');
    expect(s).toEqual(['message.received', 'post.published']);
    expect(hooks.createBody.safeParse({ url: 'https://bot.example/hook', eventTypes: s }).success).toBe(true);
    expect(toggleEventType(s, '*')).toEqual(['*']);
    expect(toggleEventType(['*'], '*')).toEqual([]);
    // Picking one type after "all" narrows to that type.
    expect(toggleEventType(['*'], 'message.sent')).toEqual(['message.sent']);
    expect(toggleEventType(s, 'message.received')).toEqual(['post.published']);
    expect(isSelected(['*'], 'comment.created')).toBe(true);
    expect(isSelected(['message.sent'], 'comment.created')).toBe(false);
  });
});

describe('weekly hours', () => {
  it('names days in the chosen language and joins runs of days', () => {
    expect(weekdayName('en', 1)).toBe('Mon');
    expect(weekdayName('uk', 0, 'long')).toBe('неділя');
    expect(daysSummary('en', [1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(daysSummary('en', [0, 6])).toBe('Sat, Sun');
    expect(daysSummary('en', [1, 2, 4, 5, 6])).toBe('Mon, Tue, Thu–Sat');
    expect(hoursSummary('en', { timezone: 'UTC', days: [6], from: '10:00', to: '10:00' })).toBe('Sat');
    expect(hoursSummary('en', { timezone: 'UTC', days: [5], from: '22:00', to: '06:00' })).toBe(
      'Fri 22:00–06:00',
    );
  });

  it('toggles a day, keeping the days sorted as the server stores them', () => {
    expect(toggleDay([1, 5], 3)).toEqual([1, 3, 5]);
    expect(toggleDay([1, 3, 5], 3)).toEqual([1, 5]);
  });
});

describe('the page’s addresses', () => {
  it('maps parts to paths and back, refusing unknown parts', () => {
    expect(sectionPath('rules')).toBe('/automation');
    expect(sectionPath('integrations')).toBe('/automation/integrations');
    expect(sectionOf(undefined)).toBe('rules');
    expect(sectionOf('activity')).toBe('activity');
    expect(sectionOf('rules')).toBeNull();
    expect(sectionOf('nope')).toBeNull();
  });

  it('sets and clears one query parameter, leaving the others', () => {
    expect(withParam('?account=a1', 'edit', 'new')).toBe('?account=a1&edit=new');
    expect(withParam('?account=a1&edit=new', 'edit', null)).toBe('?account=a1');
    expect(withParam('?edit=r1', 'edit', null)).toBe('');
    expect(queryParam('?edit=r%201', 'edit')).toBe('r 1');
    expect(queryParam('?edit=', 'edit')).toBeNull();
  });
});
