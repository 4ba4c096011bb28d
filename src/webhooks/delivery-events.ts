import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { newId } from '../db/ids.js';
import { chatraceToEvent, normalizeChatrace } from '../providers/chatrace/chatrace-inbound.js';
import type { ParsedEvent } from '../providers/instagram/webhook-event.js';
import { parseMetaDelivery } from '../providers/instagram/webhook-parser.js';
import { sha256Hex } from '../secrets.js';
import type { DeliveryRow, EventRow } from './webhook-event.repository.js';
import { chatraceOverrides } from './webhook-ingest.service.js';

export type AccountCache = Map<string, AccountRow | undefined>;

/** A stored delivery's events, by its source's parser; or why it has none. */
export async function parseDelivery(
  d: DeliveryRow,
  accounts: AccountRepository,
): Promise<{ events: ParsedEvent[] } | { error: string }> {
  let body: unknown;
  try {
    body = JSON.parse(d.body ?? '');
  } catch {
    return { error: 'The body is not valid JSON' };
  }
  if (d.source === 'meta') {
    const parsed = parseMetaDelivery(body, d.received_at);
    return parsed.object === null ? { error: parsed.problems.join('; ') } : { events: parsed.events };
  }
  const account = d.account_id ? await accounts.findById(d.account_id) : undefined;
  if (!account) return { error: 'The Chatrace connection of this delivery no longer exists' };
  const res = normalizeChatrace(body, chatraceOverrides(account));
  if (!res.ok)
    return { error: `Missing ${res.missing.join(', ')} (found: ${res.found.join(', ') || 'nothing'})` };
  return { events: [chatraceToEvent(res.message, account.external_id, d.received_at)] };
}

/** Rows for the parsed events, each routed to its connected account or left unrouted. */
export async function toEventRows(
  d: DeliveryRow,
  events: ParsedEvent[],
  accounts: AccountRepository,
  cache: AccountCache,
  now: string,
): Promise<EventRow[]> {
  const provider = d.source === 'meta' ? 'instagram' : 'chatrace';
  const rows: EventRow[] = [];
  for (const [seq, e] of events.entries()) {
    const ext = e.accountExternalId;
    if (ext && !cache.has(ext)) cache.set(ext, await accounts.findConnected(provider, ext));
    const account = ext ? cache.get(ext) : undefined;
    const payload = JSON.stringify(e.payload);
    rows.push({
      id: newId(),
      delivery_id: d.id,
      seq,
      source: d.source,
      kind: e.kind,
      field: e.field,
      external_account_id: ext,
      account_id: account?.id ?? null,
      workspace_id: account?.workspace_id ?? null,
      // Chatrace messages dedupe by message id (a re-sent External Request has new bytes);
      // Meta events by their exact content, which is identical in a redelivered batch.
      event_key:
        d.source === 'chatrace'
          ? `chatrace:${ext}:${e.externalId}`
          : `meta:${sha256Hex(`${ext}|${e.kind}|${payload}`)}`,
      external_id: e.externalId,
      sender_id: e.senderId,
      occurred_at: e.occurredAt,
      payload,
      status: account ? 'pending' : 'unrouted',
      error: null,
      processed_at: null,
      created_at: now,
    });
  }
  return rows;
}
