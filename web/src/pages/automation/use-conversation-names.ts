import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import { contactLabel } from '../inbox/conversation-list.js';
import type { ConversationView } from '../inbox/types.js';

/**
 * The customer's name for each conversation the activity log mentions. An action carries only
 * ids; the conversations read for the paused list cover most, the rest are fetched once each.
 */
export function useConversationNames(ids: readonly string[], known: readonly ConversationView[]) {
  const api = useApi();
  const [fetched, setFetched] = useState<Map<string, string | null>>(new Map());
  const asked = useRef(new Set<string>());
  const names = useMemo(() => {
    const m = new Map(fetched);
    for (const c of known) m.set(c.id, contactLabel(c.contact));
    return m;
  }, [fetched, known]);
  const missing = ids.filter((id) => !names.has(id) && !asked.current.has(id));
  const key = missing.join(',');

  useEffect(() => {
    if (!key) return;
    const list = key.split(',');
    for (const id of list) asked.current.add(id);
    void Promise.all(
      list.map(async (id): Promise<[string, string | null]> => {
        try {
          const c = await api.get<ConversationView>(`/conversations/${encodeURIComponent(id)}`);
          return [id, contactLabel(c.contact)];
        } catch {
          return [id, null];
        }
      }),
    ).then((pairs) => setFetched((m) => new Map([...m, ...pairs])));
  }, [api, key]);

  return (id: string | null) => (id ? (names.get(id) ?? null) : null);
}
