import type { AccountRow } from '../accounts/account.repository.js';
import type { PollResult } from '../inbox/history-poll.js';
import { defineCheck, type Finding, fail, pass, skip, warn } from './diagnostic-check.js';
import { DAY, type DiagnosticDeps } from './diagnostic-context.js';

// Do webhooks really arrive for this account? The delivery log says when the last one did, and
// missed-message polling says whether Instagram has messages that no webhook ever brought.

export const lastDelivery = defineCheck({
  id: 'instagram.last_delivery',
  group: 'instagram',
  title: 'Webhooks arrive',
  outcomes: {
    recent: pass('The last webhook for this account arrived at {lastAt}; {count} in the last 24 hours.'),
    never: warn(
      'No webhook for this account has arrived since it was connected ({connectedAt}).',
      'In App Dashboard → Webhooks check the callback URL and the subscribed fields, and that the app is Live (in Development mode Meta delivers only for people with a role on the app). Then run `relaydesk simulate delivery` or press Test there.',
    ),
  },
});

export const pollingGap = defineCheck({
  id: 'instagram.polling',
  group: 'instagram',
  title: 'Polling found nothing missed',
  outcomes: {
    clean: pass('The last poll ({lastPollAt}) found nothing that webhooks had missed.'),
    gap: fail(
      'Polling found messages that webhooks never delivered (last on {gapAt}); it imported them.',
      'Webhooks are not arriving for this account: check the subscribed fields above, that the app is Live, and the callback URL in App Dashboard → Webhooks.',
    ),
    failed: warn(
      'The last poll ({lastPollAt}) failed.',
      'See the detail: a token error is fixed by reconnecting, a rate limit passes by itself.',
    ),
    not_yet: skip('Polling has not run for this account yet.'),
    off: skip('Missed-message polling is off for this account.'),
  },
});

export async function checkLastDelivery(d: DiagnosticDeps, a: AccountRow): Promise<Finding> {
  const last = await d.repo.lastDelivery(a.id, new Date(d.clock() - DAY).toISOString());
  if (!last.lastAt)
    return lastDelivery.found('never', { connectedAt: a.created_at }, { link: '/deliveries' });
  return lastDelivery.found('recent', { lastAt: last.lastAt, count: last.recent }, { link: '/deliveries' });
}

export function checkPolling(d: DiagnosticDeps, a: AccountRow): Finding {
  if (a.poll_interval_seconds === 0) return pollingGap.found('off');
  // A gap older than a week was followed by a week of polls that found none.
  if (a.webhook_gap_at && Date.parse(a.webhook_gap_at) > d.clock() - 7 * DAY)
    return pollingGap.found('gap', { gapAt: a.webhook_gap_at }, { link: '/deliveries' });
  const result = parsePoll(a.last_poll_result);
  if (!result || !a.last_poll_at) return pollingGap.found('not_yet');
  if (result.error)
    return pollingGap.found('failed', { lastPollAt: a.last_poll_at }, { detail: result.error });
  return pollingGap.found('clean', { lastPollAt: a.last_poll_at });
}

function parsePoll(json: string | null): PollResult | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as PollResult;
  } catch {
    return null;
  }
}
