import { useCallback, useEffect, useState } from 'react';
import type { InboxFilters } from './filters.js';
import { type InboxEvent, planRefetch } from './live.js';
import { useConversationList } from './use-conversation-list.js';
import { useLiveEvents } from './use-live-events.js';
import { useOpenConversation } from './use-open-conversation.js';
import { useThread } from './use-thread.js';

const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

/** The page's data: the list, the open conversation and its thread, kept current by live events. */
export function useInbox(filters: InboxFilters, openId: string | null) {
  const list = useConversationList(filters);
  const open = useOpenConversation(openId, list.upsert);
  /** bumped when the open conversation's contact changed, so the panel reloads */
  const [contactVersion, setContactVersion] = useState(0);

  const onEvents = async (events: InboxEvent[]) => {
    const plan = planRefetch(events, {
      openId,
      openContactId: open.conversation?.contact.id ?? null,
      visible: visible(),
      rows: list.items,
    });
    if (plan.thread) void thread.refreshNewest();
    if (plan.contact) setContactVersion((v) => v + 1);
    // Marking read answers with the fresh conversation, so that row needs no second fetch.
    if (plan.markRead) void open.markRead();
    await Promise.all(
      plan.conversations
        .filter((id) => !(plan.markRead && id === openId))
        .map(async (id) => {
          const c = await list.refetch(id);
          if (c && c.id === openId) open.update(c);
        }),
    );
  };
  const onResync = () => {
    void list.reload();
    if (openId) {
      void thread.refreshNewest();
      void open.markRead();
    }
  };
  const { connected } = useLiveEvents(onEvents, onResync);
  const thread = useThread(openId, connected);

  // Messages that arrived while the tab was in the background are read once it is looked at.
  const unread = (open.conversation?.unreadCount ?? 0) > 0;
  const { markRead } = open;
  const onVisible = useCallback(() => {
    if (visible() && unread) void markRead();
  }, [unread, markRead]);
  useEffect(() => {
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [onVisible]);

  /** After our own send: the queued message and the row's new preview. */
  const afterSend = useCallback(async () => {
    if (!openId) return;
    await Promise.all([thread.refreshNewest(), list.refetch(openId).then((c) => c && open.update(c))]);
  }, [openId, thread.refreshNewest, list.refetch, open.update]);

  return { list, open, thread, connected, afterSend, contactVersion };
}
