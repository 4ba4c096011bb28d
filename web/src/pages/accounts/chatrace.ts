import { type ChatraceFieldMap, type FieldMapKey, fieldMapKeys } from './types.js';

// Pure helpers for the Chatrace set-up panel and the "Advanced: field mapping" form.

export type FieldMapForm = Record<FieldMapKey, string>;

export function formFromFieldMap(map: ChatraceFieldMap | null | undefined): FieldMapForm {
  const form = {} as FieldMapForm;
  for (const key of fieldMapKeys) form[key] = map?.[key] ?? '';
  return form;
}

/** Trimmed paths; an empty box means "detect this field automatically", so it is left out. */
export function fieldMapFromForm(form: FieldMapForm): ChatraceFieldMap {
  const map: ChatraceFieldMap = {};
  for (const key of fieldMapKeys) {
    const path = form[key].trim();
    if (path) map[key] = path;
  }
  return map;
}

/**
 * The fields a 400 validation_failed answer complains about. The server names them in its details,
 * as keys (`{senderId: '…'}`), in issue paths (`['chatraceFieldMap', 'senderId']`) or as
 * problems worded `senderId: the path is empty`.
 */
export function invalidFields(details: unknown): FieldMapKey[] {
  const found = new Set<FieldMapKey>();
  const visit = (v: unknown, depth: number) => {
    if (typeof v === 'string') {
      // a bare field name, or a problem worded "text: unexpected "?" at position 3"
      const field = /^\s*(\w+)\s*(?::|$)/.exec(v)?.[1] ?? '';
      if (isFieldKey(field)) found.add(field);
      return;
    }
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      if (isFieldKey(k)) found.add(k);
      visit(child, depth + 1);
    }
  };
  visit(details, 0);
  return fieldMapKeys.filter((k) => found.has(k));
}

const isFieldKey = (v: string): v is FieldMapKey => (fieldMapKeys as readonly string[]).includes(v);

/** The body template as text to copy: objects pretty-printed, JSON text re-indented, anything else as is. */
export function templateText(bodyTemplate: unknown): string {
  if (typeof bodyTemplate === 'string') {
    try {
      return JSON.stringify(JSON.parse(bodyTemplate), null, 2);
    } catch {
      return bodyTemplate;
    }
  }
  return JSON.stringify(bodyTemplate ?? {}, null, 2);
}

/** A webhook URL that already carries ?token= needs no X-Relaydesk-Token header. */
export function urlHasToken(webhookUrl: string): boolean {
  try {
    return new URL(webhookUrl, 'http://localhost').searchParams.has('token');
  } catch {
    return false;
  }
}
