// The Publishing page's parts, each at its own address: /publishing (the gallery; a post opens at
// /publishing/gallery/<postId>), /publishing/products[/<id>|/new], /publishing/templates[/<id>|/new],
// /publishing/schedule[/<autoPostId>] and the editor at /publishing/compose[/<autoPostId>].

export const sections = ['gallery', 'products', 'templates', 'schedule', 'compose'] as const;
export type Section = (typeof sections)[number];

/** the tabs; the editor is reached from the schedule */
export const tabs = ['gallery', 'products', 'templates', 'schedule'] as const satisfies readonly Section[];

export function sectionPath(s: Section, id?: string | null): string {
  const base = s === 'gallery' && !id ? '/publishing' : `/publishing/${s}`;
  return id ? `${base}/${encodeURIComponent(id)}` : base;
}

/** null for an unknown part (the page answers "not found") */
export function sectionOf(param: string | undefined): Section | null {
  if (param === undefined) return 'gallery';
  return (sections as readonly string[]).includes(param) ? (param as Section) : null;
}

/** the tab a part belongs to */
export function tabOf(s: Section): (typeof tabs)[number] {
  return s === 'compose' ? 'schedule' : s;
}

/** the same query string with one parameter set (or removed, for null) */
export function withParam(search: string, name: string, value: string | null): string {
  const p = new URLSearchParams(search);
  if (value === null || value === '') p.delete(name);
  else p.set(name, value);
  const s = p.toString();
  return s ? `?${s}` : '';
}
