import { z } from 'zod';
import { checkGroups, verdicts } from './diagnostic-check.js';

// GET /api/v1/diagnostics: the same report `relaydesk doctor --json` prints.

const verdict = z.enum(verdicts);

export const checkResultView = z.object({
  /** stable: `webhook.verification`, `instagram.token`… (README, Troubleshooting) */
  id: z.string(),
  group: z.enum(checkGroups),
  title: z.string(),
  verdict,
  /** the outcome, stable per check: `valid`, `refused`, `missing`… */
  code: z.string(),
  message: z.string(),
  /** what to do; null when nothing needs doing */
  fix: z.string().nullable(),
  /** raw facts (Meta's own words, a list of problems), untranslated; never a secret */
  detail: z.string().nullable(),
  /** the values in the message, for translation (times are ISO-8601) */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** the account or Chatrace connection this check is about; null for the instance's checks */
  account: z
    .object({
      id: z.string(),
      provider: z.enum(['instagram', 'chatrace']),
      username: z.string().nullable(),
      externalId: z.string(),
    })
    .nullable(),
  /** a dashboard path to look at next, e.g. the webhook log filtered to rejected deliveries */
  link: z.string().nullable(),
  durationMs: z.number(),
});

export const diagnosticReportView = z.object({
  generatedAt: z.string(),
  durationMs: z.number(),
  verdict,
  counts: z.object({ pass: z.number(), warn: z.number(), fail: z.number(), skip: z.number() }),
  checks: z.array(checkResultView),
});
