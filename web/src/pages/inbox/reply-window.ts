import type { TFunction } from '../../i18n/core.js';
import { dateTime, formatDuration, type Zone } from './time.js';
import type { ConversationView, InboxAccount } from './types.js';

// Instagram's messaging window as the composer needs it: a business may answer within 24 h of
// the customer's last message; a person (not automation) may answer for 7 days with the
// HUMAN_AGENT tag if the workspace allows it; before the customer writes, not at all.
// https://developers.facebook.com/docs/messenger-platform/policy/policy-overview#24hours_window
// The server's window engine decides; this only explains it ahead of time.

const HOUR = 3_600_000;

export type ReplyWindow =
  | { state: 'open'; closesAt: string; remainingMs: number; urgent: boolean }
  | { state: 'human_agent'; until: string }
  | { state: 'closed'; reason: 'expired'; closedAt: string; humanAgentUntil: string | null }
  | { state: 'closed'; reason: 'no_customer_message' }
  | { state: 'inactive'; accountStatus: 'disconnected' | 'token_expired' };

type WindowFields = Pick<ConversationView, 'windowExpiresAt' | 'humanAgentExpiresAt'>;

export function replyWindow(
  c: WindowFields,
  now: number,
  opts: { humanAgentEnabled: boolean; accountStatus?: InboxAccount['status'] | undefined },
): ReplyWindow {
  if (opts.accountStatus === 'disconnected' || opts.accountStatus === 'token_expired')
    return { state: 'inactive', accountStatus: opts.accountStatus };
  if (!c.windowExpiresAt) return { state: 'closed', reason: 'no_customer_message' };
  const closes = Date.parse(c.windowExpiresAt);
  if (now < closes) {
    const remainingMs = closes - now;
    return { state: 'open', closesAt: c.windowExpiresAt, remainingMs, urgent: remainingMs < HOUR };
  }
  const humanUntil =
    c.humanAgentExpiresAt && now < Date.parse(c.humanAgentExpiresAt) ? c.humanAgentExpiresAt : null;
  if (humanUntil && opts.humanAgentEnabled) return { state: 'human_agent', until: humanUntil };
  return { state: 'closed', reason: 'expired', closedAt: c.windowExpiresAt, humanAgentUntil: humanUntil };
}

export const canSend = (w: ReplyWindow) => w.state === 'open' || w.state === 'human_agent';

export interface WindowText {
  text: string;
  /** a second sentence: what else is possible */
  note: string | null;
}

export function windowText(t: TFunction, z: Zone, w: ReplyWindow, now: number): WindowText {
  switch (w.state) {
    case 'open':
      return { text: t('inbox.window.open', { time: formatDuration(t, w.remainingMs) }), note: null };
    case 'human_agent':
      return {
        text: t('inbox.window.humanAgent', { until: dateTime(z, w.until, now) }),
        note: t('inbox.window.humanAgentNote'),
      };
    case 'inactive':
      return { text: t(`inbox.window.inactive.${w.accountStatus}`), note: null };
    case 'closed':
      if (w.reason === 'no_customer_message')
        return { text: t('inbox.window.noCustomerMessage'), note: null };
      return {
        text: t('inbox.window.closed', { closedAt: dateTime(z, w.closedAt, now) }),
        note: w.humanAgentUntil
          ? t('inbox.window.humanAgentPossible', { until: dateTime(z, w.humanAgentUntil, now) })
          : null,
      };
  }
}
