import type { MessageKey } from '../../i18n/en.js';
import type { AutomationAction } from './types.js';

// One line of the activity log: what the bot reacted to, what it did, and in plain words why it
// kept quiet. A DM answer's action stays `queued` once handed to the send path; the reply
// message's own status says what became of it.

export const actionKinds = [
  'dm_keyword',
  'welcome',
  'away',
  'story_mention',
  'opt_out',
  'opt_in',
  'comment_public_reply',
  'comment_private_reply',
] as const;

export const skipReasons = [
  'opted_out',
  'takeover',
  'cooldown',
  'loop_limit',
  'window',
  'already_answered',
  'private_reply_window',
  'account_inactive',
  'attachment_missing',
] as const;

export type Outcome = 'sending' | 'sent' | 'failed' | 'skipped' | 'recorded';
export type Tone = 'ok' | 'info' | 'bad' | 'warn' | 'muted';

const tones: Record<Outcome, Tone> = {
  sending: 'info',
  sent: 'ok',
  failed: 'bad',
  skipped: 'warn',
  recorded: 'muted',
};

export function actionOutcome(a: AutomationAction): { outcome: Outcome; tone: Tone } {
  const outcome = ((): Outcome => {
    if (a.status === 'skipped') return 'skipped';
    if (a.status === 'failed' || a.messageStatus === 'failed') return 'failed';
    // An opt-out without a confirmation text is decided and recorded, but says nothing.
    if (a.status === 'sent' && a.text === null && a.messageId === null && a.kind.startsWith('opt_'))
      return 'recorded';
    if (a.messageStatus === 'sent' || a.messageStatus === 'read') return 'sent';
    if (a.status === 'sent' && !a.messageId) return 'sent';
    return 'sending';
  })();
  return { outcome, tone: tones[outcome] };
}

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

export function kindKey(kind: string): MessageKey | null {
  return isOneOf(actionKinds, kind) ? `automation.kind.${kind}` : null;
}

/** the sentence for a reason code; null for a code this dashboard does not know (shown raw) */
export function reasonKey(reason: string): MessageKey | null {
  return isOneOf(skipReasons, reason) ? `automation.reason.${reason}` : null;
}

/** the actions that a live event concerns: a new action, or a status change of a reply we show */
export function touchesFeed(
  event: { type: string; messageId?: string | null },
  shown: readonly AutomationAction[],
): boolean {
  if (event.type === 'automation.action') return true;
  return (
    event.type === 'message.updated' &&
    shown.some((a) => a.messageId !== null && a.messageId === event.messageId)
  );
}
