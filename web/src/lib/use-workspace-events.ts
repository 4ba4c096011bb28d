import { useEffect, useRef, useState } from 'react';
import { useSession } from './session.js';

// The workspace's live stream (GET /api/v1/events, Server-Sent Events) for the types a part of
// the page cares about. Events are collected for a moment and handed over together; after a
// reconnect `onResync` runs, since events sent while the stream was down are gone.

export interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}

const batchMs = 150;

export function parseLiveEvent(raw: string): LiveEvent | null {
  try {
    const body = JSON.parse(raw) as { type?: unknown; data?: unknown };
    if (typeof body.type !== 'string' || !body.data || typeof body.data !== 'object') return null;
    return { type: body.type, data: body.data as Record<string, unknown> };
  } catch {
    return null;
  }
}

export function useWorkspaceEvents(
  types: readonly string[],
  onEvents: (events: LiveEvent[]) => void,
  onResync: () => void,
) {
  const { token } = useSession();
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onEvents, onResync });
  handlers.current = { onEvents, onResync };
  const key = types.join(',');

  useEffect(() => {
    if (!token || typeof EventSource === 'undefined') return;
    const wanted = key.split(',');
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everOpened = false;
    let stopped = false;
    let buffer: LiveEvent[] = [];
    const receive = (e: MessageEvent<string>) => {
      const event = parseLiveEvent(e.data);
      if (!event || !wanted.includes(event.type)) return;
      buffer.push(event);
      flush ??= setTimeout(() => {
        flush = undefined;
        const batch = buffer;
        buffer = [];
        handlers.current.onEvents(batch);
      }, batchMs);
    };
    const connect = () => {
      // EventSource cannot send headers: the token travels in the query (the server redacts it).
      source = new EventSource(`/api/v1/events?access_token=${encodeURIComponent(token)}`);
      for (const type of wanted) source.addEventListener(type, receive);
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
  }, [token, key]);

  return { connected };
}

/** Wait before reconnecting: 1 s, 2 s, 4 s … up to 30 s, with ±20 % jitter so tabs spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}
