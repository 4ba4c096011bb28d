import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { DatabaseHandle } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import { ContactRepository } from '../inbox/contact.repository.js';
import { ConversationRepository } from '../inbox/conversation.repository.js';
import type { InboxServices } from '../inbox/inbox-services.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import { AutomationActionRepository } from './automation-action.repository.js';
import { AutomationActionService } from './automation-action.service.js';
import { AutomationSettingsRepository } from './automation-settings.repository.js';
import { AutomationSettingsService } from './automation-settings.service.js';
import { sweepAutomation } from './automation-sweep.js';
import { CommentAutomationRepository } from './comment-automation.repository.js';
import { CommentAutomationService } from './comment-automation.service.js';
import { CommentReplyService, commentReplyRetry } from './comment-reply.service.js';
import { CommentRuleRepository } from './comment-rule.repository.js';
import { CommentRuleService } from './comment-rule.service.js';
import { DmAutomationRepository } from './dm-automation.repository.js';
import { DmAutomationService } from './dm-automation.service.js';
import { DmKeywordRepository } from './dm-keyword.repository.js';
import { DmKeywordService } from './dm-keyword.service.js';
import { TakeoverService } from './takeover.service.js';

/** created before the inbox: its send path pauses automation when a person replies */
export function createTakeover(database: DatabaseHandle, bus: EventBus): TakeoverService {
  const conversations = new ConversationRepository(database.db, database.dialect);
  return new TakeoverService(database.db, conversations, new AutomationSettingsRepository(database.db), bus);
}

export interface AutomationDeps {
  database: DatabaseHandle;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  secrets: Secrets;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  inbox: InboxServices;
  takeover: TakeoverService;
}

/** The automation engine and its APIs, wired by constructor; the engine listens to the inbox. */
export function createAutomationServices(d: AutomationDeps) {
  const { database, queue, bus, log, clock, accounts, graph, secrets } = d;
  const db = database.db;
  const settings = new AutomationSettingsRepository(db);
  const actions = new AutomationActionRepository(db);
  const dmRules = new DmKeywordRepository(db, clock);
  const commentRules = new CommentRuleRepository(db, clock);
  const repo = new DmAutomationRepository(db);
  const dmAutomation = new DmAutomationService({
    repo,
    actions,
    settings,
    rules: dmRules,
    contacts: new ContactRepository(db),
    conversations: new ConversationRepository(db, database.dialect),
    send: d.inbox.send,
    takeover: d.takeover,
    bus,
    log,
    clock,
  });
  d.inbox.inbox.onApplied((account, created) => dmAutomation.afterApply(account, created));
  const commentQueue = new CommentAutomationRepository(db);
  const commentAutomation = new CommentAutomationService({
    repo: commentQueue,
    rules: commentRules,
    actions,
    accounts,
    inbox: d.inbox.inbox,
    send: d.inbox.send,
    queue,
    graph,
    secrets,
    bus,
    log,
    clock,
  });
  return {
    dmKeywords: new DmKeywordService(dmRules, accounts, clock),
    commentRules: new CommentRuleService(commentRules, accounts),
    automationSettings: new AutomationSettingsService(settings, accounts, clock),
    automationActions: new AutomationActionService(actions),
    takeover: d.takeover,
    dmAutomation,
    commentAutomation,
    commentReplies: new CommentReplyService(actions, accounts, d.accountService, graph, secrets, bus, clock),
    sweepAutomation: () =>
      sweepAutomation({
        repo,
        comments: commentQueue,
        actions,
        accounts,
        engine: dmAutomation,
        commentEngine: commentAutomation,
        queue,
        clock,
      }),
  };
}

export type AutomationServices = ReturnType<typeof createAutomationServices>;

export function automationJobs(
  s: AutomationServices,
): Pick<JobHandlers, 'comment-reply' | 'sweep-automation'> {
  return {
    'comment-reply': {
      handler: ({ actionId }, ctx) => s.commentReplies.deliver(actionId, ctx),
      retry: commentReplyRetry,
      concurrency: 2,
    },
    'sweep-automation': {
      handler: () => s.sweepAutomation(),
      retry: { attempts: 3, backoffMs: 10_000, maxBackoffMs: 60_000 },
    },
  };
}
