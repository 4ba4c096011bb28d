import { toIsoTime } from '../instagram/webhook-parser.js';
import { getAt } from './json-path.js';

// Where a Chatrace "External Request" body may carry each field. The bot author writes the body,
// so there is no schema: the seeds post {senderId, messageId, text, username, timestamp}; others use
// snake_case, Chatrace's own contact shape {id, first_name, last_name}, or nest under user/contact/
// subscriber/message. The first candidate that yields a usable value wins; `data` is tried as a wrapper.

type Rec = Record<string, unknown>;
export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ChatraceAttachment {
  type: string;
  url: string;
}

const people = ['user', 'contact', 'subscriber', 'sender', 'from', 'customer'];
const paths = (list: string[]): string[][] => list.map((p) => p.split('.'));

export const candidates = {
  senderId: paths([
    ...[
      'senderId',
      'sender_id',
      'userId',
      'user_id',
      'contactId',
      'contact_id',
      'subscriberId',
      'subscriber_id',
    ],
    ...['psid', 'igsid', 'ig_id', 'igId', 'instagram_id', 'customerId', 'customer_id', 'fromId', 'from_id'],
    ...people.flatMap((p) =>
      ['id', 'igsid', 'psid', 'ig_id', 'user_id', 'contact_id'].map((k) => `${p}.${k}`),
    ),
    ...['message.senderId', 'message.sender_id', 'message.sender.id', 'message.from.id'],
  ]),
  messageId: paths([
    ...['messageId', 'message_id', 'mid', 'msgId', 'msg_id'],
    ...['message.id', 'message.mid', 'message.message_id', 'message.messageId'],
  ]),
  text: paths([
    ...[
      'text',
      'message',
      'last_input_text',
      'lastInputText',
      'last_user_input',
      'message_text',
      'messageText',
    ],
    ...['content', 'body', 'input', 'message.text', 'message.content', 'message.body', 'message.message'],
  ]),
  username: paths([
    ...['username', 'user_name', 'userName', 'ig_username', 'igUsername', 'instagram_username'],
    ...people.flatMap((p) => ['username', 'user_name', 'ig_username'].map((k) => `${p}.${k}`)),
  ]),
  name: paths([
    ...['name', 'full_name', 'fullName', 'display_name'],
    ...people.flatMap((p) => ['name', 'full_name', 'fullName'].map((k) => `${p}.${k}`)),
  ]),
  timestamp: paths([
    ...['timestamp', 'time', 'ts', 'created_at', 'createdAt', 'date', 'sent_at', 'sentAt'],
    ...['message.timestamp', 'message.time', 'message.created_at', 'message.createdAt'],
  ]),
  attachments: paths([
    ...['attachments', 'attachment', 'attachment_url', 'attachmentUrl', 'attachment_urls', 'media_url'],
    ...['mediaUrl', 'image_url', 'imageUrl', 'file_url', 'fileUrl'],
    ...['message.attachments', 'message.attachment', 'message.attachment_url', 'message.url'],
  ]),
};

/** First usable value over the candidate paths, looked up in the body and then in body.data. */
export function findFirst<T>(body: unknown, list: string[][], coerce: (v: unknown) => T | null): T | null {
  for (const scope of [body, isRecord(body) ? body.data : undefined]) {
    if (!isRecord(scope)) continue;
    for (const path of list) {
      const value = coerce(getAt(scope, path));
      if (value !== null) return value;
    }
  }
  return null;
}

// Chatrace leaves `{{custom_field}}` in the body verbatim when the field is empty: that is no value.
const placeholder = /^\s*\{\{[^}]*\}\}\s*$/;

export function asId(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s === '' || s.length > 512 || placeholder.test(s) ? null : s;
}

export function asText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v.trim() === '' || placeholder.test(v)) return null;
  return v;
}

export function asUsername(v: unknown): string | null {
  const s = asId(v);
  return s === null ? null : s.replace(/^@/, '') || null;
}

export const asName = (v: unknown): string | null => asText(v)?.trim() ?? null;
export const asTime = (v: unknown): string | null => (placeholder.test(String(v)) ? null : toIsoTime(v));

/** `first_name` + `last_name` (Chatrace's contact shape) when no single name field is there. */
export function composedName(body: unknown): string | null {
  for (const scope of [body, ...people.map((p) => (isRecord(body) ? body[p] : undefined))]) {
    if (!isRecord(scope)) continue;
    const parts = [scope.first_name ?? scope.firstName, scope.last_name ?? scope.lastName].map(asName);
    const joined = parts.filter((p) => p !== null).join(' ');
    if (joined) return joined;
  }
  return null;
}

/** The last thing the customer said in a `chat_history` list of {role, content} (an OSS convention). */
export function lastUserTurn(body: unknown): string | null {
  const history = isRecord(body) ? (body.chat_history ?? body.history) : undefined;
  if (!Array.isArray(history)) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i];
    if (isRecord(turn) && ['user', 'customer', 'contact'].includes(String(turn.role))) {
      const text = asText(turn.content ?? turn.text);
      if (text !== null) return text;
    }
  }
  return null;
}

const MAX_ATTACHMENTS = 50;

/** Strings, {type,url}, Meta-style {type,payload:{url}}, lists of those, or a JSON string of them (forms). */
export function asAttachments(v: unknown): ChatraceAttachment[] | null {
  let value = v;
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const out: ChatraceAttachment[] = [];
  for (const item of (Array.isArray(value) ? value : [value]).slice(0, MAX_ATTACHMENTS)) {
    const rec = isRecord(item) ? item : undefined;
    const payload = isRecord(rec?.payload) ? rec.payload : undefined;
    const url = safeUrl(rec ? (rec.url ?? rec.link ?? rec.file_url ?? rec.fileUrl ?? payload?.url) : item);
    if (url === null) continue;
    const type =
      typeof rec?.type === 'string' && /^[a-z_]{1,32}$/i.test(rec.type)
        ? rec.type.toLowerCase()
        : guessType(url);
    out.push({ type, url });
  }
  return out.length > 0 ? out : null;
}

// Only http(s): these URLs end up as links in the dashboard, where javascript: or data: would be a hazard.
function safeUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 4096) return null;
  const s = v.trim();
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || url.protocol === 'http:' ? s : null;
  } catch {
    return null;
  }
}

function guessType(url: string): string {
  const path = new URL(url).pathname.toLowerCase();
  if (/\.(jpe?g|png|gif|webp|heic|bmp)$/.test(path)) return 'image';
  if (/\.(mp4|mov|webm|m4v|avi)$/.test(path)) return 'video';
  if (/\.(mp3|ogg|oga|m4a|wav|aac|opus)$/.test(path)) return 'audio';
  return 'file';
}
