// Keywords are typed one per line: a comma may be part of a regex or a phrase ("так, беру").

export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const k = line.trim();
    if (k) seen.add(k);
  }
  return [...seen];
}

export function keywordsText(keywords: readonly string[]): string {
  return keywords.join('\n');
}
