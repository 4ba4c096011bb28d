import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../lib/session.js';
import { backoffMs, type InboxEvent, inboxEventTypes, parseInboxEvent } from './live.js';

// One EventSource per page. EventSource cannot send headers, so the token travels as
// ?access_token= (the server redacts it from its logs). A broken stream is closed and opened
// again with backoff; after a reconnect the page reloads what it shows, since events sent
// while it was away are gone.

const batchMs = 120;

export function useLiveEvents(onEvents: (events: InboxEvent[]) => void, onResync: () => void) {
  const { token } = useSession();
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onEvents, onResync });
  handlers.current = { onEvents, onResync };

  useEffect(() => {
    if (!token || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everOpened = false;
    let stopped = false;
    let buffer: InboxEvent[] = [];

    const receive = (e: MessageEvent<string>) => {
      const event = parseInboxEvent(e.data);
      if (!event) return;
      buffer.push(event);
      flush ??= setTimeout(() => {
        flush = undefined;
        const batch = buffer;
        buffer = [];
        handlers.current.onEvents(batch);
      }, batchMs);
    };
    const connect = () => {
      source = new EventSource(`/api/v1/events?access_token=${encodeURIComponent(token)}`);
      for (const type of inboxEventTypes) source.addEventListener(type, receive);
      source.onmessage = receive;
      source.onopen = () => {
        attempt = 0;
        setConnected(true);
        if (everOpened) handlers.current.onResync();
        everOpened = true;
      };
      source.onerror = () => {
        source?.close();
        setConnected(false);
        if (!stopped) retry = setTimeout(connect, backoffMs(attempt++));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(flush);
      source?.close();
      setConnected(false);
    };
  }, [token]);

  return { connected };
}
