import type { z } from 'zod';
import type { formulasView } from './insight.schema.js';

// How the numbers are computed, in the API response so a tooltip can show the same words the
// code follows (insight-rollup.ts for the account, insight-view.ts for a post).

export const formulas: z.infer<typeof formulasView> = {
  engagementRate: {
    expression: 'total_interactions / followers_count',
    description:
      "Account engagement rate: the day's total interactions (likes, comments, shares, saves, replies) divided by the followers that day. For a week, month or the whole range: the interactions of the days where both are known, divided by the sum of those days' followers (the average daily rate, weighted by followers).",
  },
  postEngagementRate: {
    expression: 'total_interactions / reach',
    description:
      "Post engagement rate: the post's total interactions divided by the accounts it reached; unknown while either is unknown or reach is 0.",
  },
  followerGrowth: {
    expression: 'followers_count(end) - followers_count(day before start)',
    description:
      'Follower growth: the difference between two profile readings (the last day of the period and the day before it began); unknown when either reading is missing.',
  },
  periodValues: {
    expression: 'sum(daily values)',
    description:
      'A week, month or range adds up the days that have a value (unknown when none has). Reach and accounts engaged count unique accounts per day, so their sums count an account once per day it was reached.',
  },
};
