import { useCallback, useRef, useState } from 'react';

export interface ActionState<T> {
  busy: boolean;
  error: unknown;
  /** the last successful answer */
  result: T | undefined;
}

/** One button's request: busy while it runs, the answer or the error afterwards; double clicks are ignored. */
export function useAction<T>() {
  const [state, setState] = useState<ActionState<T>>({ busy: false, error: null, result: undefined });
  const running = useRef(false);
  const run = useCallback(async (request: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setState({ busy: true, error: null, result: undefined });
    try {
      const result = await request();
      setState({ busy: false, error: null, result });
      return result;
    } catch (error) {
      setState({ busy: false, error, result: undefined });
      return undefined;
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => setState({ busy: false, error: null, result: undefined }), []);
  return { ...state, run, reset };
}
