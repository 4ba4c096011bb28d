import { createHash } from 'node:crypto';
import type { ParsedEvent } from '../instagram/webhook-event.js';
import {
  asAttachments,
  asId,
  asName,
  asText,
  asTime,
  asUsername,
  type ChatraceAttachment,
  candidates,
  composedName,
  findFirst,
  isRecord,
  lastUserTurn,
} from './chatrace-fields.js';
import { parseJsonPath, queryJsonPath } from './json-path.js';

// Chatrace's "External Request" action posts whatever body the bot author wrote, so this maps
// fields tolerantly (see chatrace-fields.ts) with per-connection JSONPath overrides for the rest.
// The raw body is stored by the caller; this only decides what it means.

export type { ChatraceAttachment } from './chatrace-fields.js';

export const chatraceFields = [
  'senderId',
  'messageId',
  'text',
  'username',
  'name',
  'timestamp',
  'attachments',
] as const;
export type ChatraceField = (typeof chatraceFields)[number];

export interface ChatraceMessage {
  senderId: string;
  /** the body's own id, else `gen_` + sha256 of sender, text, timestamp and attachment URLs */
  messageId: string;
  messageIdGenerated: boolean;
  text: string | null;
  username: string | null;
  name: string | null;
  /** ISO UTC; null when the body carries no usable time (the caller uses the receive time) */
  timestamp: string | null;
  attachments: ChatraceAttachment[];
}

export type ChatraceNormalized =
  | { ok: true; message: ChatraceMessage; found: ChatraceField[] }
  | { ok: false; found: ChatraceField[]; missing: ChatraceField[] };

export type ChatraceOverrides = Partial<Record<ChatraceField, string>>;

const coercers = {
  senderId: asId,
  messageId: asId,
  text: asText,
  username: asUsername,
  name: asName,
  timestamp: asTime,
  attachments: asAttachments,
} satisfies Record<ChatraceField, (v: unknown) => unknown>;

type Values = { [F in ChatraceField]: NonNullable<ReturnType<(typeof coercers)[F]>> | null };

export function normalizeChatrace(body: unknown, overrides?: ChatraceOverrides): ChatraceNormalized {
  // A one-element array is taken as the object inside it (some bot builders wrap the body).
  const subject = Array.isArray(body) && body.length > 0 && isRecord(body[0]) ? body[0] : body;
  const pick = <F extends ChatraceField>(field: F, fallback: () => Values[F] | null): Values[F] | null => {
    const path = isRecord(overrides) ? overrides[field] : undefined;
    if (typeof path === 'string') {
      const value = coercers[field](queryJsonPath(body, path)) as Values[F] | null;
      if (value !== null) return value;
    }
    return fallback();
  };
  const v: Values = {
    senderId: pick('senderId', () => findFirst(subject, candidates.senderId, asId)),
    messageId: pick('messageId', () => findFirst(subject, candidates.messageId, asId)),
    text: pick('text', () => findFirst(subject, candidates.text, asText) ?? lastUserTurn(subject)),
    username: pick('username', () => findFirst(subject, candidates.username, asUsername)),
    name: pick('name', () => findFirst(subject, candidates.name, asName) ?? composedName(subject)),
    timestamp: pick('timestamp', () => findFirst(subject, candidates.timestamp, asTime)),
    attachments: pick('attachments', () => findFirst(subject, candidates.attachments, asAttachments)),
  };
  const found = chatraceFields.filter((f) => v[f] !== null);
  const missing: ChatraceField[] = [];
  if (v.senderId === null) missing.push('senderId');
  if (v.text === null && v.attachments === null) missing.push('text');
  if (v.senderId === null || missing.length > 0) return { ok: false, found, missing };

  const attachments = v.attachments ?? [];
  const message: ChatraceMessage = {
    senderId: v.senderId,
    messageId: v.messageId ?? generatedId(v.senderId, v.text, v.timestamp, attachments),
    messageIdGenerated: v.messageId === null,
    text: v.text,
    username: v.username,
    name: v.name,
    timestamp: v.timestamp,
    attachments,
  };
  return { ok: true, message, found };
}

/**
 * Stable across replays of the same body, so a re-sent External Request dedupes. Without a
 * timestamp in the body two identical texts from one customer share an id; map a time or id field.
 */
function generatedId(
  sender: string,
  text: string | null,
  timestamp: string | null,
  att: ChatraceAttachment[],
) {
  const material = JSON.stringify([sender, text ?? '', timestamp ?? '', att.map((a) => a.url)]);
  return `gen_${createHash('sha256').update(material).digest('hex').slice(0, 40)}`;
}

/** Problems in a field map a user is about to save: unknown fields and unparsable paths. */
export function validateChatraceOverrides(overrides: unknown): string[] {
  if (overrides === undefined || overrides === null) return [];
  if (!isRecord(overrides)) return ['the field map must be an object of field → JSONPath'];
  const problems: string[] = [];
  for (const [field, path] of Object.entries(overrides)) {
    if (!(chatraceFields as readonly string[]).includes(field)) {
      problems.push(`${field}: not a field (${chatraceFields.join(', ')})`);
    } else if (typeof path !== 'string') {
      problems.push(`${field}: the path must be a string`);
    } else {
      const parsed = parseJsonPath(path);
      if (!parsed.ok) problems.push(`${field}: ${parsed.error}`);
    }
  }
  return problems;
}

export function chatraceToEvent(
  message: ChatraceMessage,
  accountExternalId: string | null,
  receivedAt: string,
): ParsedEvent {
  return {
    kind: 'message',
    field: 'chatrace',
    accountExternalId,
    externalId: message.messageId,
    senderId: message.senderId,
    occurredAt: message.timestamp ?? receivedAt,
    payload: message,
  };
}
