// Whether the bot may speak in a conversation (GET /conversations carries `automation`), and the
// sentence the Inbox and the Automation page show for it.

export interface ConversationAutomation {
  pausedUntil: string | null;
  pausedBy: 'human' | 'manual' | null;
  optedOutAt: string | null;
}

export type BotState =
  | { state: 'active' }
  /** `until` null: paused by hand until someone resumes it */
  | { state: 'paused'; by: 'human' | 'manual'; until: string | null }
  | { state: 'opted_out'; since: string };

// The server writes a pause "by hand, until resumed" as the last millisecond of year 9999.
const untilResumed = (iso: string) => iso.startsWith('9999-');

export function botState(a: ConversationAutomation, now: number): BotState {
  if (a.optedOutAt) return { state: 'opted_out', since: a.optedOutAt };
  if (a.pausedUntil && Date.parse(a.pausedUntil) > now)
    return {
      state: 'paused',
      by: a.pausedBy ?? 'manual',
      until: untilResumed(a.pausedUntil) ? null : a.pausedUntil,
    };
  return { state: 'active' };
}

/** how long an operator can pause the bot from the Inbox; null: until resumed */
export const pauseChoices = [60, 1440, null] as const;
export type PauseChoice = (typeof pauseChoices)[number];

export function pauseBody(minutes: PauseChoice): { paused: true; minutes?: number } {
  return minutes === null ? { paused: true } : { paused: true, minutes };
}

/** conversations in which the bot is silent now: paused first (soonest to resume first), then opted out */
export function silenced<C extends { automation: ConversationAutomation }>(list: readonly C[], now: number) {
  const rank = (s: BotState) =>
    s.state === 'paused'
      ? s.until
        ? Date.parse(s.until)
        : Number.MAX_SAFE_INTEGER
      : Number.POSITIVE_INFINITY;
  return list
    .map((c) => ({ conversation: c, bot: botState(c.automation, now) }))
    .filter((x) => x.bot.state !== 'active')
    .sort((a, b) => rank(a.bot) - rank(b.bot));
}
