import type { JobDefinition } from '../jobs/job-queue.js';
import type { CleanupService } from './cleanup.service.js';

/** hourly; each run prunes for the workspaces at 03:00 local time (cleanup.service.ts) */
export const cleanupCron = '0 * * * *';

export function cleanupJob(service: CleanupService): JobDefinition<'cleanup'> {
  return {
    handler: async (_payload, ctx) => {
      const r = await service.run();
      if (r.workspaces || r.global) ctx.log.debug(r, 'cleanup run');
    },
    // pruning is idempotent and the next day's run takes what is left
    retry: { attempts: 2, backoffMs: 5 * 60_000 },
  };
}
