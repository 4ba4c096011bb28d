import { useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { DeliveryDetail, DeliveryStatus, ReplayResponse } from '../../lib/types.js';

export type ReplayState =
  | { step: 'idle' }
  | { step: 'sending' }
  | { step: 'queued'; jobId: string }
  | { step: 'done'; status: DeliveryStatus }
  | { step: 'waiting' }
  | { step: 'error'; error: unknown };

const pollMs = 500;
const giveUpMs = 8000;

/** A replay has finished once the worker made a new attempt and left the 'received' state. */
export function replayFinished(before: DeliveryDetail, now: DeliveryDetail): boolean {
  return now.attempts > before.attempts && now.status !== 'received';
}

/** POSTs a replay, then re-reads the delivery until the worker has processed it or time runs out. */
export function useReplay(
  id: string,
  current: DeliveryDetail | undefined,
  onUpdate: (d: DeliveryDetail) => void,
) {
  const api = useApi();
  const [state, setState] = useState<ReplayState>({ step: 'idle' });
  const path = `/webhook-events/${encodeURIComponent(id)}`;

  const replay = async () => {
    if (!current) return;
    setState({ step: 'sending' });
    try {
      const res = await api.post<ReplayResponse>(`${path}/replay`);
      setState({ step: 'queued', jobId: res.jobId });
      const deadline = Date.now() + giveUpMs;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, pollMs));
        const next = await api.get<DeliveryDetail>(path);
        onUpdate(next);
        if (replayFinished(current, next)) {
          setState({ step: 'done', status: next.status });
          return;
        }
      }
      setState({ step: 'waiting' });
    } catch (error) {
      setState({ step: 'error', error });
    }
  };

  return { state, replay, busy: state.step === 'sending' || state.step === 'queued' };
}
