import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';
import { isPending } from './message-status.js';
import { mergeMessages } from './thread.js';
import type { MessageView } from './types.js';

const pageSize = 30;
/** without live events, how often to look at messages that are still on their way */
const pendingPollMs = 4000;

interface ThreadState {
  messages: MessageView[];
  /** cursor of the next older page */
  olderCursor: string | null;
  loaded: boolean;
  error: unknown;
}

const initial: ThreadState = { messages: [], olderCursor: null, loaded: false, error: null };

/** The open conversation's messages, oldest first; newest page refetched on events, older on demand. */
export function useThread(conversationId: string | null, live: boolean) {
  const api = useApi();
  const [state, setState] = useState<ThreadState>(initial);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const generation = useRef(0);
  const path = conversationId ? `/conversations/${encodeURIComponent(conversationId)}/messages` : null;

  const refreshNewest = useCallback(async () => {
    if (!path) return;
    const mine = generation.current;
    try {
      const page = await api.get<Page<MessageView>>(path, { limit: pageSize });
      if (mine !== generation.current) return;
      setState((s) => ({
        messages: mergeMessages(s.messages, page.items),
        // The first answer decides where "load older" starts; later ones only add the newest.
        olderCursor: s.loaded ? s.olderCursor : page.nextCursor,
        loaded: true,
        error: null,
      }));
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, loaded: true, error }));
    }
  }, [api, path]);

  useEffect(() => {
    generation.current++;
    setState(initial);
    void refreshNewest();
  }, [refreshNewest]);

  const loadOlder = useCallback(async () => {
    if (!path || !state.olderCursor) return;
    const mine = generation.current;
    setLoadingOlder(true);
    try {
      const page = await api.get<Page<MessageView>>(path, { limit: pageSize, cursor: state.olderCursor });
      if (mine === generation.current)
        setState((s) => ({
          ...s,
          messages: mergeMessages(s.messages, page.items),
          olderCursor: page.nextCursor,
        }));
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, error }));
    } finally {
      setLoadingOlder(false);
    }
  }, [api, path, state.olderCursor]);

  const pending = state.messages.some(isPending);
  useEffect(() => {
    if (live || !pending) return;
    const timer = setInterval(() => void refreshNewest(), pendingPollMs);
    return () => clearInterval(timer);
  }, [live, pending, refreshNewest]);

  return { ...state, loadingOlder, refreshNewest, loadOlder };
}
