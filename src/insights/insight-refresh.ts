// When a post's insights are read again. A post gathers most of its views, reach and interactions
// in its first days, so it is read every 3 hours for 2 days, twice a day for the rest of its
// first week, then weekly. Meta keeps media metrics for 2 years; after that there is nothing to
// read. https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights#limitations

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Meta's retention of media metrics */
export const mediaRetentionMs = 730 * DAY;

const schedule: { untilAge: number; every: number }[] = [
  { untilAge: 2 * DAY, every: 3 * HOUR },
  { untilAge: 7 * DAY, every: 12 * HOUR },
  { untilAge: mediaRetentionMs, every: 7 * DAY },
];

/** the next read of a post published at `publishedMs`, read at `readMs`; null: never again */
export function nextRefresh(publishedMs: number, readMs: number): number | null {
  const age = Math.max(0, readMs - publishedMs);
  const step = schedule.find((s) => age < s.untilAge);
  return step ? readMs + step.every : null;
}
