import type { Services } from './app-services.js';
import { autoPostJobs } from './auto-posts/auto-post-services.js';
import { automationJobs } from './automation/automation-services.js';
import { cleanupJob } from './cleanup/cleanup.job.js';
import { inboxJobs } from './inbox/inbox-services.js';
import { insightJobs } from './insights/insight-services.js';
import type { JobContext, JobHandlers } from './jobs/job-queue.js';
import type { Metrics } from './metrics.js';
import { outboundWebhookJob } from './outbound-webhooks/outbound-webhook.routes.js';
import { postJobs } from './posts/post-services.js';

// The job registry of the composition root: every job name (src/jobs/job-queue.ts) with the
// service call that works it and its retry policy.

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
    ...inboxJobs(s),
    ...autoPostJobs(s),
    ...postJobs(s),
    cleanup: cleanupJob(s.cleanup),
    ...automationJobs(s),
    'deliver-outbound-webhook': outboundWebhookJob(s.outboundWebhooks),
    ...insightJobs(s),
    'sweep-outbox': {
      handler: async () => {
        await s.outboundWebhooks.outbox.sweep();
        await s.send.requeueUnsent();
      },
      retry: { attempts: 1, backoffMs: 1_000 },
    },
  };
}
