import { AccountRepository } from './accounts/account.repository.js';
import { AccountService } from './accounts/account.service.js';
import { ChatraceConnectService } from './accounts/chatrace-connect.service.js';
import { InstagramConnectService } from './accounts/instagram-connect.service.js';
import { InstagramOauthService } from './accounts/instagram-oauth.service.js';
import { OauthStates } from './accounts/oauth-state.js';
import { OauthStateRepository } from './accounts/oauth-state.repository.js';
import type { UserView } from './auth/auth.schema.js';
import { AuthService } from './auth/auth.service.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { createSessionTokens } from './auth/session-token.js';
import { UserRepository } from './auth/user.repository.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { EventBus } from './events/event-bus.js';
import { AttachmentRepository } from './inbox/attachment.repository.js';
import { AttachmentService } from './inbox/attachment.service.js';
import { ContactRepository } from './inbox/contact.repository.js';
import { ContactService } from './inbox/contact.service.js';
import { ContactProfileService } from './inbox/contact-profile.service.js';
import { ConversationRepository } from './inbox/conversation.repository.js';
import { ConversationService } from './inbox/conversation.service.js';
import { HistoryImportService } from './inbox/history-import.service.js';
import { InboxIngestService } from './inbox/inbox-ingest.service.js';
import { MessageRepository } from './inbox/message.repository.js';
import { MessageAttachmentService } from './inbox/message-attachment.service.js';
import { MessageDeliveryService } from './inbox/message-delivery.service.js';
import { MessageSendService } from './inbox/message-send.service.js';
import type { JobContext, JobHandlers, JobQueue } from './jobs/job-queue.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { ChatraceClient } from './providers/chatrace/chatrace-client.js';
import { GraphClient } from './providers/instagram/graph-client.js';
import { createSecrets } from './secrets.js';
import { StatsRepository } from './stats/stats.repository.js';
import { StatsService } from './stats/stats.service.js';
import { WebhookEventRepository } from './webhooks/webhook-event.repository.js';
import { WebhookEventService } from './webhooks/webhook-event.service.js';
import { WebhookIngestService } from './webhooks/webhook-ingest.service.js';

export interface ServiceDeps {
  config: Config;
  database: DatabaseHandle;
  queue: JobQueue;
  metrics: Metrics;
  log: Logger;
  clock: () => number;
  simulator: boolean;
  onFirstOwner: (user: UserView) => Promise<void>;
}

/** Every service, wired by constructor. Nothing here reads the environment or a global. */
export function createServices({
  config,
  database,
  queue,
  metrics,
  log,
  clock,
  simulator,
  onFirstOwner,
}: ServiceDeps) {
  const secrets = createSecrets(config.SECRET_KEY);
  const users = new UserRepository(database.db);
  const accounts = new AccountRepository(database.db);
  const webhookEvents = new WebhookEventRepository(database.db);
  const tokens = createSessionTokens(secrets.sessionKey, config.ACCESS_TOKEN_TTL, clock);
  const bus = new EventBus(clock);
  const graph = new GraphClient({
    graphUrl: config.INSTAGRAM_GRAPH_URL,
    apiVersion: config.INSTAGRAM_API_VERSION,
    oauthTokenUrl: config.INSTAGRAM_OAUTH_TOKEN_URL,
    appId: config.INSTAGRAM_APP_ID,
    appSecret: config.INSTAGRAM_APP_SECRET,
    timeoutMs: 15_000,
    logger: log,
    clock,
  });
  const chatraceClient = new ChatraceClient({
    apiUrl: config.CHATRACE_API_URL,
    timeoutMs: 15_000,
    logger: log,
    clock,
  });
  const instagram = new InstagramConnectService(graph, accounts, secrets, queue, bus, log, clock);
  const ingest = new WebhookIngestService(
    webhookEvents,
    accounts,
    queue,
    metrics,
    log,
    config.INSTAGRAM_APP_SECRET,
    clock,
  );
  const accountService = new AccountService(accounts, graph, secrets, bus, log, clock);
  const contacts = new ContactRepository(database.db);
  const conversations = new ConversationRepository(database.db, database.dialect);
  const messages = new MessageRepository(database.db);
  const attachments = new AttachmentService({
    repo: new AttachmentRepository(database.db),
    dataDir: config.DATA_DIR,
    urlKey: secrets.urlKey,
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    // Demo mode: the simulator "fetches" uploads from this machine, so the local address will do.
    publicUrl: config.PUBLIC_URL ?? (simulator ? `http://127.0.0.1:${config.PORT}` : null),
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
    chatraceClient,
    secrets,
    (id) => attachments.publicUrl(id),
    bus,
    clock,
  );
  const history = new HistoryImportService({
    accounts,
    accountService,
    graph,
    secrets,
    ingest: inbox,
    db: database.db,
    log,
    clock,
  });
  const states = new OauthStates(new OauthStateRepository(database.db), secrets.sessionKey, clock);
  return {
    secrets,
    tokens,
    users,
    accounts,
    webhookEvents,
    bus,
    graph,
    instagram,
    auth: new AuthService(users, tokens, new LoginLimiter(clock), log, onFirstOwner),
    accountService,
    attachments,
    history,
    inbox,
    delivery,
    contacts: new ContactService(contacts),
    profiles: new ContactProfileService(contacts, accounts, accountService, graph, secrets, bus, log, clock),
    conversations: new ConversationService(conversations, messages, users, attachments, bus, clock),
    send: new MessageSendService(
      database.db,
      messages,
      conversations,
      accounts,
      users,
      new AttachmentRepository(database.db),
      delivery,
      queue,
      bus,
      clock,
    ),
    messageAttachments: new MessageAttachmentService(messages, attachments, log),
    oauth: new InstagramOauthService(
      graph,
      instagram,
      states,
      {
        appId: config.INSTAGRAM_APP_ID,
        authorizeUrl: config.INSTAGRAM_OAUTH_AUTHORIZE_URL,
        publicUrl: config.PUBLIC_URL,
      },
      log,
      clock,
    ),
    chatrace: new ChatraceConnectService(
      chatraceClient,
      accounts,
      secrets,
      bus,
      config.PUBLIC_URL,
      log,
      clock,
    ),
    ingest,
    events: new WebhookEventService(webhookEvents, accounts, queue, [inbox], metrics, log, clock, ingest),
    stats: new StatsService(
      new StatsRepository(database.db),
      accounts,
      config,
      { simulator, pollingActive: () => history.pollingActive() },
      clock,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;

/** every handler timed into relaydesk_job_duration_seconds{name,outcome} */
function instrumented(handlers: JobHandlers, metrics: Metrics): JobHandlers {
  const timed = Object.entries(handlers).map(([name, def]) => {
    const run = def.handler as (payload: unknown, ctx: JobContext) => Promise<void>;
    const handler = async (payload: unknown, ctx: JobContext) => {
      const end = metrics.jobDuration.startTimer({ name });
      try {
        await run(payload, ctx);
        end({ outcome: 'completed' });
      } catch (err) {
        end({ outcome: 'failed' });
        throw err;
      }
    };
    return [name, { ...def, handler }];
  });
  return Object.fromEntries(timed) as JobHandlers;
}

/** The typed job registry: a job name without a handler here does not compile. */
export function jobHandlers(s: Services, metrics: Metrics): JobHandlers {
  return instrumented(registry(s), metrics);
}

/** transient and rate-limit failures retry for about an hour before the message is marked failed */
const sendRetry = { attempts: 8, backoffMs: 5_000, maxBackoffMs: 15 * 60_000 };

function registry(s: Services): JobHandlers {
  return {
    'process-deliveries': {
      handler: ({ deliveryIds }) => s.events.processDeliveries(deliveryIds),
      retry: { attempts: 8, backoffMs: 2_000, maxBackoffMs: 15 * 60_000 },
      concurrency: 2,
    },
    'route-unrouted': {
      handler: async ({ accountId }) => {
        await s.events.routeUnrouted(accountId);
      },
      retry: { attempts: 5, backoffMs: 5_000 },
    },
    'sweep-deliveries': {
      handler: async () => {
        await s.events.sweep();
      },
      retry: { attempts: 1, backoffMs: 1_000 },
    },
    'refresh-tokens': {
      handler: async (_payload, ctx) => {
        const res = await s.accountService.refreshAll();
        ctx.log.info(res, 'token refresh run finished');
      },
      retry: { attempts: 3, backoffMs: 60_000 },
    },
    'send-message': {
      handler: ({ messageId }, ctx) => s.delivery.deliver(messageId, ctx, ctx.attempt >= sendRetry.attempts),
      retry: sendRetry,
      concurrency: 4,
    },
    'fetch-profile': {
      handler: ({ contactId }) => s.profiles.fetch(contactId),
      retry: { attempts: 5, backoffMs: 30_000, maxBackoffMs: 3_600_000 },
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
    'copy-attachments': {
      handler: ({ messageId }) => s.messageAttachments.copy(messageId),
      retry: { attempts: 6, backoffMs: 10_000, maxBackoffMs: 3_600_000 },
      concurrency: 2,
    },
  };
}
