import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { isFinished, type SyncStatus, syncStatus, withProgress } from './sync.js';
import type { SyncJob, SyncState } from './types.js';

// The job is read every second and a half until it ends; live posts.sync_progress events move the
// bar in between. The page reloads its posts once, when the job has finished.
const pollMs = 1500;
const gone: SyncStatus = { phase: 'done', progress: 100, result: null, error: null };

export interface MediaSync {
  /** the last finished sync of the account (when, and what it found) */
  last: SyncState | undefined;
  /** the sync started here, while it runs and after it ended */
  current: { jobId: string; status: SyncStatus } | null;
  starting: boolean;
  /** why it could not be started (media_sync_unavailable, …) */
  startError: unknown;
  start(): Promise<void>;
  progress(jobId: string, percent: number): void;
}

export function useMediaSync(accountId: string | null, onFinished: () => void): MediaSync {
  const api = useApi();
  const last = useQuery(
    (a) => (accountId ? a.get<SyncState>(`/accounts/${accountId}/sync-media`) : Promise.resolve(undefined)),
    [accountId],
  );
  // the job started here, with the account it belongs to (another account shows none)
  const [started, setCurrent] = useState<(MediaSync['current'] & { accountId: string }) | null>(null);
  const current = started?.accountId === accountId ? started : null;
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const reloadLast = last.reload;

  const jobId = current && !isFinished(current.status) ? current.jobId : null;
  useEffect(() => {
    if (!jobId || !accountId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const job = await api.get<SyncJob>(`/accounts/${accountId}/sync-media/${jobId}`);
        if (stopped) return;
        const status = syncStatus(job);
        setCurrent((prev) =>
          prev?.jobId === jobId ? { ...prev, status: mergeLive(prev.status, status) } : prev,
        );
        if (isFinished(status)) {
          finished.current();
          void reloadLast();
          return;
        }
      } catch (err) {
        // the job is gone (pruned): it ended long ago, so show what the posts are now
        if (err instanceof ApiError && err.status === 404) {
          setCurrent((prev) => (prev?.jobId === jobId ? { ...prev, status: gone } : prev));
          finished.current();
          return;
        }
        // anything else is tried again at the next tick
      }
      if (!stopped) timer = setTimeout(tick, pollMs);
    };
    timer = setTimeout(tick, pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, accountId, jobId, reloadLast]);

  const start = useCallback(async () => {
    if (!accountId) return;
    setStarting(true);
    setStartError(null);
    try {
      const { jobId: id } = await api.post<{ jobId: string }>(`/accounts/${accountId}/sync-media`);
      setCurrent({
        accountId,
        jobId: id,
        status: { phase: 'queued', progress: 0, result: null, error: null },
      });
    } catch (err) {
      setStartError(err);
    } finally {
      setStarting(false);
    }
  }, [api, accountId]);

  const progress = useCallback((id: string, percent: number) => {
    setCurrent((prev) =>
      prev?.jobId === id ? { ...prev, status: withProgress(prev.status, percent) } : prev,
    );
  }, []);

  return { last: last.data, current, starting, startError, start, progress };
}

/** a poll answer must not move the bar back behind a live event that arrived first */
function mergeLive(prev: SyncStatus, next: SyncStatus): SyncStatus {
  if (isFinished(next) || next.phase !== 'running') return next;
  return { ...next, progress: Math.max(prev.progress, next.progress) };
}
