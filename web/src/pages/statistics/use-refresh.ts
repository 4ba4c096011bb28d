import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import { useWorkspaceEvents } from '../../lib/use-workspace-events.js';
import type { RefreshAccepted } from './types.js';

// "Refresh" asks the server to read the account from Meta now (POST …/statistics/refresh) and
// waits for `insights.synced` on the live stream, which the job sends when the account is read.
// Any insights.synced for the account (the 6-hourly run too) reloads the page's numbers, and so
// does insights.posts_synced, sent when the posts' own insights were read (often a little later).

export type RefreshState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'reading'; days: number }
  | { phase: 'done'; days: number }
  | { phase: 'failed'; error: unknown };

const syncedTypes = ['insights.synced', 'insights.posts_synced'];

export function useRefresh(accountId: string, onSynced: () => void) {
  const api = useApi();
  const [state, setState] = useState<RefreshState>({ phase: 'idle' });
  // days of the refresh still waiting for its event; a ref, because a short job can finish
  // (and its event arrive) before the POST has answered
  const waiting = useRef<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another account starts idle
  useEffect(() => {
    waiting.current = null;
    setState({ phase: 'idle' });
  }, [accountId]);

  const live = useWorkspaceEvents(
    syncedTypes,
    (events) => {
      const ours = events.filter((e) => e.data.accountId === accountId);
      if (ours.length === 0) return;
      if (waiting.current !== null && ours.some((e) => e.type === 'insights.synced')) {
        setState({ phase: 'done', days: waiting.current });
        waiting.current = null;
      }
      onSynced();
    },
    // events sent while the stream was down are gone: whatever they said, reload
    onSynced,
  );

  const start = async (days: number) => {
    waiting.current = days;
    setState({ phase: 'starting' });
    try {
      await api.post<RefreshAccepted>(`/accounts/${accountId}/statistics/refresh`, { days });
      if (waiting.current !== null) setState({ phase: 'reading', days });
    } catch (error) {
      waiting.current = null;
      setState({ phase: 'failed', error });
    }
  };

  return { state, start, connected: live.connected };
}
