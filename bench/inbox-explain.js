// EXPLAIN for the inbox benchmark: the SQL the repositories really send is captured with a Kysely
// plugin, then explained once (SQLite: EXPLAIN QUERY PLAN, PostgreSQL: EXPLAIN). A full scan of
// a large table or a sort that no index provides is reported with the index that would serve it.
import { CompiledQuery } from 'kysely';

const BIG = {
  conversations: 'conversations',
  c: 'conversations',
  messages: 'messages',
  contacts: 'contacts',
  p: 'contacts',
};

// The index each query needs: its equality columns, then its ORDER BY column(s).
const WANTED = {
  list: { table: 'conversations', columns: ['workspace_id', 'inbox_rank'] },
  'list-cursor': { table: 'conversations', columns: ['workspace_id', 'inbox_rank'], bound: 'inbox_rank' },
  'list-unread': { table: 'conversations', columns: ['workspace_id', 'inbox_rank'] },
  'list-account': { table: 'conversations', columns: ['account_id', 'inbox_rank'] },
  'list-search': { table: 'conversations', columns: ['workspace_id', 'inbox_rank'] },
  thread: { table: 'messages', columns: ['conversation_id', 'created_at', 'id'] },
  'thread-cursor': {
    table: 'messages',
    columns: ['conversation_id', 'created_at', 'id'],
    bound: 'created_at',
  },
  'thread-deep': { table: 'messages', columns: ['conversation_id', 'created_at', 'id'], bound: 'created_at' },
};

const ROW_VALUE =
  'No new index: write the keyset as a row-value comparison, (created_at, id) < (:at, :id) ' +
  "(Kysely: eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id))), which both databases " +
  'use as one backward range scan of messages_thread_idx that stops after the page';

// LIKE '%q%' cannot use a B-tree: a term with few matches visits every conversation (SQLite,
// walking the rank index and looking up each contact) or every contact (PostgreSQL).
const SEARCH = {
  sqlite:
    'a rare term visits every conversation of the workspace and its contact. Filter contacts first, ' +
    'c.contact_id IN (SELECT id FROM contacts WHERE workspace_id = ? AND (…)), with a covering index on ' +
    'contacts (workspace_id, username, name, external_id, id), and conversations_rank_idx widened to ' +
    'conversations (workspace_id, inbox_rank, contact_id) so non-matching conversations are skipped ' +
    'in the index',
  postgres:
    'a rare term scans every contact (or every conversation). pg_trgm GIN indexes on contacts ' +
    '(lower(username) gin_trgm_ops) and (lower(name) gin_trgm_ops), plus B-tree indexes on contacts ' +
    '(external_id) and conversations (contact_id), turn it into a BitmapOr over the matches',
};

async function capture(db, make) {
  const nodes = [];
  const spy = db.withPlugin({
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  });
  await make(spy)(0);
  return db.getExecutor().compileQuery(nodes[0], { queryId: 'explain' });
}

async function planLines(handle, q) {
  if (handle.dialect === 'sqlite') {
    const { rows } = await handle.db.executeQuery(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]),
    );
    const depth = new Map([[0, -1]]);
    return rows.map((r) => {
      depth.set(r.id, (depth.get(r.parent) ?? 0) + 1);
      return `${'  '.repeat(depth.get(r.id))}${r.detail}`;
    });
  }
  const { rows } = await handle.db.executeQuery(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]));
  return rows.map((r) => r['QUERY PLAN']);
}

function verdict(dialect, lines) {
  const text = lines.join('\n');
  const indexes = new Set();
  const scans = new Set();
  let sort = false;
  for (const line of lines) {
    const l = line.trim();
    const idx =
      dialect === 'sqlite'
        ? /USING (?:COVERING )?INDEX (\S+)|USING (INTEGER PRIMARY KEY|PRIMARY KEY)/.exec(l)
        : /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)/.exec(l);
    if (idx) indexes.add(idx[1] ?? idx[2]);
    const scan = dialect === 'sqlite' ? /^SCAN (\w+)$/.exec(l) : /Seq Scan on (\w+)/.exec(l);
    if (scan && BIG[scan[1]]) scans.add(BIG[scan[1]]);
    if (dialect === 'sqlite' ? /USE TEMP B-TREE FOR .*ORDER BY/.test(l) : /^(->\s+)?Sort\s+\(/.test(l))
      sort = true;
  }
  return { indexes: [...indexes], scans: [...scans], sort, text };
}

/** whether the keyset cursor narrows the index range (else rows before it are read and dropped) */
function cursorInIndex(dialect, lines, column) {
  const cond = dialect === 'sqlite' ? /^SEARCH .*USING .*INDEX .*\((.*)\)/ : /Index Cond: (.*)/;
  return lines.some((l) => cond.exec(l.trim())?.[1]?.includes(column));
}

async function existingIndexes(handle, table) {
  if (handle.dialect === 'sqlite') {
    const { rows } = await handle.db.executeQuery(
      CompiledQuery.raw("select name, sql from sqlite_master where type = 'index' and tbl_name = ?", [table]),
    );
    return rows.map((r) => ({ name: r.name, def: r.sql ?? '' }));
  }
  const { rows } = await handle.db.executeQuery(
    CompiledQuery.raw('select indexname as name, indexdef as def from pg_indexes where tablename = $1', [
      table,
    ]),
  );
  return rows;
}

/** EXPLAIN of each case that has a wanted index; returns verdicts with a recommendation when needed */
export async function explainCases(handle, cases) {
  const out = [];
  for (const c of cases) {
    const want = WANTED[c.id];
    if (!want) continue;
    const q = await capture(handle.db, c.make);
    const v = verdict(handle.dialect, await planLines(handle, q));
    const cols = want.columns.join(', ');
    const existing = (await existingIndexes(handle, want.table)).find((i) =>
      i.def.replaceAll('"', '').includes(`(${cols}`),
    );
    let advice = null;
    if (want.bound === 'created_at' && v.sort) {
      // PostgreSQL turns the OR of the keyset into a BitmapOr: the index is used, but every row
      // older than the cursor is fetched and sorted before the LIMIT applies.
      advice =
        `the keyset OR is planned as two bitmap index scans plus a sort: every older row of the thread ` +
        `is fetched and sorted (linear in the thread length). ${ROW_VALUE}`;
    } else if ((v.scans.includes(want.table) || v.sort) && c.id !== 'list-search') {
      advice = existing
        ? `index ${existing.name} on ${want.table} (${cols}) exists but the planner did not use it`
        : `add index on ${want.table} (${cols}), in that order`;
    } else if (want.bound && !cursorInIndex(handle.dialect, v.text.split('\n'), want.bound)) {
      v.cursorFilter = true;
      advice =
        `the cursor on ${want.bound} is a filter, not an index bound: every row newer than the cursor is ` +
        `read and dropped (linear in the page depth). ${ROW_VALUE}`;
    } else if (c.id === 'list-search') {
      advice = SEARCH[handle.dialect];
    }
    out.push({ id: c.id, label: c.label, ...v, usesIndex: v.indexes.length > 0, advice });
  }
  return out;
}
