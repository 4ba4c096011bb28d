import { describe, expect, it } from 'vitest';
import { dictionaries, type TFunction, translate } from '../../web/src/i18n/core.js';
import { ApiError } from '../../web/src/lib/api.js';
import { canSend, replyWindow, windowText } from '../../web/src/pages/inbox/reply-window.js';
import { describeSendError, windowRefusal } from '../../web/src/pages/inbox/send-error.js';

// Instagram's messaging window as the composer explains it: open (with a countdown), the
// HUMAN_AGENT week, closed, never opened, and an account that cannot send.

const tIn =
  (lang: 'en' | 'ru' | 'uk'): TFunction =>
  (key, vars) =>
    translate(dictionaries[lang], key, vars);
const t = tIn('en');
const now = Date.parse('2026-11-22T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(now + ms).toISOString();
const utc = { locale: 'en', timeZone: 'UTC' };
const off = { humanAgentEnabled: false };
const on = { humanAgentEnabled: true };

/** The customer wrote `agoMs` ago: the window closes 24 h later, HUMAN_AGENT 7 days later. */
const wroteAgo = (agoMs: number) => ({
  windowExpiresAt: at(DAY - agoMs),
  humanAgentExpiresAt: at(7 * DAY - agoMs),
});

describe('reply window', () => {
  it('is open for 24 hours after the customer’s message, counting down', () => {
    const w = replyWindow(wroteAgo(20 * HOUR + 48 * MIN), now, off);
    expect(w).toMatchObject({ state: 'open', remainingMs: 3 * HOUR + 12 * MIN, urgent: false });
    expect(canSend(w)).toBe(true);
    expect(windowText(t, utc, w, now).text).toBe('Reply window closes in 3 h 12 min');
    expect(windowText(tIn('ru'), { ...utc, locale: 'ru' }, w, now).text).toBe(
      'Окно для ответа закроется через 3 ч 12 мин',
    );
    expect(windowText(tIn('uk'), { ...utc, locale: 'uk' }, w, now).text).toBe(
      'Вікно для відповіді закриється через 3 год 12 хв',
    );
  });

  it('warns in the last hour and closes exactly at the expiry', () => {
    expect(replyWindow(wroteAgo(23 * HOUR + 30 * MIN), now, off)).toMatchObject({
      state: 'open',
      urgent: true,
    });
    expect(replyWindow(wroteAgo(DAY - 1), now, off).state).toBe('open');
    expect(replyWindow(wroteAgo(DAY), now, off).state).toBe('closed');
  });

  it('lets a person answer as a human agent for 7 days when the workspace allows it', () => {
    const w = replyWindow(wroteAgo(2 * DAY), now, on);
    expect(w).toEqual({ state: 'human_agent', until: at(5 * DAY) });
    expect(canSend(w)).toBe(true);
    expect(windowText(t, utc, w, now).text).toBe(
      'The 24-hour window has closed. You can still reply as a human agent until Nov 27, 12:00 PM.',
    );
    expect(replyWindow(wroteAgo(7 * DAY), now, on)).toMatchObject({ state: 'closed', humanAgentUntil: null });
  });

  it('explains a closed window, and that HUMAN_AGENT would help when it is off', () => {
    const w = replyWindow(wroteAgo(2 * DAY), now, off);
    expect(w).toEqual({
      state: 'closed',
      reason: 'expired',
      closedAt: at(-DAY),
      humanAgentUntil: at(5 * DAY),
    });
    expect(canSend(w)).toBe(false);
    const text = windowText(t, utc, w, now);
    expect(text.text).toContain('This window closed on Nov 21, 12:00 PM.');
    expect(text.note).toBe(
      'A person could still answer until Nov 27, 12:00 PM if human-agent replies were turned on for the workspace.',
    );
    expect(windowText(t, utc, replyWindow(wroteAgo(8 * DAY), now, off), now).note).toBeNull();
  });

  it('allows no reply before the customer writes, nor from a disconnected account', () => {
    const never = replyWindow({ windowExpiresAt: null, humanAgentExpiresAt: null }, now, on);
    expect(never).toEqual({ state: 'closed', reason: 'no_customer_message' });
    expect(windowText(tIn('uk'), utc, never, now).text).toContain('Клієнт ще нічого не написав');
    const gone = replyWindow(wroteAgo(HOUR), now, { ...on, accountStatus: 'token_expired' });
    expect(gone).toEqual({ state: 'inactive', accountStatus: 'token_expired' });
    expect(canSend(gone)).toBe(false);
    expect(windowText(t, utc, gone, now).text).toContain('token of this Instagram account has expired');
    expect(replyWindow(wroteAgo(HOUR), now, { ...off, accountStatus: 'expiring' }).state).toBe('open');
  });
});

describe('a refused send', () => {
  const refused = (details?: Record<string, unknown>) =>
    new ApiError('outside_messaging_window', 'Outside the messaging window', 409, 'req-1', details);

  it('reads when the window closed and whether HUMAN_AGENT is possible from the 409', () => {
    expect(windowRefusal(refused({ closedAt: at(-DAY), humanAgentAvailable: true }))).toEqual({
      closedAt: at(-DAY),
      humanAgentAvailable: true,
    });
    expect(windowRefusal(refused({ closedAt: 'garbage' }))).toEqual({
      closedAt: null,
      humanAgentAvailable: false,
    });
    expect(windowRefusal(new ApiError('validation_failed', 'x', 400))).toBeNull();
    expect(windowRefusal(new Error('x'))).toBeNull();
  });

  it('says it in full in the chosen language', () => {
    const err = refused({ closedAt: at(-DAY), humanAgentAvailable: true });
    expect(describeSendError(t, utc, err, now)).toBe(
      'Instagram no longer accepts replies here: the 24-hour reply window has closed. The window closed on Nov 21, 12:00 PM. A person may still reply as a human agent once an owner turns that on.',
    );
    expect(describeSendError(tIn('ru'), { ...utc, locale: 'ru' }, refused(), now)).toBe(
      'Instagram больше не принимает ответы в этом диалоге: 24-часовое окно для ответа закрылось.',
    );
    const inactive = new ApiError('conversation_account_inactive', 'inactive', 409);
    expect(describeSendError(tIn('uk'), utc, inactive, now)).toContain(
      'Акаунт Instagram цієї розмови відключено',
    );
  });
});
