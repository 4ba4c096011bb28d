import { type Duration, splitSeconds, toSeconds } from './duration.js';
import { defaultHours, type LocalProblem, quickRepliesBody, quickReplyProblems } from './rule-form.js';
import type { ActiveHours, AutomationSettings, QuickReply } from './types.js';

// An account's conversation automations (GET/PUT /api/v1/accounts/:id/automation) as a form.
// PUT takes the whole object, so the form always sends every field.

export interface SettingsForm {
  welcomeOn: boolean;
  welcomeText: string;
  welcomeQuickReplies: QuickReply[];
  awayOn: boolean;
  awayText: string;
  businessHours: ActiveHours[];
  awayCooldown: Duration;
  storyOn: boolean;
  storyText: string;
  optOutOn: boolean;
  stopText: string;
  startText: string;
  takeover: Duration;
  maxPerHour: string;
}

export function settingsForm(s: AutomationSettings): SettingsForm {
  return {
    welcomeOn: s.welcome.enabled,
    welcomeText: s.welcome.text ?? '',
    welcomeQuickReplies: s.welcome.quickReplies.map((q) => ({ ...q })),
    awayOn: s.away.enabled,
    awayText: s.away.text ?? '',
    businessHours: s.away.businessHours.map((h) => ({ ...h, days: [...h.days] })),
    awayCooldown: splitSeconds(s.away.cooldownMinutes * 60),
    storyOn: s.storyMention.enabled,
    storyText: s.storyMention.text ?? '',
    optOutOn: s.optOut.enabled,
    stopText: s.optOut.stopText ?? '',
    startText: s.optOut.startText ?? '',
    takeover: splitSeconds(s.takeoverMinutes * 60),
    maxPerHour: String(s.maxPerConversationPerHour),
  };
}

const text = (s: string) => s.trim() || null;
const minutes = (d: Duration) => Math.round((toSeconds(d) ?? 0) / 60);

export function settingsBody(f: SettingsForm) {
  return {
    welcome: {
      enabled: f.welcomeOn,
      text: text(f.welcomeText),
      quickReplies: quickRepliesBody(f.welcomeQuickReplies),
    },
    away: {
      enabled: f.awayOn,
      text: text(f.awayText),
      businessHours: f.businessHours.map((h) => ({ ...h, days: [...h.days] })),
      cooldownMinutes: minutes(f.awayCooldown),
    },
    storyMention: { enabled: f.storyOn, text: text(f.storyText) },
    optOut: { enabled: f.optOutOn, stopText: text(f.stopText), startText: text(f.startText) },
    takeoverMinutes: minutes(f.takeover),
    maxPerConversationPerHour: Number(f.maxPerHour),
  };
}

export function settingsProblems(f: SettingsForm): LocalProblem[] {
  const out: LocalProblem[] = [];
  // Switched on without words, it would stay silent: say so rather than save a bot that does nothing.
  if (f.welcomeOn && !f.welcomeText.trim())
    out.push({ path: 'welcome.text', key: 'automation.form.required' });
  if (f.awayOn && !f.awayText.trim()) out.push({ path: 'away.text', key: 'automation.form.required' });
  if (f.storyOn && !f.storyText.trim())
    out.push({ path: 'storyMention.text', key: 'automation.form.required' });
  out.push(...quickReplyProblems(f.welcomeQuickReplies, 'welcome.quickReplies'));
  f.businessHours.forEach((h, i) => {
    if (h.days.length === 0)
      out.push({ path: `away.businessHours.${i}.days`, key: 'automation.hours.noDays' });
  });
  if (toSeconds(f.awayCooldown) === null)
    out.push({ path: 'away.cooldownMinutes', key: 'automation.form.wholeNumber' });
  if (toSeconds(f.takeover) === null)
    out.push({ path: 'takeoverMinutes', key: 'automation.form.wholeNumber' });
  const max = Number(f.maxPerHour);
  if (!/^\d+$/.test(f.maxPerHour.trim()) || max < 1 || max > 100)
    out.push({ path: 'maxPerConversationPerHour', key: 'automation.settings.maxPerHourRange' });
  return out;
}

export function addBusinessHours(list: readonly ActiveHours[], timezone: string): ActiveHours[] {
  return [...list, list.at(-1) ? { ...list.at(-1)!, days: [...list.at(-1)!.days] } : defaultHours(timezone)];
}
