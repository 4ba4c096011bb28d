// Cooldowns and pauses are stored in seconds or minutes; people think in minutes, hours and days.

export const durationUnits = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof durationUnits)[number];

const secondsPer: Record<DurationUnit, number> = { minutes: 60, hours: 3600, days: 86_400 };

export interface Duration {
  /** as typed: the form keeps the text, so a half-typed number is not lost */
  value: string;
  unit: DurationUnit;
}

/** the largest unit that divides the seconds evenly: 86400 → 1 day, 5400 → 90 minutes */
export function splitSeconds(seconds: number): Duration {
  for (const unit of ['days', 'hours'] as const)
    if (seconds > 0 && seconds % secondsPer[unit] === 0)
      return { value: String(seconds / secondsPer[unit]), unit };
  return { value: String(Math.round(seconds / 60)), unit: 'minutes' };
}

/** whole seconds, or null when the text is not a whole number ≥ 0 */
export function toSeconds(d: Duration): number | null {
  const text = d.value.trim();
  if (!/^\d{1,7}$/.test(text)) return null;
  return Number(text) * secondsPer[d.unit];
}
