import { isMessageKey, type TFunction, type Vars } from '../../i18n/core.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import type { CheckAccount, CheckGroup, DiagnosticCheck, Verdict } from './types.js';

// The page's logic, without React: checks grouped into sections (one per instance group, one per
// account), and each check's sentences in the chosen language. The server's English is the
// fallback, so a check added on the server before its translation still reads.

export interface CheckSection {
  key: string;
  group: CheckGroup;
  account: CheckAccount | null;
  checks: DiagnosticCheck[];
  verdict: Verdict;
}

const rank: Record<Verdict, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

export const isProblem = (c: DiagnosticCheck) => c.verdict === 'warn' || c.verdict === 'fail';

/** in the server's order; with `onlyProblems`, sections without a warning or failure are left out */
export function toSections(checks: readonly DiagnosticCheck[], onlyProblems = false): CheckSection[] {
  const byKey = new Map<string, CheckSection>();
  for (const c of checks) {
    if (onlyProblems && !isProblem(c)) continue;
    const key = c.account ? `${c.group}:${c.account.id}` : c.group;
    let section = byKey.get(key);
    if (!section) {
      section = { key, group: c.group, account: c.account, checks: [], verdict: 'skip' };
      byKey.set(key, section);
    }
    section.checks.push(c);
    if (rank[c.verdict] > rank[section.verdict]) section.verdict = c.verdict;
  }
  return [...byKey.values()];
}

export function sectionTitle(t: TFunction, s: CheckSection): string {
  if (!s.account) return t(`diagnostics.group.${s.group}` as MessageKey);
  const name = s.account.username ? `@${s.account.username}` : s.account.externalId;
  return t(
    s.account.provider === 'instagram' ? 'diagnostics.group.instagram' : 'diagnostics.group.chatrace',
    {
      name,
    },
  );
}

const isIsoTime = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);

/** times in the reader's locale and time zone, counts with their digit grouping */
export function localParams(locale: string, params: DiagnosticCheck['params']): Vars {
  const out: Vars = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'number' ? formatNumber(locale, v) : isIsoTime(v) ? formatDateTime(locale, v) : v;
  }
  return out;
}

export interface CheckTexts {
  title: string;
  message: string;
  fix: string | null;
}

export function checkTexts(t: TFunction, locale: string, c: DiagnosticCheck): CheckTexts {
  const vars = localParams(locale, c.params);
  const outcome = c.code === 'check_error' ? 'diagnostics.check_error' : `diagnostics.${c.id}.${c.code}`;
  const pick = (key: string, fallback: string, withVars: boolean) =>
    isMessageKey(key) ? t(key, withVars ? vars : undefined) : fallback;
  return {
    title: pick(`diagnostics.check.${c.id}`, c.title, false),
    message: pick(outcome, c.message, true),
    fix: c.fix === null ? null : pick(`${outcome}.fix`, c.fix, true),
  };
}

/** the label of a check's link into the dashboard */
export function linkLabel(link: string): MessageKey | null {
  if (link.startsWith('/deliveries')) return 'diagnostics.link.deliveries';
  if (link.startsWith('/accounts')) return 'diagnostics.link.accounts';
  return null;
}
