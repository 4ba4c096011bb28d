import { z } from 'zod';

// Cursor-based paging: https://developers.facebook.com/docs/graph-api/results
// `next` is present only while more results exist ("stop paging when the next link no longer
// appears"); a page may be empty and still have `next`. We follow the `after` cursor (from
// paging.cursors.after, else the `after` parameter of paging.next) on our own base URL, never the
// absolute `next` link, which names Meta's host and may carry the access token.

export interface GraphPage<T> {
  items: T[];
  /** cursor for the next page, null on the last page */
  after: string | null;
}

const pagingSchema = z
  .object({
    cursors: z.object({ after: z.string().nullish(), before: z.string().nullish() }).partial().nullish(),
    next: z.string().nullish(),
  })
  .nullish();

function nextCursor(paging: z.infer<typeof pagingSchema>): string | null {
  if (!paging?.next) return null;
  if (paging.cursors?.after) return paging.cursors.after;
  try {
    return new URL(paging.next).searchParams.get('after');
  } catch {
    return null;
  }
}

/** `{data:[…], paging}` → GraphPage of parsed items */
export function pageSchema<T>(item: z.ZodType<T>) {
  return z
    .object({ data: z.array(item), paging: pagingSchema })
    .transform(({ data, paging }): GraphPage<T> => ({ items: data, after: nextCursor(paging) }));
}

export interface PaginateOptions {
  /** upper bound on requests (default 20) */
  maxPages?: number;
}

export interface PaginateResult {
  pages: number;
  /** true when maxPages stopped the walk while Meta still had a next page */
  truncated: boolean;
}

/**
 * Walks pages: `for await (const m of paginate((after) => client.listMedia(auth, { after })))`.
 * The generator's return value tells whether the bound cut it short.
 */
export async function* paginate<T>(
  fetchPage: (after: string | undefined) => Promise<GraphPage<T>>,
  options: PaginateOptions = {},
): AsyncGenerator<T, PaginateResult, undefined> {
  const maxPages = options.maxPages ?? 20;
  let after: string | undefined;
  let pages = 0;
  const seen = new Set<string>();
  while (pages < maxPages) {
    const page = await fetchPage(after);
    pages += 1;
    yield* page.items;
    // a cursor seen before would loop forever; treat it as the end
    if (page.after === null || seen.has(page.after)) return { pages, truncated: false };
    seen.add(page.after);
    after = page.after;
  }
  return { pages, truncated: true };
}
