// Contact tags as chips: typed text becomes tags on Enter or comma, '#' is dropped (the server
// drops it too), and the same tag in another case is not added twice.

const maxLength = 50;
const maxTags = 50;

export function parseTags(input: string): string[] {
  return input
    .split(',')
    .map((t) => t.trim().replace(/^#+/, '').trim().slice(0, maxLength))
    .filter(Boolean);
}

export function addTags(existing: readonly string[], input: string): string[] {
  const out = [...existing];
  const seen = new Set(existing.map((t) => t.toLocaleLowerCase()));
  for (const tag of parseTags(input)) {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key) || out.length >= maxTags) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export const removeTag = (existing: readonly string[], tag: string) => existing.filter((t) => t !== tag);
