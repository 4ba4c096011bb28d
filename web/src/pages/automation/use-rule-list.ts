import { useCallback, useState } from 'react';
import { loadAll } from '../../lib/load-all.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { movePatches, type Prioritised } from './reorder.js';

/**
 * A rule list in run order (DM keyword rules or comment rules: the same CRUD), with the quick
 * actions of the list itself: switching a rule on or off and moving it up or down.
 */
export function useRuleList<R extends Prioritised & { isActive: boolean }>(path: string) {
  const api = useApi();
  const list = useQuery((a) => loadAll<R>(a, path), [path]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { reload } = list;

  const run = useCallback(
    async (id: string, work: () => Promise<unknown>) => {
      setBusyId(id);
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(err);
      } finally {
        await reload();
        setBusyId(null);
      }
    },
    [reload],
  );

  const item = (id: string) => `${path}/${encodeURIComponent(id)}`;
  const setActive = (rule: R, isActive: boolean) =>
    run(rule.id, () => api.patch(item(rule.id), { isActive }));
  const move = (index: number, delta: -1 | 1) => {
    const rules = list.data ?? [];
    const rule = rules[index];
    if (!rule) return Promise.resolve();
    // One at a time: a renumbering touches several rules, and the order must hold after each.
    return run(rule.id, async () => {
      for (const p of movePatches(rules, index, index + delta))
        await api.patch(item(p.id), { priority: p.priority });
    });
  };

  return {
    rules: list.data,
    loadError: list.error,
    reload,
    busyId,
    error,
    setActive,
    move,
  };
}
