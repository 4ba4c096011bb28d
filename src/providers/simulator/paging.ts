// Cursor paging as Graph does it: `{ data, paging: { cursors: { before, after }, next, previous } }`.
// Cursors are opaque (base64 of the item id here); `next`/`previous` are full URLs carrying the
// same query, access token included, as Meta's are.
// https://developers.facebook.com/docs/graph-api/results

export interface PageQuery {
  limit?: string;
  after?: string;
  before?: string;
}

export interface Page<T> {
  data: T[];
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

export function paginate<T extends { id: string }, R>(
  items: T[],
  query: PageQuery,
  link: (cursor: { after?: string; before?: string }) => string,
  renderItem: (item: T) => R,
  defaultLimit = 25,
): Page<R> {
  const limit = Math.min(Math.max(Number(query.limit) || defaultLimit, 1), 100);
  let start = 0;
  if (query.after) start = items.findIndex((x) => x.id === decode(query.after ?? '')) + 1;
  else if (query.before)
    start = Math.max(items.findIndex((x) => x.id === decode(query.before ?? '')) - limit, 0);
  const slice = items.slice(start, start + limit);
  const first = slice[0];
  const last = slice[slice.length - 1];
  if (!first || !last) return { data: [] };
  const cursors = { before: encode(first.id), after: encode(last.id) };
  const paging: NonNullable<Page<R>['paging']> = { cursors };
  if (start + limit < items.length) paging.next = link({ after: cursors.after });
  if (start > 0) paging.previous = link({ before: cursors.before });
  return { data: slice.map(renderItem), paging };
}
