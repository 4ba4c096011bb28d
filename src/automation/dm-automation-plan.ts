// The pure half of the DM engine: what would answer a customer's message, before the limits
// (opt-out, takeover, cooldown, loop, window) that dm-automation.service.ts checks against the database.
import type { AutomationKind } from '../db/schema.js';
import type { MessageRow } from '../inbox/message.repository.js';
import type { AutomationSettings } from './automation-settings.schema.js';
import type { DmKeywordRule } from './dm-keyword.repository.js';
import { activeAt, firstMatch, normalizeText } from './keyword-match.js';

export interface Reply {
  text: string;
  quickReplies?: { title: string; payload: string }[];
  attachment?: { type: 'image' | 'video' | 'audio' | 'file'; url?: string; attachmentId?: string };
}

export interface Candidate {
  kind: AutomationKind;
  rule: DmKeywordRule | null;
  /** null: the decision is recorded but nothing is said (opt-out without a confirmation text) */
  reply: Reply | null;
}

// The words carriers and Meta's own tools treat as opt-out, in the languages our users write in.
const stopWords = new Set(['stop', 'стоп', 'unsubscribe', 'відписатися', 'отписаться']);
const startWords = new Set(['start', 'старт']);

/** STOP or START as the whole message (any case, surrounding punctuation and emoji ignored) */
export function optCommand(text: string | null): 'stop' | 'start' | null {
  const words = normalizeText(text ?? '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/);
  if (words.length !== 1) return null;
  if (stopWords.has(words[0] ?? '')) return 'stop';
  if (startWords.has(words[0] ?? '')) return 'start';
  return null;
}

export function opt(cmd: 'stop' | 'start', s: AutomationSettings): Candidate {
  const text = cmd === 'stop' ? s.optOut.stopText : s.optOut.startText;
  return { kind: cmd === 'stop' ? 'opt_out' : 'opt_in', rule: null, reply: text ? { text } : null };
}

/**
 * The answer by precedence: a story mention's thank-you; the first keyword rule that matches;
 * the welcome for a first message; the away message outside business hours. One inbound message
 * gets at most one automated answer: a customer who writes "ціна" first gets the price, not a
 * greeting and the price.
 */
export async function pickCandidate(
  m: MessageRow,
  s: AutomationSettings,
  rules: readonly DmKeywordRule[],
  now: Date,
  wroteBefore: () => Promise<boolean>,
): Promise<Candidate | null> {
  if (m.kind === 'story_mention') {
    return s.storyMention.enabled && s.storyMention.text
      ? { kind: 'story_mention', rule: null, reply: { text: s.storyMention.text } }
      : null;
  }
  const hit = m.text ? firstMatch(rules, m.text, { accountId: m.account_id, now }) : null;
  if (hit) {
    const r = hit.rule;
    const reply: Reply = { text: r.responseMessage, quickReplies: r.quickReplies };
    if (r.attachment) reply.attachment = r.attachment as Reply['attachment'];
    return { kind: 'dm_keyword', rule: r, reply };
  }
  if (s.welcome.enabled && s.welcome.text && !(await wroteBefore())) {
    return {
      kind: 'welcome',
      rule: null,
      reply: { text: s.welcome.text, quickReplies: s.welcome.quickReplies },
    };
  }
  if (s.away.enabled && s.away.text && !s.away.businessHours.some((h) => activeAt(h, now))) {
    return { kind: 'away', rule: null, reply: { text: s.away.text } };
  }
  return null;
}
