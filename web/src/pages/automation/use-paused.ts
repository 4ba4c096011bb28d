import { useCallback, useMemo, useState } from 'react';
import { loadAll } from '../../lib/load-all.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import type { ConversationView } from '../inbox/types.js';
import { type PauseChoice, pauseBody, silenced } from './takeover.js';

// Every open conversation where the bot keeps quiet, as the server selects them
// (?automation=silenced); live conversation.updated events refetch the rows they name, so one
// paused a moment ago appears without a reload, and `silenced` drops those whose pause ran out.

export function usePausedConversations(now: number) {
  const api = useApi();
  const scan = useQuery(
    (a) => loadAll<ConversationView>(a, '/conversations', { status: 'open', automation: 'silenced' }),
    [],
  );
  const [fresh, setFresh] = useState<Map<string, ConversationView>>(new Map());
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const all = useMemo(() => {
    const byId = new Map((scan.data ?? []).map((c) => [c.id, c]));
    for (const [id, c] of fresh) byId.set(id, c);
    return [...byId.values()].filter((c) => c.status === 'open');
  }, [scan.data, fresh]);

  const put = useCallback((c: ConversationView) => setFresh((m) => new Map(m).set(c.id, c)), []);

  /** live: these conversations changed */
  const refetch = useCallback(
    async (ids: readonly string[]) => {
      await Promise.all(
        ids.map(async (id) => {
          try {
            put(await api.get<ConversationView>(`/conversations/${encodeURIComponent(id)}`));
          } catch {
            // gone or not visible any more: the next full scan settles it
          }
        }),
      );
    },
    [api, put],
  );

  const set = async (id: string, body: { paused: boolean; minutes?: number }) => {
    setBusyId(id);
    setError(null);
    try {
      put(await api.put<ConversationView>(`/conversations/${encodeURIComponent(id)}/automation`, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  return {
    items: silenced(all, now),
    loaded: scan.data !== undefined,
    loadError: scan.error,
    reload: async () => {
      setFresh(new Map());
      await scan.reload();
    },
    refetch,
    busyId,
    error,
    resume: (id: string) => set(id, { paused: false }),
    pause: (id: string, minutes: PauseChoice) => set(id, pauseBody(minutes)),
  };
}
