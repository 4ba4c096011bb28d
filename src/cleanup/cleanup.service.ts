import { unlink } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import { type AttachmentRef, type CleanupRepository, defaultAttachmentRefs } from './cleanup.repository.js';

export interface CleanupOptions {
  /** processed webhook deliveries keep their body this long (RETENTION_WEBHOOK_DAYS, default 30) */
  webhookRetentionDays?: number;
  /** completed and dead rows of the embedded job queue (default 14) */
  jobRetentionDays?: number;
  /** stored attachments no row names any more (default 30: an upload waits that long to be sent) */
  attachmentRetentionDays?: number;
  /** rows per statement (default 500) and statements per kind per run (default 100) */
  batchSize?: number;
  maxBatches?: number;
  /** the local hour the daily run happens in (default 3) */
  hour?: number;
  attachmentRefs?: AttachmentRef[];
}

export interface CleanupScope {
  workspaceIds: string[];
  /** also what belongs to no workspace: the job table and deliveries no account claimed */
  global: boolean;
}

export interface CleanupResult {
  workspaces: number;
  global: boolean;
  deliveryBodies: number;
  jobs: number;
  attachments: number;
  files: number;
}

const DAY = 86_400_000;

/**
 * Daily pruning at 03:00 in each workspace's own timezone (workspaces.timezone). The job runs
 * every hour and takes the workspaces for which it is now 03:xx; the job table and deliveries of
 * no workspace go at 03:00 UTC. Everything is deleted in bounded batches, so no statement holds
 * a lock for long; what a run leaves over is taken the next day. Nothing still needed is touched:
 * an unprocessed delivery keeps its body, an unfinished job its row, a named attachment its file.
 */
export class CleanupService {
  private readonly o: Required<CleanupOptions>;

  constructor(
    private readonly repo: CleanupRepository,
    /** where an attachment's bytes live (AttachmentFiles.pathOf) */
    private readonly filePath: (sha256: string) => string,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
    opts: CleanupOptions = {},
  ) {
    this.o = {
      webhookRetentionDays: 30,
      jobRetentionDays: 14,
      attachmentRetentionDays: 30,
      batchSize: 500,
      maxBatches: 100,
      hour: 3,
      attachmentRefs: defaultAttachmentRefs,
      ...opts,
    };
  }

  /** the hourly job: prunes for whoever's 03:00 it is */
  async run(): Promise<CleanupResult> {
    const now = new Date(this.clock());
    const due = (await this.repo.workspaces()).filter((w) => localHour(now, w.timezone) === this.o.hour);
    return this.prune({ workspaceIds: due.map((w) => w.id), global: now.getUTCHours() === this.o.hour });
  }

  async prune(scope: CleanupScope): Promise<CleanupResult> {
    const result: CleanupResult = {
      workspaces: scope.workspaceIds.length,
      global: scope.global,
      ...{ deliveryBodies: 0, jobs: 0, attachments: 0, files: 0 },
    };
    const ago = (days: number) => new Date(this.clock() - days * DAY).toISOString();
    const webhookBefore = ago(this.o.webhookRetentionDays);
    if (scope.workspaceIds.length) {
      result.deliveryBodies += await this.batches((n) =>
        this.repo.pruneDeliveryBodies(scope.workspaceIds, webhookBefore, n),
      );
      await this.pruneAttachments(scope.workspaceIds, ago(this.o.attachmentRetentionDays), result);
    }
    if (scope.global) {
      result.deliveryBodies += await this.batches((n) =>
        this.repo.pruneDeliveryBodies(null, webhookBefore, n),
      );
      result.jobs = await this.batches((n) => this.repo.deleteFinishedJobs(ago(this.o.jobRetentionDays), n));
    }
    if (result.workspaces || result.global) this.log.info(result, 'cleanup finished');
    return result;
  }

  /** repeats a bounded statement until it finds nothing more (or the per-run bound) */
  private async batches(step: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (let i = 0; i < this.o.maxBatches; i++) {
      const n = await step(this.o.batchSize);
      total += n;
      if (n < this.o.batchSize) break;
    }
    return total;
  }

  private async pruneAttachments(workspaceIds: string[], before: string, result: CleanupResult) {
    // LIKE checks per candidate: a smaller batch keeps each reference scan's OR list short
    const size = Math.min(100, this.o.batchSize);
    let after = '';
    for (let i = 0; i < this.o.maxBatches; i++) {
      const candidates = await this.repo.oldAttachments(workspaceIds, before, after, size);
      if (candidates.length === 0) break;
      after = candidates[candidates.length - 1]?.id ?? after;
      const named = await this.repo.referenced(
        candidates.map((c) => c.id),
        this.o.attachmentRefs,
      );
      const doomed = candidates.filter((c) => !named.has(c.id));
      await this.repo.deleteAttachments(doomed.map((c) => c.id));
      result.attachments += doomed.length;
      // Files are shared by content across rows and workspaces: only an unclaimed one goes.
      const shas = [...new Set(doomed.map((c) => c.sha256))];
      const inUse = await this.repo.shasInUse(shas);
      for (const sha of shas.filter((s) => !inUse.has(s))) {
        try {
          await unlink(this.filePath(sha));
          result.files++;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
      if (candidates.length < size) break;
    }
  }
}

/** the hour (0–23) at `now` in an IANA timezone; an unknown zone counts as UTC */
export function localHour(now: Date, timeZone: string): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    return Number(parts.formatToParts(now).find((p) => p.type === 'hour')?.value);
  } catch {
    return now.getUTCHours();
  }
}
