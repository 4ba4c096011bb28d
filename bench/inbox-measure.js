// The measured queries of bench/inbox.js: the real repositories from dist/server, each against a
// baseline of the same shape of query by primary key, run one after another on one handle.
import { ConversationRepository } from '../dist/server/inbox/conversation.repository.js';
import { MessageRepository, threadCursor } from '../dist/server/inbox/message.repository.js';
import { mulberry32 } from './inbox-data.js';

export const TARGET_P95_MS = 30;
const PAGE = 50;

function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/**
 * The cases; each `make(db)` returns the per-iteration call, so the same query can be timed on
 * the real handle and captured once for EXPLAIN. Random inputs are drawn before timing starts.
 */
export async function buildCases(handle, plan, seeded) {
  const { db, dialect } = handle;
  const { rows, workspaceId, accountId } = seeded;
  const r = mulberry32(plan.seed + 11);
  const draw = (n, f) => Array.from({ length: n }, f);
  const convIds = draw(4096, () => rows.conversationIds[Math.floor(r() * plan.C)]);
  const messageIds = draw(4096, () => rows.messageId(Math.floor(r() * plan.N)));

  // Page boundaries from the middle of the list, as a client paging through would send them.
  const ranks = (
    await db
      .selectFrom('conversations')
      .select('inbox_rank')
      .where('workspace_id', '=', workspaceId)
      .orderBy('inbox_rank', 'desc')
      .execute()
  ).map((c) => c.inbox_rank);
  const pages = Math.floor(ranks.length / PAGE);
  const listCursors = draw(
    4096,
    () => ranks[(Math.floor(pages * 0.2) + Math.floor(r() * pages * 0.6) + 1) * PAGE - 1],
  );

  // The second page of threads that have one, cursor taken from the first page as the API does.
  const long = [];
  for (let c = 0; c < plan.C; c++) if (plan.counts[c] > PAGE) long.push(c);
  const messages = new MessageRepository(db);
  const threadCursors = [];
  for (let n = 0; n < Math.min(256, long.length); n++) {
    const id = rows.conversationIds[long[Math.floor(r() * long.length)]];
    const first = await messages.listThread(id, undefined, PAGE);
    threadCursors.push([id, threadCursor(first[PAGE - 1])]);
  }

  // Deep pages of the longest threads (top 1 %), 80–95 % of the way back: how the cursor bound
  // holds up when a thread has hundreds of messages.
  const longest = Array.from(long).sort((a, b) => plan.counts[b] - plan.counts[a]);
  const deepCursors = draw(256, () => {
    const c = longest[Math.floor(r() * Math.max(1, Math.ceil(plan.C / 100)))];
    let i = plan.last[c];
    for (let back = Math.floor(plan.counts[c] * (0.8 + r() * 0.15)); back > 0 && plan.prev[i] >= 0; back--) {
      i = plan.prev[i];
    }
    const m = { created_at: new Date(plan.ts[i]).toISOString(), id: rows.messageId(i) };
    return [rows.conversationIds[c], threadCursor(m)];
  });

  // Search, what operators type: an @username and an IGSID (one match each), a four-letter
  // fragment (a handful), a typo (none) — the slow cases, nothing stops the scan early — and a
  // common first name (many matches, the first page fills quickly).
  const someContact = () => rows.contact(Math.floor(r() * plan.C));
  const terms = draw(100, (_, n) => {
    const c = someContact();
    const u = c.username ?? 'olena.kovalenko';
    return [`@${u}`, c.external_id, u.slice(-4), ['zqxw', 'xyzzy', 'qwrt'][n % 3], 'olena'][n % 5];
  });

  const at = (list, i) => list[i % list.length];
  const conversations = (d) => new ConversationRepository(d, dialect);
  return [
    {
      id: 'pk-conversation',
      label: 'conversation by primary key (baseline)',
      make: (d) => (i) =>
        d.selectFrom('conversations').selectAll().where('id', '=', at(convIds, i)).execute(),
    },
    {
      id: 'list',
      label: 'list conversations, first page',
      baseline: 'pk-conversation',
      make: (d) => () => conversations(d).list(workspaceId, { limit: PAGE }),
    },
    {
      id: 'list-cursor',
      label: 'list, middle page (cursor)',
      baseline: 'pk-conversation',
      make: (d) => (i) => conversations(d).list(workspaceId, { limit: PAGE, cursor: at(listCursors, i) }),
    },
    {
      id: 'list-account',
      label: 'list, accountId filter',
      baseline: 'pk-conversation',
      make: (d) => () => conversations(d).list(workspaceId, { limit: PAGE, accountId }),
    },
    {
      id: 'list-unread',
      label: 'list, unread only',
      baseline: 'pk-conversation',
      make: (d) => () => conversations(d).list(workspaceId, { limit: PAGE, unread: true }),
    },
    {
      id: 'list-search',
      label: 'list, search q',
      baseline: 'pk-conversation',
      search: true,
      make: (d) => (i) => conversations(d).list(workspaceId, { limit: PAGE, q: at(terms, i) }),
    },
    {
      id: 'pk-message',
      label: 'message by primary key (baseline)',
      make: (d) => (i) => d.selectFrom('messages').selectAll().where('id', '=', at(messageIds, i)).execute(),
    },
    {
      id: 'thread',
      label: 'thread, first page',
      baseline: 'pk-message',
      make: (d) => (i) => new MessageRepository(d).listThread(at(convIds, i), undefined, PAGE),
    },
    {
      id: 'thread-cursor',
      label: 'thread, second page (cursor)',
      baseline: 'pk-message',
      make: (d) => (i) => new MessageRepository(d).listThread(...at(threadCursors, i), PAGE),
    },
    {
      id: 'thread-deep',
      label: 'thread, deep page of a long thread',
      baseline: 'pk-message',
      make: (d) => (i) => new MessageRepository(d).listThread(...at(deepCursors, i), PAGE),
    },
  ];
}

/** times every case: warm-up, then `iterations` sequential calls (a tenth for search) */
export async function measure(handle, cases, { iterations }) {
  const results = new Map();
  for (const c of cases) {
    const run = c.make(handle.db);
    const n = c.search ? Math.max(20, Math.round(iterations / 10)) : iterations;
    for (let i = 0; i < Math.max(10, Math.round(n / 10)); i++) await run(i + n);
    const times = new Float64Array(n);
    let rowsSeen = 0;
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      const out = await run(i);
      times[i] = performance.now() - start;
      rowsSeen += out.length;
    }
    times.sort((a, b) => a - b);
    results.set(c.id, {
      ...c,
      n,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      rows: rowsSeen / n,
    });
  }
  for (const res of results.values()) {
    const base = res.baseline ? results.get(res.baseline) : undefined;
    res.ratio = base ? res.p95 / base.p95 : null;
    // A query that finds nothing is not a fast query: rows must come back for a PASS.
    res.pass = res.baseline ? res.p95 < TARGET_P95_MS && res.rows > 0 : null;
  }
  return [...results.values()];
}
