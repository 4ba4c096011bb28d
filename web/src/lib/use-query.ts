import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from './api.js';
import { useApi } from './session.js';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** when the data last arrived */
  updatedAt: Date | null;
  reload(): Promise<void>;
}

/**
 * Loads data with the session's api client; with `intervalMs` it polls, waiting for each
 * answer before scheduling the next so a slow server is never hit by overlapping requests.
 */
export function useQuery<T>(
  load: (api: ApiClient) => Promise<T>,
  deps: DependencyList,
  opts: { intervalMs?: number } = {},
): QueryState<T> {
  const api = useApi();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const generation = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  const run = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await load(api);
      if (mine !== generation.current) return;
      setData(result);
      setError(null);
      setUpdatedAt(new Date());
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [api, ...deps]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      await run();
      if (!stopped && opts.intervalMs) timer = setTimeout(tick, opts.intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      generation.current++;
    };
  }, [run, opts.intervalMs]);

  return { data, error, loading, updatedAt, reload: run };
}
