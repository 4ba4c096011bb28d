import type { TFunction } from '../../i18n/core.js';
import { formatDuration } from '../inbox/time.js';
import { hoursSummary } from './schedule.js';
import type { DmRule } from './types.js';

// How a rule reads in the list: "once a day per customer", "Mon–Fri 09:00–18:00".

export function cooldownText(t: TFunction, seconds: number): string {
  if (seconds === 0) return t('automation.cooldown.always');
  return t('automation.cooldown.every', { duration: formatDuration(t, seconds * 1000) });
}

export function activeHoursText(t: TFunction, locale: string, rule: Pick<DmRule, 'activeHours'>): string {
  return rule.activeHours ? hoursSummary(locale, rule.activeHours) : t('automation.hours.always');
}
