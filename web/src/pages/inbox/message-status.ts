import type { MessageKey } from '../../i18n/en.js';
import type { MessageStatus, MessageView } from './types.js';

// Delivery ticks on our own messages, as messengers draw them: a clock while queued or
// sending, one tick when Instagram accepted it, two when the customer has seen it.

export type Tone = 'muted' | 'ok' | 'read' | 'bad';

export interface StatusMark {
  /** 'clock' is drawn as a glyph */
  symbol: string;
  tone: Tone;
  label: MessageKey;
}

const marks: Record<Exclude<MessageStatus, 'received'>, StatusMark> = {
  queued: { symbol: 'clock', tone: 'muted', label: 'inbox.status.queued' },
  sending: { symbol: 'clock', tone: 'muted', label: 'inbox.status.sending' },
  sent: { symbol: '✓', tone: 'ok', label: 'inbox.status.sent' },
  read: { symbol: '✓✓', tone: 'read', label: 'inbox.status.read' },
  failed: { symbol: '!', tone: 'bad', label: 'inbox.status.failed' },
};

/** null for what the customer sent: their messages carry no delivery state. */
export function statusMark(m: Pick<MessageView, 'direction' | 'status'>): StatusMark | null {
  if (m.direction === 'inbound' || m.status === 'received') return null;
  return marks[m.status];
}

/** Whether the message may still change on its own (the page keeps an eye on it). */
export const isPending = (m: Pick<MessageView, 'status'>) => m.status === 'queued' || m.status === 'sending';

const senders: Record<string, MessageKey> = {
  automation: 'inbox.sentBy.automation',
  api: 'inbox.sentBy.api',
  instagram_app: 'inbox.sentBy.instagram_app',
};

/** Who wrote an outbound message, when it was not a person in this dashboard. */
export function senderNote(m: Pick<MessageView, 'direction' | 'sentBy'>): MessageKey | null {
  if (m.direction === 'inbound') return null;
  return senders[m.sentBy] ?? null;
}
