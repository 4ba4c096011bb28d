import { z } from 'zod';
import type { HttpServer } from '../http/server.js';
import type { StatsService } from './stats.service.js';

const statsResponse = z.object({
  totalMessages: z.number(),
  inboundMessages: z.number(),
  outboundMessages: z.number(),
  clientsWithInstagram: z.number(),
  pollingActive: z.boolean(),
  config: z.object({
    useChatrace: z.boolean(),
    useMockMode: z.boolean(),
    hasAccessToken: z.boolean(),
    apiUrl: z.string(),
  }),
  deliveries: z.object({
    total: z.number(),
    last24h: z.number(),
    rejected: z.number(),
    lastReceivedAt: z.string().nullable(),
  }),
  accounts: z.number(),
  /** followers of the connected accounts (latest profile readings), null before the first */
  followers: z.number().nullable(),
  /** messages in and out since midnight, in the workspace's time zone */
  messagesToday: z.number(),
  /** media published since Monday 00:00, in the workspace's time zone */
  postsThisWeek: z.number(),
  perAccount: z.array(
    z.object({
      accountId: z.string(),
      provider: z.enum(['instagram', 'chatrace']),
      username: z.string().nullable(),
      status: z.string(),
      inboundMessages: z.number(),
      outboundMessages: z.number(),
      contacts: z.number(),
      followers: z.number().nullable(),
      pollIntervalSeconds: z.number(),
      lastPollAt: z.string().nullable(),
      /** {at, checked, fetched, imported, gap, error?} of the last missed-message poll */
      lastPollResult: z.record(z.string(), z.unknown()).nullable(),
      /** the last time a poll found messages webhooks never delivered */
      webhookGapAt: z.string().nullable(),
    }),
  ),
});

export function statsRoutes(app: HttpServer, stats: StatsService): void {
  app.get(
    '/api/v1/instagram/stats',
    { schema: { tags: ['stats'], response: { 200: statsResponse } } },
    (req) => stats.stats({ workspaceId: req.auth.workspaceId, isAdmin: req.auth.isAdmin }),
  );
  // Secrets appear only as set/unset (publicConfig).
  app.get('/api/v1/instagram/config', { schema: { tags: ['stats'] } }, () => stats.effectiveConfig());
}
