import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { UserRepository } from '../auth/user.repository.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { ChatraceClient } from '../providers/chatrace/chatrace-client.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import { AttachmentRepository } from './attachment.repository.js';
import { AttachmentService } from './attachment.service.js';
import { ContactRepository } from './contact.repository.js';
import { ContactService } from './contact.service.js';
import { ContactProfileService } from './contact-profile.service.js';
import { ConversationRepository } from './conversation.repository.js';
import { ConversationService } from './conversation.service.js';
import { HistoryImportService } from './history-import.service.js';
import { InboxIngestService } from './inbox-ingest.service.js';
import { MessageRepository } from './message.repository.js';
import { MessageAttachmentService } from './message-attachment.service.js';
import { MessageDeliveryService } from './message-delivery.service.js';
import { type HumanTakeover, MessageSendService } from './message-send.service.js';

export interface InboxDeps {
  config: Config;
  database: DatabaseHandle;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  simulator: boolean;
  secrets: Secrets;
  users: UserRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  chatrace: ChatraceClient;
  takeover?: HumanTakeover;
}

/** The inbox's services, wired by constructor. */
export function createInboxServices(d: InboxDeps) {
  const { database, bus, queue, log, clock, secrets, accounts, accountService, graph } = d;
  const contacts = new ContactRepository(database.db);
  const conversations = new ConversationRepository(database.db, database.dialect);
  const messages = new MessageRepository(database.db, database.dialect);
  const attachmentRows = new AttachmentRepository(database.db);
  const attachments = new AttachmentService({
    repo: attachmentRows,
    dataDir: d.config.DATA_DIR,
    urlKey: secrets.urlKey,
    maxBytes: d.config.ATTACHMENT_MAX_BYTES,
    // Demo mode: the simulator "fetches" uploads from this machine, so the local address will do.
    publicUrl: d.config.PUBLIC_URL ?? (d.simulator ? `http://127.0.0.1:${d.config.PORT}` : null),
    log,
    clock,
  });
  const inbox = new InboxIngestService(database, bus, queue, log, clock);
  const delivery = new MessageDeliveryService(
    database.db,
    messages,
    accounts,
    accountService,
    graph,
    d.chatrace,
    secrets,
    (id) => attachments.publicUrl(id),
    bus,
    clock,
  );
  return {
    attachments,
    inbox,
    delivery,
    history: new HistoryImportService({
      accounts,
      accountService,
      graph,
      secrets,
      ingest: inbox,
      db: database.db,
      log,
      clock,
    }),
    contacts: new ContactService(contacts, attachments),
    profiles: new ContactProfileService(
      contacts,
      accounts,
      accountService,
      graph,
      secrets,
      bus,
      attachments,
      log,
      clock,
    ),
    conversations: new ConversationService(conversations, messages, d.users, attachments, bus, clock),
    send: new MessageSendService(
      database.db,
      messages,
      conversations,
      accounts,
      d.users,
      attachmentRows,
      delivery,
      queue,
      bus,
      clock,
      d.takeover,
    ),
    messageAttachments: new MessageAttachmentService(messages, attachments, log),
  };
}

export type InboxServices = ReturnType<typeof createInboxServices>;

/** transient and rate-limit failures retry for about an hour before the message is marked failed */
const sendRetry = { attempts: 8, backoffMs: 5_000, maxBackoffMs: 15 * 60_000 };

export function inboxJobs(
  s: InboxServices,
): Pick<
  JobHandlers,
  'send-message' | 'fetch-profile' | 'copy-attachments' | 'import-history' | 'poll-conversations'
> {
  return {
    'send-message': {
      handler: async ({ messageId }, ctx) => {
        await s.delivery.deliver(messageId, ctx, ctx.attempt >= sendRetry.attempts);
        await s.send.sendNext(messageId);
      },
      retry: sendRetry,
      concurrency: 4,
    },
    'fetch-profile': {
      handler: ({ contactId }) => s.profiles.fetch(contactId),
      retry: { attempts: 5, backoffMs: 30_000, maxBackoffMs: 3_600_000 },
      concurrency: 2,
    },
    'copy-attachments': {
      handler: ({ messageId }) => s.messageAttachments.copy(messageId),
      retry: { attempts: 6, backoffMs: 10_000, maxBackoffMs: 3_600_000 },
      concurrency: 2,
    },
    'import-history': {
      handler: async ({ accountId }, ctx) => {
        await s.history.importAccount(accountId, (pct) => ctx.progress(pct));
      },
      retry: { attempts: 5, backoffMs: 60_000, maxBackoffMs: 30 * 60_000 },
    },
    'poll-conversations': {
      handler: async (_payload, ctx) => {
        const res = await s.history.pollDue();
        if (res.polled) ctx.log.debug(res, 'conversations polled');
      },
      // the next minute's run is the retry
      retry: { attempts: 1, backoffMs: 1_000 },
    },
  };
}
