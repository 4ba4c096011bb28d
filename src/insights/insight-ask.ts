import { type GraphError, isGraphError } from '../providers/instagram/graph-errors.js';
import type { Insight } from '../providers/instagram/graph-media-schemas.js';

/**
 * When Meta refuses a combined insights request (error 100: one metric it will not give this
 * account or media), asks for each metric alone: the others still count, and the refused ones
 * stay unknown. Anything but a refused parameter (token, rate limit, outage) is thrown.
 */
export async function askEach<M extends string>(
  metrics: readonly M[],
  ask: (metric: M) => Promise<Insight[]>,
  refused: (metric: M, err: GraphError) => void,
): Promise<Insight[]> {
  const data: Insight[] = [];
  for (const metric of metrics) {
    try {
      data.push(...(await ask(metric)));
    } catch (err) {
      if (!isRefusal(err)) throw err;
      refused(metric, err);
    }
  }
  return data;
}

export const isRefusal = (err: unknown): err is GraphError => isGraphError(err) && err.kind === 'bad_request';
