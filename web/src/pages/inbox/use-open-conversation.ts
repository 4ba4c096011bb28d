import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { ConversationView } from './types.js';

/**
 * The conversation in the centre. Opening it marks it read (POST …/read answers with the
 * conversation), so its unread badge clears in the list as well through `onChange`.
 */
export function useOpenConversation(id: string | null, onChange: (c: ConversationView) => void) {
  const api = useApi();
  const [conversation, setConversation] = useState<ConversationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const idRef = useRef(id);
  idRef.current = id;

  /** A fresh copy from anywhere (an event, a PATCH): kept if it is still the open one. */
  const update = useCallback((c: ConversationView) => {
    if (c.id === idRef.current) setConversation(c);
    onChangeRef.current(c);
  }, []);

  const markRead = useCallback(async () => {
    const current = idRef.current;
    if (!current) return;
    const path = `/conversations/${encodeURIComponent(current)}`;
    try {
      update(await api.post<ConversationView>(`${path}/read`));
      setError(null);
    } catch (err) {
      // Reading must not depend on the read mark: fall back to a plain GET.
      try {
        update(await api.get<ConversationView>(path));
        setError(null);
      } catch {
        if (current === idRef.current) setError(err);
      }
    }
  }, [api, update]);

  useEffect(() => {
    setConversation(null);
    setError(null);
    if (id) void markRead();
  }, [id, markRead]);

  /** PATCH status (close / reopen) or assignee. */
  const patch = useCallback(
    async (body: { status?: 'open' | 'closed'; assigneeId?: string | null }) => {
      const current = idRef.current;
      if (!current) return;
      const path = `/conversations/${encodeURIComponent(current)}`;
      const answer = await api.patch<ConversationView | undefined>(path, body);
      update(answer?.id ? answer : await api.get<ConversationView>(path));
    },
    [api, update],
  );

  return { conversation: conversation?.id === id ? conversation : null, error, update, markRead, patch };
}
