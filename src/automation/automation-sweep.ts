import type { AccountRepository } from '../accounts/account.repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { AutomationActionRepository } from './automation-action.repository.js';
import type { CommentAutomationRepository } from './comment-automation.repository.js';
import type { CommentAutomationService } from './comment-automation.service.js';
import type { DmAutomationRepository } from './dm-automation.repository.js';
import type { DmAutomationService } from './dm-automation.service.js';

/** how long work may sit before the sweeper assumes its job died */
const graceMs = 60_000;

/**
 * The `sweep-automation` job (every minute). The engine normally decides in the job that stored
 * the message or comment; after a crash between that commit and the decision, or a lost
 * comment-reply job, the database still says what is undone, and this picks it up (DESIGN.md:
 * every job can be rebuilt from rows).
 */
export async function sweepAutomation(d: {
  repo: DmAutomationRepository;
  comments: CommentAutomationRepository;
  actions: AutomationActionRepository;
  accounts: AccountRepository;
  engine: DmAutomationService;
  commentEngine: CommentAutomationService;
  queue: JobQueue;
  clock: () => number;
}): Promise<void> {
  const before = new Date(d.clock() - graceMs).toISOString();
  for (const accountId of await d.repo.stalledAccounts(before)) {
    const account = await d.accounts.findById(accountId);
    if (account) await d.engine.runPending(account);
  }
  const { pending, comments } = await d.comments.stalled(before, 200);
  for (const accountId of new Set(comments.map((c) => c.account_id))) {
    const account = await d.accounts.findById(accountId);
    const own = comments.filter((c) => c.account_id === accountId);
    if (account) await d.commentEngine.afterCreate(account, own);
  }
  // Handed over but gone since (or from an account that is gone): nothing left to decide.
  await d.comments.decided(pending);
  for (const actionId of await d.actions.stalledCommentReplies(before)) {
    await d.queue.enqueue('comment-reply', { actionId }, { uniqueKey: `comment-reply:${actionId}` });
  }
}
