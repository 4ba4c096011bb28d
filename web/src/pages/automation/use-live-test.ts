import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';

export const testDelayMs = 300;

/**
 * The live tester's request: sent once typing pauses for a moment, and only the answer to the
 * latest text is kept (an older, slower answer arriving late is dropped). `version` re-runs it,
 * e.g. after a rule was saved.
 */
export function useLiveTest<R>(path: string, body: Record<string, unknown> | null, version: number) {
  const api = useApi();
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const generation = useRef(0);
  const key = body ? JSON.stringify(body) : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the body; version re-runs it
  useEffect(() => {
    const mine = ++generation.current;
    if (!key) {
      setResult(null);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(async () => {
      try {
        const answer = await api.post<R>(path, JSON.parse(key));
        if (mine !== generation.current) return;
        setResult(answer);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) setPending(false);
      }
    }, testDelayMs);
    return () => clearTimeout(timer);
  }, [api, path, key, version]);

  return { result, error, pending };
}
