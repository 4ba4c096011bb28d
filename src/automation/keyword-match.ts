import vm from 'node:vm';

// Keyword matching for DM rules: pure functions over normalized text. The engine (and the live
// tester) call `firstMatch` with the workspace's rules in priority order.

export type MatchType = 'contains' | 'exact' | 'word' | 'regex';

/** local time window in an IANA timezone; days 0 (Sunday)–6; `from` > `to` crosses midnight */
export interface ActiveHours {
  timezone: string;
  days: readonly number[];
  from: string;
  to: string;
}

export interface KeywordRule {
  keywords: readonly string[];
  matchType: MatchType;
}

export interface MatchableRule extends KeywordRule {
  isActive: boolean;
  /** null: every account of the workspace */
  accountId: string | null;
  activeHours: ActiveHours | null;
}

export const maxPatternLength = 200;
/** per regex evaluation; see `regexTest` for why a time limit and not a static check */
export const regexTimeoutMs = 50;

// Latin letters that look like Cyrillic ones. Customers on a Russian or English layout type a Latin
// `i` for the Ukrainian `і` ("цiна") or mix in a Latin `a`/`o`/`c`; a word mixing both scripts is
// such a typo, so inside a word that has Cyrillic letters these become Cyrillic. Words without
// Cyrillic are left alone, so "price" stays Latin.
const latinToCyrillic: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};
const mixedWord = /[\p{L}\p{M}\p{N}'’ʼ]+/gu;
const cyrillic = /\p{Script=Cyrillic}/u;
const latinLookAlike = /[aceiopxykmthb]/g;

/**
 * The form both the message and the keywords are compared in: NFKC (full-width letters, ligatures
 * and compatibility forms become plain ones), Unicode lower case, `ё`→`е` (Russian writes `е` for
 * `ё` most of the time), one apostrophe (Ukrainian `'`, `’`, `ʼ` are used interchangeably in
 * "м'ясо"), no emoji variation selectors ("❤" and "❤️" are the same heart) and single spaces.
 * Diacritics stay: after NFD, Ukrainian `й`, `ї` are `и`, `і` plus a mark, and those are different
 * letters (as are `é`/`e` in French words), so stripping marks would make unrelated words equal.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/ё/g, 'е')
    .replace(/[’ʼ`]/g, "'")
    .replace(/[\uFE0E\uFE0F]/g, '')
    .replace(mixedWord, (w) => (cyrillic.test(w) ? w.replace(latinLookAlike, (c) => latinToCyrillic[c]!) : w))
    .replace(/\s+/gu, ' ')
    .trim();
}

// An exact match ignores what people put around a one-word message: "Price?!", "¿precio?", "ціна)".
const edgePunctuation = /^[\s¿¡]+|[\s\p{P}]+$/gu;
function stripEdges(s: string): string {
  const stripped = s.replace(edgePunctuation, '');
  return stripped === '' ? s : stripped;
}

// Only the syntax characters (and `/`): with the `u` flag any other escape, `\-` included, is a
// SyntaxError, so a keyword like "t-shirt" would break matching for every message.
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const wordChar = /[\p{L}\p{M}\p{N}_]/u;

// JS `\b` only knows [A-Za-z0-9_], so `\bціна\b` never matches; these lookarounds are the Unicode
// equivalent. A boundary is required only at an edge that is itself a word character, so "🔥" or
// "price?" as a whole word still match next to letters or punctuation, as `\b` would behave.
const wordCache = new Map<string, RegExp>();
function wordRegex(keyword: string): RegExp {
  let re = wordCache.get(keyword);
  if (!re) {
    const before = wordChar.test(keyword.slice(0, 1)) ? '(?<![\\p{L}\\p{M}\\p{N}_])' : '';
    const last = Array.from(keyword).at(-1) ?? '';
    const after = wordChar.test(last) ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
    re = new RegExp(`${before}${escapeRegex(keyword)}${after}`, 'u');
    if (wordCache.size > 5_000) wordCache.clear();
    wordCache.set(keyword, re);
  }
  return re;
}

// Catastrophic backtracking: a time limit per evaluation rather than rejecting nested quantifiers.
// A static check only knows the shapes it lists — `(a+)+$` yes, but `(a|a)*$`, `(\w|\d)+$` or
// `(.*a){12}` slip through, while it also refuses harmless patterns like `(\d+ ?)+`. V8 checks for
// interrupts while it backtracks, so `vm`'s timeout stops any pattern, whatever its shape. One
// context is reused (creating one per call costs milliseconds); a timed-out test counts as no match.
const sandbox = vm.createContext({ cache: Object.create(null), src: '', text: '' });
const testScript = new vm.Script('(cache[src] ??= new RegExp(src, "iu")).test(text)');
let cached = 0;

export type RegexOutcome = 'match' | 'no_match' | 'timeout';

export function regexTest(pattern: string, text: string, timeoutMs = regexTimeoutMs): RegexOutcome {
  if (++cached > 1_000) {
    sandbox.cache = Object.create(null);
    cached = 0;
  }
  sandbox.src = pattern;
  sandbox.text = text;
  try {
    return testScript.runInContext(sandbox, { timeout: timeoutMs }) === true ? 'match' : 'no_match';
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    throw err;
  }
}

/**
 * Why a regex keyword cannot be saved, or null when it can. Besides compiling and the length, the
 * pattern is tried under the time limit against runs of its own characters ("aaaa…!"), so the
 * classic exponential patterns are refused when they are saved and not only cut off when they run.
 */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > maxPatternLength) return `the pattern is longer than ${maxPatternLength} characters`;
  try {
    new RegExp(pattern, 'iu');
  } catch (err) {
    return (err as Error).message;
  }
  const chars = [...new Set(Array.from(pattern.replace(/\\[pPu]\{[^}]*\}|\\./g, '')))]
    .filter((c) => wordChar.test(c) || c === ' ')
    .slice(0, 8);
  for (const c of ['a', '1', ...chars]) {
    for (const tail of ['!', '']) {
      if (regexTest(pattern, c.repeat(32) + tail) === 'timeout') {
        return `the pattern takes too long on "${c.repeat(5)}…" (catastrophic backtracking); avoid nested quantifiers like (a+)+`;
      }
    }
  }
  return null;
}

/** The keyword of the rule that the message matches, or null. */
export function matches(
  rule: KeywordRule,
  text: string,
  onTimeout?: (keyword: string) => void,
): { keyword: string } | null {
  const message = normalizeText(text);
  if (message === '') return null;
  for (const keyword of rule.keywords) {
    if (keywordMatches(rule.matchType, keyword, message, onTimeout)) return { keyword };
  }
  return null;
}

function keywordMatches(
  type: MatchType,
  keyword: string,
  message: string,
  onTimeout?: (keyword: string) => void,
): boolean {
  if (type === 'regex') {
    // The source is not lower-cased (that would turn `\D` into `\d`); the `i` flag covers case.
    const outcome = regexTest(keyword.replace(/ё/g, 'е').replace(/Ё/g, 'Е'), message);
    if (outcome === 'timeout') onTimeout?.(keyword);
    return outcome === 'match';
  }
  const k = normalizeText(keyword);
  if (k === '') return false;
  if (type === 'contains') return message.includes(k);
  if (type === 'exact') return stripEdges(message) === stripEdges(k);
  return wordRegex(k).test(message);
}

export interface MatchContext {
  /** the account the message came to; undefined (the live tester without one): any account */
  accountId?: string;
  now: Date;
}

/** Why a rule whose keywords matched did not fire (for the live tester). */
export type SkipReason = 'inactive' | 'other_account' | 'outside_active_hours';

export function skipReason(rule: MatchableRule, ctx: MatchContext): SkipReason | null {
  if (!rule.isActive) return 'inactive';
  if (rule.accountId !== null && ctx.accountId !== undefined && rule.accountId !== ctx.accountId)
    return 'other_account';
  if (rule.activeHours && !activeAt(rule.activeHours, ctx.now)) return 'outside_active_hours';
  return null;
}

/** The first rule (in the given order: by priority) that may fire and matches the message. */
export function firstMatch<R extends MatchableRule>(
  rules: readonly R[],
  text: string,
  ctx: MatchContext,
): { rule: R; keyword: string } | null {
  for (const rule of rules) {
    if (skipReason(rule, ctx) !== null) continue;
    const m = matches(rule, text);
    if (m) return { rule, keyword: m.keyword };
  }
  return null;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();
function localClock(timezone: string, at: Date): { day: number; minute: number } {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: weekdays.indexOf(parts.weekday ?? ''),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `at` falls in the window, in the rule's own timezone (DST included, by Intl). A window
 * belongs to the day it starts on: Friday 22:00–06:00 covers Friday night and early Saturday, but
 * not early Friday. `from` equal to `to` means the whole day.
 */
export function activeAt(hours: ActiveHours, at: Date): boolean {
  const { day, minute } = localClock(hours.timezone, at);
  const from = minutes(hours.from);
  const to = minutes(hours.to);
  if (from === to) return hours.days.includes(day);
  if (from < to) return hours.days.includes(day) && minute >= from && minute < to;
  if (minute >= from) return hours.days.includes(day);
  return minute < to && hours.days.includes((day + 6) % 7);
}

/** whether Intl knows the IANA timezone name */
export function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
