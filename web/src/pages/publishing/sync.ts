import type { SyncJob, SyncResult } from './types.js';

// "Sync now" starts a sync-media job (POST /accounts/:id/sync-media → {jobId}); its state comes
// from GET /accounts/:id/sync-media/:jobId, and its progress also live as posts.sync_progress.
// A run that fails for a reason that may pass (Meta down) is retried by the queue, so a failure
// is final only when the job is dead, or when it completed with an error (a refused token).

export type SyncPhase = 'queued' | 'running' | 'retrying' | 'done' | 'failed';

export interface SyncStatus {
  phase: SyncPhase;
  /** 0–100 */
  progress: number;
  result: SyncResult | null;
  error: string | null;
}

export function syncStatus(job: Pick<SyncJob, 'state' | 'progress' | 'lastResult'>): SyncStatus {
  const result = job.lastResult;
  const error = result?.error ?? null;
  switch (job.state) {
    case 'waiting':
      return { phase: 'queued', progress: 0, result: null, error: null };
    case 'active':
      return { phase: 'running', progress: job.progress, result: null, error: null };
    case 'delayed':
      // waiting for its next attempt after a failure the queue retries
      return { phase: error ? 'retrying' : 'queued', progress: 0, result: null, error };
    case 'completed':
      return error
        ? { phase: 'failed', progress: 100, result, error }
        : { phase: 'done', progress: 100, result, error: null };
    case 'dead':
      return { phase: 'failed', progress: job.progress, result, error: error ?? '' };
  }
}

export function isFinished(s: SyncStatus): boolean {
  return s.phase === 'done' || s.phase === 'failed';
}

/** a live posts.sync_progress for this job moves the bar forward (never back: events may reorder) */
export function withProgress(s: SyncStatus, progress: number): SyncStatus {
  if (isFinished(s)) return s;
  return { ...s, phase: 'running', progress: Math.max(s.progress, Math.min(100, progress)) };
}
