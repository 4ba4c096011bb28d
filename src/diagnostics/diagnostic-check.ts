// The vocabulary of `relaydesk doctor`, GET /api/v1/diagnostics and the Diagnostics page. A check
// is defined once with every outcome it can have; each outcome has a fixed verdict, a sentence
// with {placeholders} and, unless it passes, a fix. Checks return an outcome code and its params;
// the sentences are rendered here in English (CLI, API) and translated by the dashboard, which
// looks them up by check id and code (web/src/i18n/diagnostics).

export const verdicts = ['pass', 'warn', 'fail', 'skip'] as const;
export type Verdict = (typeof verdicts)[number];

export const checkGroups = [
  'configuration',
  'webhooks',
  'instagram',
  'chatrace',
  'jobs',
  'database',
] as const;
export type CheckGroup = (typeof checkGroups)[number];

export type Params = Record<string, string | number>;

export interface Outcome {
  verdict: Verdict;
  message: string;
  /** what to do, in plain words; null when the outcome needs nothing done */
  fix: string | null;
}

export const pass = (message: string): Outcome => ({ verdict: 'pass', message, fix: null });
export const skip = (message: string): Outcome => ({ verdict: 'skip', message, fix: null });
export const warn = (message: string, fix: string): Outcome => ({ verdict: 'warn', message, fix });
export const fail = (message: string, fix: string): Outcome => ({ verdict: 'fail', message, fix });

/** every check can end like this: the check itself threw or timed out */
export const checkError = fail(
  'The check could not be completed.',
  'Look at the detail below; run the check again once the cause is fixed.',
);

/** what one check found: an outcome code of its definition, and the facts behind it */
export interface Finding<C extends string = string> {
  code: C | 'check_error';
  params?: Params;
  /** raw, untranslated facts (Meta's own words, a list of problems); never a secret */
  detail?: string | null;
  /** where in the dashboard to look next, e.g. the webhook log filtered to rejected deliveries */
  link?: string | null;
}

export interface CheckDefinition<C extends string = string> {
  id: string;
  group: CheckGroup;
  title: string;
  outcomes: Record<C, Outcome>;
  /** a finding of this check, typed to its own outcome codes */
  found(code: C, params?: Params, extra?: Omit<Finding<C>, 'code' | 'params'>): Finding<C>;
}

export function defineCheck<C extends string>(def: Omit<CheckDefinition<C>, 'found'>): CheckDefinition<C> {
  return { ...def, found: (code, params, extra) => ({ ...extra, code, ...(params ? { params } : {}) }) };
}

/** one account (or Chatrace connection) a per-account check is about */
export interface CheckSubject {
  id: string;
  provider: 'instagram' | 'chatrace';
  username: string | null;
  externalId: string;
}

export interface CheckResult {
  id: string;
  group: CheckGroup;
  title: string;
  verdict: Verdict;
  code: string;
  message: string;
  fix: string | null;
  detail: string | null;
  params: Params;
  account: CheckSubject | null;
  link: string | null;
  durationMs: number;
}

/** fills {placeholders}; an ISO time reads as "2026-01-15 12:00 UTC" */
export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'string' && isIsoTime(value) ? readableTime(value) : String(value);
  });
}

const isIsoTime = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);
const readableTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function toResult(
  def: CheckDefinition,
  finding: Finding,
  account: CheckSubject | null,
  durationMs: number,
): CheckResult {
  const outcome = finding.code === 'check_error' ? checkError : def.outcomes[finding.code];
  if (!outcome) throw new Error(`${def.id} has no outcome ${finding.code}`);
  const params = finding.params ?? {};
  return {
    id: def.id,
    group: def.group,
    title: def.title,
    verdict: outcome.verdict,
    code: finding.code,
    message: fill(outcome.message, params),
    fix: outcome.fix === null ? null : fill(outcome.fix, params),
    detail: finding.detail ?? null,
    params,
    account,
    link: finding.link ?? null,
    durationMs,
  };
}

const rank: Record<Verdict, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

/** the overall verdict: the worst of all, where skipped checks count as passed */
export function worst(results: readonly { verdict: Verdict }[]): Verdict {
  let v: Verdict = 'pass';
  for (const r of results) if (rank[r.verdict] > rank[v]) v = r.verdict;
  return v;
}
