// The Automation page's parts, each at its own address so a part can be bookmarked and the back
// button works: /automation (keyword replies), /automation/comments, /automation/settings,
// /automation/activity, /automation/integrations. Which rule is open in the editor
// (?edit=new or ?edit=<id>), the chosen account (?account=) and webhook (?webhook=) are in the
// query string too.

export const sections = ['rules', 'comments', 'settings', 'activity', 'integrations'] as const;
export type Section = (typeof sections)[number];

export function sectionPath(s: Section): string {
  return s === 'rules' ? '/automation' : `/automation/${s}`;
}

/** null for an unknown part (the page answers "not found") */
export function sectionOf(param: string | undefined): Section | null {
  if (param === undefined) return 'rules';
  return (sections as readonly string[]).includes(param) && param !== 'rules' ? (param as Section) : null;
}

export function queryParam(search: string, name: string): string | null {
  const v = new URLSearchParams(search).get(name);
  return v ? v : null;
}

/** the same query string with one parameter set (or removed, for null) */
export function withParam(search: string, name: string, value: string | null): string {
  const p = new URLSearchParams(search);
  if (value === null) p.delete(name);
  else p.set(name, value);
  const s = p.toString();
  return s ? `?${s}` : '';
}
