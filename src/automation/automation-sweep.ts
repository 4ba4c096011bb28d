import type { AccountRepository } from '../accounts/account.repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { AutomationActionRepository } from './automation-action.repository.js';
import type { DmAutomationRepository } from './dm-automation.repository.js';
import type { DmAutomationService } from './dm-automation.service.js';

/** how long work may sit before the sweeper assumes its job died */
const graceMs = 60_000;

/**
 * The `sweep-automation` job (every minute). The engine normally decides in the job that stored
 * the message; after a crash between that commit and the decision, or a lost comment-reply job,
 * the database still says what is undone, and this picks it up (DESIGN.md: every job can be
 * rebuilt from rows).
 */
export async function sweepAutomation(d: {
  repo: DmAutomationRepository;
  actions: AutomationActionRepository;
  accounts: AccountRepository;
  engine: DmAutomationService;
  queue: JobQueue;
  clock: () => number;
}): Promise<void> {
  const before = new Date(d.clock() - graceMs).toISOString();
  for (const accountId of await d.repo.stalledAccounts(before)) {
    const account = await d.accounts.findById(accountId);
    if (account) await d.engine.runPending(account);
  }
  for (const actionId of await d.actions.stalledCommentReplies(before)) {
    await d.queue.enqueue('comment-reply', { actionId }, { uniqueKey: `comment-reply:${actionId}` });
  }
}
