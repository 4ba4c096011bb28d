import { accountRoutes, oauthCallbackRoute } from './accounts/account.routes.js';
import { apiKeyRoutes, apiKeyScope } from './api-keys/api-key.routes.js';
import { jobHandlers } from './app-jobs.js';
import { createServices, type Services } from './app-services.js';
import { authRoutes, publicAuthRoutes } from './auth/auth.routes.js';
import { autoPostRoutes } from './auto-posts/auto-post.routes.js';
import { autoPostSeriesRoutes } from './auto-posts/auto-post-series.routes.js';
import { automationActionRoutes } from './automation/automation-action.routes.js';
import { automationSettingsRoutes } from './automation/automation-settings.routes.js';
import { commentRuleRoutes } from './automation/comment-rule.routes.js';
import { dmKeywordRoutes } from './automation/dm-keyword.routes.js';
import { cleanupCron } from './cleanup/cleanup.job.js';
import { commentRoutes } from './comments/comment.routes.js';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type Demo, demoWanted, startDemo } from './demo/demo.js';
import { diagnosticRoutes } from './diagnostics/diagnostic.routes.js';
import { eventRoutes } from './events/event.routes.js';
import { authenticate } from './http/authenticate.js';
import { healthRoutes } from './http/health.routes.js';
import { closeGracefully, createHttpServer, type HttpServer } from './http/server.js';
import { serveDashboard } from './http/static.js';
import { attachmentFileRoutes, attachmentUploadRoutes } from './inbox/attachment.routes.js';
import { contactRoutes } from './inbox/contact.routes.js';
import { conversationRoutes } from './inbox/conversation.routes.js';
import { historyRoutes } from './inbox/history.routes.js';
import { insightRoutes } from './insights/insight.routes.js';
import { accountInsightsCron, postInsightsCron } from './insights/insight-services.js';
import { jobRoutes } from './jobs/job.routes.js';
import { createJobQueue } from './jobs/job-queue.factory.js';
import type { JobQueue } from './jobs/job-queue.js';
import { createLogger, type Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { outboundWebhookRoutes } from './outbound-webhooks/outbound-webhook.routes.js';
import { postRoutes } from './posts/post.routes.js';
import { syncMediaCron } from './posts/post-services.js';
import { registerProductRoutes } from './products/product-services.js';
import { statsRoutes } from './stats/stats.routes.js';
import { webhookEventRoutes } from './webhooks/webhook-event.routes.js';
import { webhookIngestRoutes } from './webhooks/webhook-ingest.routes.js';

export interface AppOptions {
  logger?: Logger;
  clock?: () => number;
  /** work jobs in this process (default true); one-off commands say no */
  worker?: boolean;
}

export interface App {
  /** the effective configuration (in demo mode: with the simulator standing in for Meta) */
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  queue: JobQueue;
  http: HttpServer;
  services: Services;
  demo: Demo | null;
  /** starts working jobs in this process (and the periodic schedules) */
  startWorker(): Promise<void>;
  /** starts the worker (unless disabled) and listens on PORT/HOST; resolves to the address */
  start(): Promise<string>;
  /** graceful: stop accepting, finish in-flight requests, commit pending writes, drain jobs */
  stop(): Promise<void>;
}

export async function createApp(baseConfig: Config, opts: AppOptions = {}): Promise<App> {
  const log = opts.logger ?? createLogger(baseConfig.LOG_LEVEL);
  const clock = opts.clock ?? Date.now;
  const demo = demoWanted(baseConfig) ? await startDemo(baseConfig, log) : null;
  const config = demo?.config ?? baseConfig;
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const metrics = new Metrics();
  const queue = createJobQueue({
    redisUrl: config.REDIS_URL,
    db: database.db,
    dialect: database.dialect,
    logger: log,
    clock,
  });
  const services: Services = createServices({
    config,
    database,
    queue,
    metrics,
    log,
    clock,
    simulator: demo !== null,
    onFirstOwner: (user) => connectStartupAccounts(user.workspaceId),
  });
  if (config.REDIS_URL) await services.bus.shareThroughRedis(config.REDIS_URL, log);

  // INSTAGRAM_ACCESS_TOKEN and the demo account belong to the first owner's workspace.
  async function connectStartupAccounts(workspaceId: string): Promise<void> {
    const now = clock();
    // A pasted token's expiry is unknown until its first refresh; the simulator's is a fresh 60-day token.
    const tokens = [
      { accessToken: config.INSTAGRAM_ACCESS_TOKEN, expiresAt: null },
      {
        accessToken: demo?.sim.seedDemo().accessToken,
        expiresAt: new Date(now + 60 * 86_400_000).toISOString(),
      },
    ];
    for (const { accessToken, expiresAt } of tokens) {
      if (!accessToken) continue;
      try {
        await services.instagram.connect(workspaceId, {
          accessToken,
          expiresAt,
          issuedAt: new Date(now).toISOString(),
        });
      } catch (err) {
        log.error({ err: (err as Error).message }, 'could not connect the start-up Instagram account');
      }
    }
  }

  await services.auth.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const admin = await services.users.findAdmin();
  if (admin && opts.worker !== false) await connectStartupAccounts(admin.workspace_id);

  let accepting = true;
  const http = await createHttpServer({ logger: log, trustProxy: config.TRUST_PROXY });
  demo?.mount(http);
  healthRoutes(http, { pingDb: database.ping, queue, metrics, accepting: () => accepting });
  publicAuthRoutes(http, services.auth);
  oauthCallbackRoute(http, services.oauth);
  await http.register(
    webhookIngestRoutes(services.ingest, {
      verifyToken: config.INSTAGRAM_WEBHOOK_VERIFY_TOKEN,
      bodyLimit: config.WEBHOOK_BODY_LIMIT,
    }),
  );
  await http.register(async (api: HttpServer) => {
    api.addHook('onRequest', authenticate(services.tokens, services.apiKeys.resolve));
    api.addHook('onRequest', apiKeyScope);
    apiKeyRoutes(api, services.apiKeys);
    outboundWebhookRoutes(api, services.outboundWebhooks);
    authRoutes(api, services.auth);
    accountRoutes(api, {
      accounts: services.accountService,
      instagram: services.instagram,
      oauth: services.oauth,
      chatrace: services.chatrace,
      clock,
    });
    webhookEventRoutes(api, services.webhookEvents, services.events);
    conversationRoutes(api, services.conversations, services.send);
    contactRoutes(api, services.contacts);
    attachmentUploadRoutes(api, services.attachments);
    historyRoutes(api, services.history, queue);
    autoPostRoutes(api, services.autoPosts);
    autoPostSeriesRoutes(api, services.autoPostSeries);
    postRoutes(api, services.posts);
    commentRoutes(api, services.comments);
    dmKeywordRoutes(api, services.dmKeywords);
    commentRuleRoutes(api, services.commentRules);
    automationSettingsRoutes(api, services.automationSettings);
    automationActionRoutes(api, services.automationActions, services.takeover, services.conversations, clock);
    registerProductRoutes(api, services);
    statsRoutes(api, services.stats);
    insightRoutes(api, services.insights);
    diagnosticRoutes(api, services.diagnostics);
    eventRoutes(api, services.bus);
    jobRoutes(api, queue);
  });
  attachmentFileRoutes(http, services.attachments);
  await serveDashboard(http);

  // Between bursts, keep the SQLite WAL short (database.ts says why).
  const checkpoints = setInterval(() => {
    if (!services.ingest.inBurst())
      database.checkpoint().catch((err) => log.warn({ err }, 'checkpoint failed'));
  }, 5_000);
  checkpoints.unref();

  const startWorker = async () => {
    await queue.start(jobHandlers(services, metrics));
    await queue.schedule('sweep-deliveries', '* * * * *', {});
    await queue.schedule('refresh-tokens', '17 4 * * *', {});
    await queue.schedule('poll-conversations', '* * * * *', {});
    await queue.schedule('sweep-auto-posts', '* * * * *', {});
    await queue.schedule('sync-media-all', syncMediaCron, {});
    await queue.schedule('account-insights-all', accountInsightsCron, {});
    await queue.schedule('post-insights-all', postInsightsCron, {});
    await queue.schedule('cleanup', cleanupCron, {});
    await queue.schedule('sweep-automation', '* * * * *', {});
    await queue.schedule('sweep-outbox', '* * * * *', {});
    // Polling starts after an account's history is in; a backfill lost to a crash is redone.
    for (const a of await services.accounts.listByProvider('instagram')) {
      if (!a.backfilled_at && a.status !== 'disconnected')
        await queue.enqueue('import-history', { accountId: a.id }, { uniqueKey: `history:${a.id}` });
    }
    await services.events.sweep(0, 100_000);
    // posts that fell due while no instance was running go out now, not at the next minute
    await services.autoPostScheduler.sweep(0);
  };
  return {
    config,
    log,
    database,
    queue,
    http,
    services,
    demo,
    startWorker,
    async start() {
      if (opts.worker ?? true) await startWorker();
      const address = await http.listen({ port: config.PORT, host: config.HOST });
      demo?.listening(address);
      return address;
    },
    async stop() {
      accepting = false;
      clearInterval(checkpoints);
      await closeGracefully(http, config.SHUTDOWN_GRACE_MS);
      await services.ingest.drain();
      await queue.stop();
      await queue.close();
      await services.bus.close();
      await services.loginLimiter.close();
      await demo?.stop();
      await database.close();
    },
  };
}
