import type { EventKind, ParsedEvent } from './webhook-event.js';

// Turns one Meta webhook delivery into a flat list of ParsedEvents. Pure: no I/O, never throws.
// Shapes handled (https://developers.facebook.com/docs/instagram-platform/webhooks/examples):
//   entry[].messaging[] (and entry[].standby[]): DMs, echoes, reactions, seen, postbacks, referrals, edits
//   entry[].changes[] {field, value}: Facebook-Login style comments, live comments, mentions, story insights
//   entry[].field + entry[].value: the flat Instagram-Login style of the same
// The App Dashboard "Test" button wraps messaging events in changes[] ({field:'messages', value:{sender…}}),
// so a messaging-shaped value under a messaging field is classified like entry[].messaging[].
//
// Ids chosen for externalId (what identifies the thing the event is about):
//   message / echo / delete / edit → message.mid (edit & delete point at the original message)
//   reaction → the mid of the message reacted to; seen → the mid of the last message read
//   postback → postback.mid; referral → null (Meta gives a referral no id of its own)
//   comment / live_comment → value.id (IG Login) or value.comment_id (FB Login)
//   mention → comment_id for a comment mention, else media_id; story_insights → media_id
// senderId is always the customer: for an echo (or anything the account itself sent) the recipient;
// for comments value.from.id; null where Meta names no person (mentions, story insights).

export interface ParsedDelivery {
  /** Meta's `object` ('instagram', or 'page'); null exactly when the body is not a Meta delivery at all */
  object: string | null;
  events: ParsedEvent[];
  /** what was skipped or doubtful, for the delivery log; empty for a clean delivery */
  problems: string[];
}

type Rec = Record<string, unknown>;

const MAX_PROBLEMS = 50;
const expectedObjects = new Set(['instagram', 'page']);
const messagingFields = new Set([
  'messages',
  'message_echoes',
  'message_reactions',
  'message_edit',
  'messaging_postbacks',
  'messaging_seen',
  'messaging_referral',
  'messaging_optins',
  'messaging_handover',
  'standby',
]);
const changeKinds: Record<string, EventKind> = {
  comments: 'comment',
  live_comments: 'live_comment',
  mentions: 'mention',
  story_insights: 'story_insights',
};

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const recordOf = (v: unknown): Rec | undefined => (isRecord(v) ? v : undefined);

/** A Meta delivery has a string `object` and an `entry` array; Chatrace bodies on a shared path never do. */
export function isMetaDelivery(body: unknown): body is { object: string; entry: unknown[] } {
  return isRecord(body) && typeof body.object === 'string' && Array.isArray(body.entry);
}

export function parseMetaDelivery(body: unknown, receivedAt: string): ParsedDelivery {
  if (!isMetaDelivery(body)) return { object: null, events: [], problems: [whyNotMeta(body)] };
  const ctx = new Context(receivedAt);
  if (!expectedObjects.has(body.object))
    ctx.problem(`object "${body.object.slice(0, 40)}" is neither "instagram" nor "page"`);
  for (const [i, entry] of body.entry.entries()) parseEntry(entry, i, ctx);
  return { object: body.object, events: ctx.events, problems: ctx.finishProblems() };
}

class Context {
  readonly events: ParsedEvent[] = [];
  private readonly problems: string[] = [];
  private dropped = 0;

  constructor(readonly receivedAt: string) {}

  problem(text: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
    else this.dropped++;
  }

  finishProblems(): string[] {
    return this.dropped ? [...this.problems, `…and ${this.dropped} more problems`] : this.problems;
  }
}

function whyNotMeta(body: unknown): string {
  if (Array.isArray(body)) {
    // Meta's doc pages show examples wrapped in [ … ]; a real delivery is one object.
    return 'the body is an array, not a Meta delivery object';
  }
  if (!isRecord(body))
    return `the body is ${body === null ? 'null' : typeof body}, not a Meta delivery object`;
  if (typeof body.object !== 'string') return 'the body has no string "object" field';
  return 'the body has no "entry" array';
}

function parseEntry(entry: unknown, i: number, ctx: Context): void {
  const where = `entry[${i}]`;
  if (!isRecord(entry)) {
    ctx.problem(`${where} is not an object`);
    return;
  }
  const account = idOf(entry.id);
  if (account === null) ctx.problem(`${where} has no id`);
  // entry.time is in seconds for changes and in milliseconds for messaging; toIsoTime detects which.
  const entryTime = toIsoTime(entry.time) ?? ctx.receivedAt;
  let handled = false;

  for (const field of ['messaging', 'standby'] as const) {
    const list = entry[field];
    if (list === undefined) continue;
    handled = true;
    if (!Array.isArray(list)) {
      ctx.problem(`${where}.${field} is not an array`);
      continue;
    }
    for (const ev of list) ctx.events.push(messagingEvent(ev, ev, field, account, entryTime));
  }

  if (entry.changes !== undefined) {
    handled = true;
    if (Array.isArray(entry.changes)) {
      for (const change of entry.changes) ctx.events.push(changeEvent(change, change, account, entryTime));
    } else ctx.problem(`${where}.changes is not an array`);
  }

  if (entry.field !== undefined || entry.value !== undefined) {
    handled = true;
    // The flat shape: the entry itself is the change, so it is kept whole as the payload.
    ctx.events.push(changeEvent(entry, entry, account, entryTime));
  }

  if (!handled) {
    const extra = Object.keys(entry).filter((k) => k !== 'id' && k !== 'time');
    if (extra.length === 0) {
      ctx.problem(`${where} carries no events`);
      return;
    }
    ctx.problem(
      `${where} has no messaging, changes or field; kept as unknown (${extra.slice(0, 5).join(', ')})`,
    );
    ctx.events.push(event('unknown', null, account, null, null, entryTime, entry));
  }
}

function messagingEvent(
  ev: unknown,
  payload: unknown,
  field: string,
  account: string | null,
  fallbackTime: string,
): ParsedEvent {
  const rec = recordOf(ev);
  if (!rec) return event('unknown', field, account, null, null, fallbackTime, payload);
  const { kind, externalId } = classifyMessaging(rec);
  const sender = idOf(recordOf(rec.sender)?.id);
  const recipient = idOf(recordOf(rec.recipient)?.id);
  // An echo is sent BY the account, so the customer is the recipient. The same holds for anything
  // else the account itself sent (e.g. a deleted echo), detected by sender === entry id.
  const fromAccount = kind === 'echo' || (sender !== null && sender === account);
  const senderId = fromAccount && recipient !== null ? recipient : sender;
  const occurredAt = toIsoTime(rec.timestamp) ?? fallbackTime;
  return event(kind, field, account, externalId, senderId, occurredAt, payload);
}

function classifyMessaging(ev: Rec): { kind: EventKind; externalId: string | null } {
  const edit = recordOf(ev.message_edit);
  if (edit) return { kind: 'edit', externalId: idOf(edit.mid) };
  const reaction = recordOf(ev.reaction);
  if (reaction) return { kind: 'reaction', externalId: idOf(reaction.mid) };
  const read = recordOf(ev.read);
  if (read) return { kind: 'seen', externalId: idOf(read.mid) };
  const postback = recordOf(ev.postback);
  if (postback) return { kind: 'postback', externalId: idOf(postback.mid) };
  const message = recordOf(ev.message);
  if (message) {
    // Attachments, quick replies, reply_to, story replies/mentions and ad referrals all stay 'message'.
    const kind: EventKind =
      message.is_deleted === true ? 'delete' : message.is_echo === true ? 'echo' : 'message';
    return { kind, externalId: idOf(message.mid) };
  }
  if (recordOf(ev.referral)) return { kind: 'referral', externalId: null };
  return { kind: 'unknown', externalId: null };
}

function changeEvent(
  change: unknown,
  payload: unknown,
  account: string | null,
  fallbackTime: string,
): ParsedEvent {
  const rec = recordOf(change);
  if (!rec) return event('unknown', null, account, null, null, fallbackTime, payload);
  const field = typeof rec.field === 'string' ? rec.field : null;
  const value = recordOf(rec.value);
  if (field !== null && messagingFields.has(field) && value && (value.sender || value.recipient)) {
    return messagingEvent(value, value, field, account, fallbackTime);
  }
  const kind: EventKind =
    (field !== null && Object.hasOwn(changeKinds, field) && changeKinds[field]) || 'unknown';
  const occurredAt = toIsoTime(value?.timestamp ?? value?.created_time) ?? fallbackTime;
  const senderId = kind === 'comment' || kind === 'live_comment' ? idOf(recordOf(value?.from)?.id) : null;
  return event(kind, field, account, changeExternalId(kind, value), senderId, occurredAt, payload);
}

function changeExternalId(kind: EventKind, value: Rec | undefined): string | null {
  if (!value) return null;
  switch (kind) {
    case 'comment':
    case 'live_comment':
      return idOf(value.id) ?? idOf(value.comment_id);
    case 'mention':
      return idOf(value.comment_id) ?? idOf(value.media_id);
    case 'story_insights':
      return idOf(value.media_id);
    default:
      return idOf(value.id);
  }
}

function event(
  kind: EventKind,
  field: string | null,
  accountExternalId: string | null,
  externalId: string | null,
  senderId: string | null,
  occurredAt: string,
  payload: unknown,
): ParsedEvent {
  return { kind, field, accountExternalId, externalId, senderId, occurredAt, payload };
}

/** Meta ids are numeric strings; a number is accepted too (JSON from a hand-written test). */
export function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v.length > 0 ? v : null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Epoch seconds, milliseconds or microseconds (number or digit string), or an ISO date, → ISO UTC.
 * Magnitude tells the unit apart: 1e11 s is the year 5138 while 1e11 ms is 1973. An ISO time
 * without an offset is read as UTC so the result never depends on the server's time zone.
 */
export function toIsoTime(v: unknown): string | null {
  let ms: number;
  if (typeof v === 'number') ms = epochToMs(v);
  else if (typeof v === 'string' && /^\d{1,20}(\.\d+)?$/.test(v)) ms = epochToMs(Number(v));
  else if (typeof v === 'string' && isoLike.test(v)) {
    const hasTime = /[T ]\d/.test(v);
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(v);
    ms = Date.parse(hasTime && !hasZone ? `${v.replace(' ', 'T')}Z` : v.replace(' ', 'T'));
  } else return null;
  if (!Number.isFinite(ms) || ms <= 0 || ms > maxMs) return null;
  return new Date(ms).toISOString();
}

const isoLike = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const maxMs = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function epochToMs(n: number): number {
  if (!Number.isFinite(n) || n <= 0) return Number.NaN;
  if (n < 1e11) return Math.round(n * 1000);
  if (n < 1e14) return Math.round(n);
  if (n < 1e17) return Math.round(n / 1000);
  return Number.NaN;
}
