import { AccountRepository } from './accounts/account.repository.js';
import { AccountService } from './accounts/account.service.js';
import { ChatraceConnectService } from './accounts/chatrace-connect.service.js';
import { InstagramConnectService } from './accounts/instagram-connect.service.js';
import { InstagramOauthService } from './accounts/instagram-oauth.service.js';
import { OauthStates } from './accounts/oauth-state.js';
import { OauthStateRepository } from './accounts/oauth-state.repository.js';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import type { UserView } from './auth/auth.schema.js';
import { AuthService } from './auth/auth.service.js';
import { createLoginLimiter } from './auth/login-limiter.redis.js';
import { createSessionTokens } from './auth/session-token.js';
import { UserRepository } from './auth/user.repository.js';
import { createAutoPostServices } from './auto-posts/auto-post-services.js';
import { createAutomationServices, createTakeover } from './automation/automation-services.js';
import {
  CleanupRepository,
  defaultAttachmentRefs,
  publishingAttachmentRefs,
} from './cleanup/cleanup.repository.js';
import { CleanupService } from './cleanup/cleanup.service.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { DiagnosticService } from './diagnostics/diagnostic.service.js';
import { diagnosticDeps } from './diagnostics/diagnostic-deps.js';
import { EventBus } from './events/event-bus.js';
import { AttachmentFiles } from './inbox/attachment.files.js';
import { createInboxServices } from './inbox/inbox-services.js';
import { insightKeys } from './insights/insight-access.js';
import { createInsightServices } from './insights/insight-services.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { OutboundWebhookRepository } from './outbound-webhooks/outbound-webhook.repository.js';
import { OutboundWebhookService } from './outbound-webhooks/outbound-webhook.service.js';
import { createPostServices } from './posts/post-services.js';
import { createProductServices } from './products/product-services.js';
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
  const loginLimiter = createLoginLimiter(config.REDIS_URL, log, clock);
  const outboundWebhooks = new OutboundWebhookService(
    new OutboundWebhookRepository(database.db),
    secrets,
    queue,
    log,
    clock,
  );
  bus.deliverTo(outboundWebhooks);
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
  const takeover = createTakeover(database, bus);
  const inboxServices = createInboxServices({
    config,
    database,
    queue,
    bus,
    log,
    clock,
    simulator,
    secrets,
    users,
    accounts,
    accountService,
    graph,
    chatrace: chatraceClient,
    takeover,
  });
  const automation = createAutomationServices({
    database,
    queue,
    bus,
    log,
    clock,
    secrets,
    accounts,
    accountService,
    graph,
    inbox: inboxServices,
    takeover,
  });
  const postServices = createPostServices({
    database,
    queue,
    bus,
    log,
    clock,
    secrets,
    accounts,
    accountService,
    graph,
    afterCommentCreate: automation.commentAutomation.afterCreate,
    commentHandOver: automation.commentAutomation.handOver,
    afterNewPosts: async (accountId) => {
      await queue.enqueue('post-insights', { accountId }, { uniqueKey: insightKeys.posts(accountId) });
    },
  });
  const attachmentFiles = new AttachmentFiles(config.DATA_DIR);
  const states = new OauthStates(new OauthStateRepository(database.db), secrets.sessionKey, clock);
  const autoPostServices = createAutoPostServices({
    config,
    database,
    queue,
    bus,
    log,
    clock,
    simulator,
    secrets,
    accounts,
    accountService,
    graph,
    gallery: postServices.postSync,
    uploads: inboxServices.attachments,
  });
  const productServices = createProductServices(database.db, clock);
  const insightServices = createInsightServices({
    database,
    queue,
    bus,
    log,
    clock,
    secrets,
    accounts,
    accountService,
    graph,
  });
  return {
    secrets,
    tokens,
    users,
    accounts,
    webhookEvents,
    bus,
    graph,
    instagram,
    loginLimiter,
    auth: new AuthService(users, tokens, loginLimiter, log, onFirstOwner),
    accountService,
    ...inboxServices,
    ...autoPostServices,
    ...postServices,
    cleanup: new CleanupService(
      new CleanupRepository(database.db),
      (sha) => attachmentFiles.pathOf(sha),
      log,
      clock,
      // product images and auto-post media may name uploads (/api/v1/attachments/<id>)
      {
        attachmentRefs: [...defaultAttachmentRefs, ...publishingAttachmentRefs],
        webhookRetentionDays: config.RETENTION_WEBHOOK_DAYS,
        jobRetentionDays: config.RETENTION_JOB_DAYS,
        attachmentRetentionDays: config.RETENTION_ATTACHMENT_DAYS,
      },
    ),
    outboundWebhooks,
    apiKeys: new ApiKeyService(new ApiKeyRepository(database.db), log, clock),
    ...automation,
    ...productServices,
    ...insightServices,
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
    events: new WebhookEventService(
      webhookEvents,
      accounts,
      queue,
      [inboxServices.inbox, postServices.commentIngest, insightServices.storyInsights],
      metrics,
      log,
      clock,
      ingest,
    ),
    stats: new StatsService(
      new StatsRepository(database.db),
      accounts,
      config,
      { simulator, pollingActive: () => inboxServices.history.pollingActive() },
      clock,
    ),
    diagnostics: new DiagnosticService(
      diagnosticDeps({
        config,
        demo: simulator,
        database,
        queue,
        graph,
        chatrace: chatraceClient,
        secrets,
        clock,
      }),
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
