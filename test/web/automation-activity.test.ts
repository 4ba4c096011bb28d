import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { takeoverBody } from '../../src/automation/automation-action.schema.js';
import { dictionaries, languages } from '../../web/src/i18n/core.js';
import { parseLiveEvent } from '../../web/src/lib/use-workspace-events.js';
import {
  actionKinds,
  actionOutcome,
  kindKey,
  reasonKey,
  skipReasons,
  touchesFeed,
} from '../../web/src/pages/automation/action-view.js';
import { botState, pauseBody, pauseChoices, silenced } from '../../web/src/pages/automation/takeover.js';
import type { AutomationAction } from '../../web/src/pages/automation/types.js';

// The activity log and the takeover state: what each recorded action means to a shop owner.

const now = Date.parse('2026-11-22T12:00:00Z');
const action = (over: Partial<AutomationAction>): AutomationAction => ({
  id: '01a1',
  accountId: 'a1',
  conversationId: 'c1',
  contactId: 'p1',
  contact: { igsid: '6983345578376412', username: 'olena', name: null },
  trigger: { type: 'message', id: 'm1' },
  kind: 'dm_keyword',
  ruleId: 'r1',
  status: 'queued',
  reason: null,
  text: 'Ціна вказана на сторінці товару',
  messageId: 'm2',
  messageStatus: 'queued',
  mediaId: null,
  error: null,
  createdAt: '2026-11-22T11:59:00.000Z',
  ...over,
});

describe('what became of an automated action', () => {
  it('follows a DM answer through its reply message’s status', () => {
    expect(actionOutcome(action({})).outcome).toBe('sending');
    expect(actionOutcome(action({ messageStatus: 'sent' }))).toEqual({ outcome: 'sent', tone: 'ok' });
    expect(actionOutcome(action({ messageStatus: 'read' })).outcome).toBe('sent');
    expect(actionOutcome(action({ messageStatus: 'failed' }))).toEqual({ outcome: 'failed', tone: 'bad' });
  });

  it('tells kept quiet, a comment reply and a silent opt-out apart', () => {
    expect(actionOutcome(action({ status: 'skipped', reason: 'takeover', messageId: null })).outcome).toBe(
      'skipped',
    );
    const comment = {
      kind: 'comment_public_reply',
      trigger: { type: 'comment' as const, id: '1790' },
      messageId: null,
      messageStatus: null,
    };
    expect(actionOutcome(action({ ...comment, status: 'queued' })).outcome).toBe('sending');
    expect(actionOutcome(action({ ...comment, status: 'sent' })).outcome).toBe('sent');
    expect(actionOutcome(action({ ...comment, status: 'failed', reason: 'token_invalid' })).outcome).toBe(
      'failed',
    );
    expect(
      actionOutcome(
        action({ kind: 'opt_out', status: 'sent', text: null, messageId: null, messageStatus: null }),
      ).outcome,
    ).toBe('recorded');
  });

  it('has plain words for every reason the engine records, in every language', () => {
    const engine = readFileSync(
      new URL('../../src/automation/dm-automation.service.ts', import.meta.url),
      'utf8',
    );
    const comments = readFileSync(
      new URL('../../src/automation/comment-automation.service.ts', import.meta.url),
      'utf8',
    );
    for (const reason of [
      'opted_out',
      'takeover',
      'cooldown',
      'loop_limit',
      'window',
      'account_inactive',
      'attachment_missing',
    ])
      expect(engine).toContain(`'${reason}'`);
    for (const reason of ['already_answered', 'private_reply_window'])
      expect(comments).toContain(`'${reason}'`);
    for (const lang of languages) {
      for (const reason of skipReasons) {
        const key = reasonKey(reason);
        expect(key && dictionaries[lang][key]).toBeTruthy();
      }
      for (const kind of actionKinds) expect(dictionaries[lang][kindKey(kind)!]).toBeTruthy();
    }
    expect(dictionaries.uk[reasonKey('takeover')!]).toBe('Розмову веде людина, тож бот промовчав.');
    expect(reasonKey('token_invalid')).toBeNull();
    expect(kindKey('something_new')).toBeNull();
  });

  it('reloads the log for a new action, or for a status change of a reply it shows', () => {
    const shown = [action({ messageId: 'm2' })];
    expect(touchesFeed({ type: 'automation.action' }, [])).toBe(true);
    expect(touchesFeed({ type: 'message.updated', messageId: 'm2' }, shown)).toBe(true);
    expect(touchesFeed({ type: 'message.updated', messageId: 'm9' }, shown)).toBe(false);
    expect(touchesFeed({ type: 'conversation.updated' }, shown)).toBe(false);
  });

  it('reads the stream’s data lines and ignores anything else', () => {
    const raw = JSON.stringify({
      type: 'automation.action',
      data: { conversationId: 'c1', actionId: 'x' },
      at: 'now',
    });
    expect(parseLiveEvent(raw)).toEqual({
      type: 'automation.action',
      data: { conversationId: 'c1', actionId: 'x' },
    });
    expect(parseLiveEvent('not json')).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ type: 'x' }))).toBeNull();
  });
});

describe('whether the bot may answer in a conversation', () => {
  const at = (ms: number) => new Date(now + ms).toISOString();
  const none = { pausedUntil: null, pausedBy: null, optedOutAt: null };

  it('is active, paused (by a person’s reply or by hand), or opted out', () => {
    expect(botState(none, now)).toEqual({ state: 'active' });
    expect(botState({ ...none, pausedUntil: at(-1000), pausedBy: 'human' }, now)).toEqual({
      state: 'active',
    });
    expect(botState({ ...none, pausedUntil: at(3600_000), pausedBy: 'human' }, now)).toEqual({
      state: 'paused',
      by: 'human',
      until: at(3600_000),
    });
    // A pause by hand without an end is stored as the last moment of year 9999.
    expect(botState({ ...none, pausedUntil: '9999-12-31T23:59:59.999Z', pausedBy: 'manual' }, now)).toEqual({
      state: 'paused',
      by: 'manual',
      until: null,
    });
    // Opting out wins: a pause ending does not make the bot speak to someone who said STOP.
    expect(botState({ pausedUntil: at(60_000), pausedBy: 'manual', optedOutAt: at(-5000) }, now)).toEqual({
      state: 'opted_out',
      since: at(-5000),
    });
  });

  it('lists the silent conversations, the soonest to resume first', () => {
    const c = (id: string, automation: typeof none | Record<string, unknown>) => ({
      id,
      automation: { ...none, ...automation },
    });
    const list = silenced(
      [
        c('opted', { optedOutAt: at(-1) }),
        c('manual', { pausedUntil: '9999-12-31T23:59:59.999Z', pausedBy: 'manual' }),
        c('active', {}),
        c('soon', { pausedUntil: at(60_000), pausedBy: 'human' }),
        c('later', { pausedUntil: at(7200_000), pausedBy: 'human' }),
      ] as { id: string; automation: typeof none }[],
      now,
    );
    expect(list.map((x) => x.conversation.id)).toEqual(['soon', 'later', 'manual', 'opted']);
  });

  it('asks the server for a pause it accepts', () => {
    for (const m of pauseChoices) expect(takeoverBody.safeParse(pauseBody(m)).success).toBe(true);
    expect(pauseBody(null)).toEqual({ paused: true });
    expect(pauseBody(60)).toEqual({ paused: true, minutes: 60 });
  });
});
