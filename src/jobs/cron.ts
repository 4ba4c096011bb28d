import { CronExpressionParser } from 'cron-parser';
import { errors } from '../errors.js';

/**
 * The first occurrence of `cron` strictly after `afterMs` (epoch ms), in `tz` (UTC by default).
 * Six fields mean seconds come first (cron-parser 5), so `* * * * * *` fires every second.
 */
export function nextCronRun(cron: string, afterMs: number, tz = 'UTC'): number {
  try {
    return CronExpressionParser.parse(cron, { currentDate: new Date(afterMs), tz })
      .next()
      .getTime();
  } catch (err) {
    throw errors.validation(`Invalid cron schedule "${cron}" (${tz}): ${(err as Error).message}`);
  }
}

/** the unique key that keeps at most one pending run per schedule (see SqlJobQueue.schedule) */
export const cronKey = (name: string) => `cron:${name}`;
