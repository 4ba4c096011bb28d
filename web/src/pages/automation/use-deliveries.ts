import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';
import type { OutboundDelivery } from './types.js';

export type DeliveryStatusFilter = '' | OutboundDelivery['status'];

// Retries run in the background for about a day: the first page is read again now and then.
const refreshMs = 10_000;

/** A subscription's deliveries, newest first, with "show more" and a redeliver that updates its row. */
export function useDeliveries(webhookId: string, status: DeliveryStatusFilter) {
  const api = useApi();
  const [items, setItems] = useState<OutboundDelivery[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const path = `/outbound-webhooks/${encodeURIComponent(webhookId)}/deliveries`;

  const first = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = await api.get<Page<OutboundDelivery>>(path, { status, limit: 25 });
      if (mine !== generation.current) return;
      setItems((prev) => {
        const last = page.items.at(-1);
        const older = prev && last && page.nextCursor ? prev.filter((d) => d.id < last.id) : [];
        return [...page.items, ...older];
      });
      setCursor((c) => c ?? page.nextCursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    }
  }, [api, path, status]);

  useEffect(() => {
    setItems(null);
    setCursor(null);
    void first();
    const timer = setInterval(() => void first(), refreshMs);
    return () => clearInterval(timer);
  }, [first]);

  const more = async () => {
    if (!cursor) return;
    try {
      const page = await api.get<Page<OutboundDelivery>>(path, { status, limit: 25, cursor });
      setItems((prev) => [...(prev ?? []), ...page.items.filter((d) => !prev?.some((p) => p.id === d.id))]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    }
  };

  const put = (d: OutboundDelivery) => setItems((prev) => prev?.map((x) => (x.id === d.id ? d : x)) ?? prev);

  return { items, error, more, hasMore: cursor !== null, refresh: first, put };
}
