import type { TFunction } from '../../i18n/core.js';
import type { MessageKey } from '../../i18n/en.js';
import { ApiError } from '../../lib/api.js';

// The server names the field a problem is in (`details.issues[].path` for validation_failed,
// `details.path` for invalid_keyword_pattern), so an editor can show it next to that field
// rather than only at the top of the form.

export interface FieldProblem {
  /** the body path without `body.`: `responseMessage`, `keywords.1`, `activeHours.timezone` */
  path: string;
  message: string;
  /** invalid_keyword_pattern: the keyword that cannot be used */
  keyword?: string;
}

const bodyPath = (p: unknown) => (typeof p === 'string' ? p.replace(/^body\.?/, '') : '');

export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const d = error.details;
  if (error.code === 'invalid_keyword_pattern') {
    const reason = typeof d.reason === 'string' ? d.reason : error.message;
    return [
      {
        path: bodyPath(d.path) || 'keywords',
        message: reason,
        keyword: typeof d.keyword === 'string' ? d.keyword : undefined,
      },
    ];
  }
  if (error.code !== 'validation_failed' || !Array.isArray(d.issues)) return [];
  return d.issues.flatMap((i: unknown) => {
    if (!i || typeof i !== 'object') return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: bodyPath(path), message }] : [];
  });
}

/** the first problem in a field or inside it (`keywords` covers `keywords.3`) */
export function problemAt(problems: readonly FieldProblem[], field: string): FieldProblem | undefined {
  return problems.find((p) => p.path === field || p.path.startsWith(`${field}.`));
}

/** for `keywords.3`: 3, the line of the keyword in the editor (from 0) */
export function itemIndex(problem: FieldProblem | undefined): number | null {
  const m = problem && /\.(\d+)(?:\.|$)/.exec(problem.path);
  return m ? Number(m[1]) : null;
}

export interface Problems {
  /** found before sending (shown once the person tried to save) */
  local: readonly { path: string; key: MessageKey }[];
  /** the server's answer to the last save */
  server: readonly FieldProblem[];
}

export const noProblems: Problems = { local: [], server: [] };

/** the sentence under a field, or null when the field is fine */
export function problemText(t: TFunction, problems: Problems, field: string): string | null {
  const local = problems.local.find((p) => p.path === field || p.path.startsWith(`${field}.`));
  if (local) return t(local.key);
  const server = problemAt(problems.server, field);
  if (!server) return null;
  return server.keyword !== undefined
    ? t('automation.keywords.invalid', { keyword: server.keyword, reason: server.message })
    : server.message;
}
