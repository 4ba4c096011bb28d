import { ApiError } from '../../lib/api.js';

// The server checks a whole form at once and answers `validation_failed` with one issue per field
// (`details.issues: [{path: "body.price", message}]`). A form shows each message under its field;
// what no field claims is shown above the form.

export type FieldErrors = Record<string, string[]>;

/**
 * issue path → the form's field: 'body.price' → 'price'; a list or map is one field, so
 * 'body.imageUrls.2' → 'imageUrls' and 'body.customFields.колір' → 'customFields'
 */
export function fieldOf(path: string): string {
  const parts = path.split('.');
  const inBody = parts[0] === 'body' || parts[0] === 'product' ? parts.slice(1) : parts;
  return inBody[0] ?? '';
}

export function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return {};
  const out: FieldErrors = {};
  for (const issue of issues) {
    if (!issue || typeof issue !== 'object') continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = fieldOf(path);
    out[field] = [...(out[field] ?? []), message];
  }
  return out;
}

/** the error to show above the form: anything but a validation error the fields already show */
export function formLevelError(error: unknown, fields: readonly string[]): unknown {
  const byField = fieldErrors(error);
  const claimed = Object.keys(byField);
  if (claimed.length === 0) return error;
  return claimed.every((f) => fields.includes(f)) ? null : error;
}

/** `caption_template_invalid` (422): the variables it does not know and the brace problems */
export function templateProblems(error: unknown): { unknown: string[]; syntax: string[] } | null {
  if (!(error instanceof ApiError) || error.code !== 'caption_template_invalid') return null;
  const d = error.details ?? {};
  const unknown = Array.isArray(d.unknown) ? d.unknown.filter((u): u is string => typeof u === 'string') : [];
  const syntax = Array.isArray(d.syntax)
    ? d.syntax.flatMap((s) =>
        s && typeof s === 'object' && typeof (s as { message?: unknown }).message === 'string'
          ? [(s as { message: string }).message]
          : [],
      )
    : [];
  return { unknown, syntax };
}
