import { z } from 'zod';
import type { AccountRow } from '../accounts/account.repository.js';
import { parsePollResult } from './history-import.service.js';

export const pollResultView = z.object({
  at: z.string(),
  checked: z.number(),
  fetched: z.number(),
  imported: z.number(),
  gap: z.boolean(),
  error: z.string().optional(),
  errorKind: z.string().optional(),
});

export const pollingView = z.object({
  /** seconds between polls of the Conversations API; 0 = off */
  intervalSeconds: z.number(),
  lastPollAt: z.string().nullable(),
  lastPollResult: pollResultView.nullable(),
  /** the last time a poll found messages webhooks never delivered: webhooks are failing */
  webhookGapAt: z.string().nullable(),
  backfilledAt: z.string().nullable(),
});

/** 0 turns polling off; otherwise between 30 s and an hour */
export const pollingBody = z.object({
  intervalSeconds: z.union([z.literal(0), z.number().int().min(30).max(3600)]),
});

export const backfillAccepted = z.object({ jobId: z.string() });

export function toPollingView(a: AccountRow): z.infer<typeof pollingView> {
  return {
    // Chatrace connections never poll, whatever the column says.
    intervalSeconds: a.provider === 'instagram' ? a.poll_interval_seconds : 0,
    lastPollAt: a.last_poll_at,
    lastPollResult: parsePollResult(a.last_poll_result),
    webhookGapAt: a.webhook_gap_at,
    backfilledAt: a.backfilled_at,
  };
}
