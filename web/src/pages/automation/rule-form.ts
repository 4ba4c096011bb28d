import type { MessageKey } from '../../i18n/en.js';
import { type Duration, splitSeconds, toSeconds } from './duration.js';
import { keywordsText, parseKeywords } from './keywords.js';
import type { ActiveHours, DmRule, MatchType, QuickReply } from './types.js';

// The DM rule editor's state and the request body it becomes (POST/PATCH /api/v1/dm-keywords).

export const attachmentTypes = ['image', 'video', 'audio', 'file'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export interface AttachmentForm {
  type: AttachmentType;
  /** a link Instagram fetches the file from… */
  url: string;
  /** …or a file uploaded to this server (POST /attachments) */
  attachmentId: string | null;
  fileName: string | null;
}

export interface RuleForm {
  /** '' = every account of the workspace */
  accountId: string;
  /** one per line */
  keywords: string;
  matchType: MatchType;
  responseMessage: string;
  quickReplies: QuickReply[];
  attachment: AttachmentForm | null;
  cooldown: Duration;
  activeHoursOn: boolean;
  activeHours: ActiveHours;
  isActive: boolean;
}

export interface RuleBody {
  accountId: string | null;
  keywords: string[];
  matchType: MatchType;
  responseMessage: string;
  quickReplies: { title: string; payload?: string }[];
  attachment: { type: AttachmentType; url: string } | { type: AttachmentType; attachmentId: string } | null;
  cooldownSeconds: number;
  activeHours: ActiveHours | null;
  isActive: boolean;
  priority?: number;
}

/** Monday to Friday, 9 to 18, in the workspace's zone: what a shop means by "working hours" */
export const defaultHours = (timezone: string): ActiveHours => ({
  timezone,
  days: [1, 2, 3, 4, 5],
  from: '09:00',
  to: '18:00',
});

export function emptyRuleForm(timezone: string): RuleForm {
  return {
    accountId: '',
    keywords: '',
    matchType: 'contains',
    responseMessage: '',
    quickReplies: [],
    attachment: null,
    cooldown: { value: '24', unit: 'hours' },
    activeHoursOn: false,
    activeHours: defaultHours(timezone),
    isActive: true,
  };
}

const isAttachmentType = (t: string): t is AttachmentType =>
  (attachmentTypes as readonly string[]).includes(t);

export function formFromRule(rule: DmRule, timezone: string): RuleForm {
  const a = rule.attachment;
  return {
    accountId: rule.accountId ?? '',
    keywords: keywordsText(rule.keywords),
    matchType: rule.matchType,
    responseMessage: rule.responseMessage,
    quickReplies: rule.quickReplies.map((q) => ({ ...q })),
    attachment: a
      ? {
          type: isAttachmentType(a.type) ? a.type : 'file',
          url: a.url ?? '',
          attachmentId: a.attachmentId ?? null,
          fileName: null,
        }
      : null,
    cooldown: splitSeconds(rule.cooldownSeconds),
    activeHoursOn: rule.activeHours !== null,
    activeHours: rule.activeHours
      ? { ...rule.activeHours, days: [...rule.activeHours.days] }
      : defaultHours(timezone),
    isActive: rule.isActive,
  };
}

/** A quick reply's payload defaults to its title; an unchanged one is not sent twice. */
export function quickRepliesBody(list: readonly QuickReply[]) {
  return list.map((q) => {
    const title = q.title.trim();
    const payload = q.payload.trim();
    return payload && payload !== title ? { title, payload } : { title };
  });
}

export function ruleBody(form: RuleForm, priority?: number): RuleBody {
  const a = form.attachment;
  const body: RuleBody = {
    accountId: form.accountId || null,
    keywords: parseKeywords(form.keywords),
    matchType: form.matchType,
    responseMessage: form.responseMessage.trim(),
    quickReplies: quickRepliesBody(form.quickReplies),
    attachment: !a
      ? null
      : a.attachmentId
        ? { type: a.type, attachmentId: a.attachmentId }
        : { type: a.type, url: a.url.trim() },
    cooldownSeconds: toSeconds(form.cooldown) ?? 0,
    activeHours: form.activeHoursOn ? { ...form.activeHours, days: [...form.activeHours.days] } : null,
    isActive: form.isActive,
  };
  if (priority !== undefined) body.priority = priority;
  return body;
}

export interface LocalProblem {
  path: string;
  key: MessageKey;
}

/** what can be told before asking the server; the server checks everything again */
export function ruleFormProblems(form: RuleForm): LocalProblem[] {
  const out: LocalProblem[] = [];
  if (parseKeywords(form.keywords).length === 0)
    out.push({ path: 'keywords', key: 'automation.form.required' });
  if (!form.responseMessage.trim()) out.push({ path: 'responseMessage', key: 'automation.form.required' });
  out.push(...quickReplyProblems(form.quickReplies));
  if (
    form.attachment &&
    !form.attachment.attachmentId &&
    !/^https?:\/\/\S+$/.test(form.attachment.url.trim())
  )
    out.push({ path: 'attachment', key: 'automation.rule.attachmentUrlInvalid' });
  if (toSeconds(form.cooldown) === null)
    out.push({ path: 'cooldownSeconds', key: 'automation.form.wholeNumber' });
  if (form.activeHoursOn && form.activeHours.days.length === 0)
    out.push({ path: 'activeHours.days', key: 'automation.hours.noDays' });
  return out;
}

/** Meta's limits: at most 13 quick replies, titles of 1–20 characters */
export function quickReplyProblems(list: readonly QuickReply[], base = 'quickReplies'): LocalProblem[] {
  const out: LocalProblem[] = [];
  list.forEach((q, i) => {
    // The server counts UTF-16 units, as zod does: an emoji takes two.
    const n = q.title.trim().length;
    if (n === 0 || n > 20) out.push({ path: `${base}.${i}.title`, key: 'automation.quick.titleLength' });
  });
  return out;
}

export const maxQuickReplies = 13;
