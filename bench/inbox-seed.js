// Seeds the inbox benchmark's data set: multi-row INSERTs of 500 rows (25 columns: 12,500 bound
// parameters, under SQLite's 32,766 and PostgreSQL's 65,535) in transactions of 50,000 rows.
// The next statement's rows are built while the database executes the current one, which
// overlaps on PostgreSQL (another process) and costs nothing on SQLite (synchronous driver).
import { mulberry32, uuidv7 } from './inbox-data.js';
import { makeRows } from './inbox-rows.js';

const PER_STATEMENT = 500;
const PER_TRANSACTION = 50_000;

async function insertAll(db, table, total, build, progress) {
  const batchOf = (from) => {
    const rows = [];
    for (let i = from; i < Math.min(total, from + PER_STATEMENT); i++) rows.push(build(i));
    return rows;
  };
  for (let start = 0; start < total; start += PER_TRANSACTION) {
    const end = Math.min(total, start + PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      let batch = batchOf(start);
      for (let from = start; from < end; from += PER_STATEMENT) {
        const pending = trx.insertInto(table).values(batch).execute();
        const nextFrom = from + PER_STATEMENT;
        batch = nextFrom < end ? batchOf(nextFrom) : [];
        await pending;
      }
    });
    progress?.(end);
  }
}

/** seeds everything; returns the row factory (for picking ids) and the timings */
export async function seedInbox(handle, plan, log) {
  const { db } = handle;
  const at = new Date(plan.now - 91 * 86_400_000).toISOString();
  const r = mulberry32(plan.seed + 7);
  const workspaceId = uuidv7(plan.now - 91 * 86_400_000, r);
  const accountId = uuidv7(plan.now - 91 * 86_400_000, r);
  const userIds = [1, 2, 3].map(() => uuidv7(plan.now - 91 * 86_400_000, r));
  const rows = makeRows(plan, { workspaceId, accountId, userIds });

  const started = performance.now();
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name: 'Bench shop', timezone: 'Europe/Kyiv', created_at: at })
    .execute();
  await db
    .insertInto('users')
    .values(
      userIds.map((id, n) => ({
        id,
        workspace_id: workspaceId,
        email: `agent${n}@bench.example`,
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$bench$bench',
        role: n === 0 ? 'owner' : 'agent',
        created_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('accounts')
    .values({
      id: accountId,
      workspace_id: workspaceId,
      provider: 'instagram',
      external_id: rows.accountIgId,
      username: 'bench.shop',
      name: 'Bench Shop',
      status: 'active',
      settings: '{}',
      created_at: at,
      updated_at: at,
    })
    .execute();

  // Contacts and conversations in the order they started, messages in the order they arrived.
  const order = Array.from({ length: plan.C }, (_, c) => c).sort((a, b) => plan.first[a] - plan.first[b]);
  await insertAll(db, 'contacts', plan.C, (j) => rows.contact(order[j]));
  await insertAll(db, 'conversations', plan.C, (j) => rows.conversation(order[j]));
  const messagesStarted = performance.now();
  let lastReport = 0;
  await insertAll(db, 'messages', plan.N, rows.message, (done) => {
    if (done - lastReport < 200_000 && done < plan.N) return;
    lastReport = done;
    const s = (performance.now() - messagesStarted) / 1000;
    log(`  ${handle.dialect}: ${done.toLocaleString('en')} messages, ${Math.round(done / s)} rows/s`);
  });
  const finished = performance.now();
  return {
    rows,
    workspaceId,
    accountId,
    seconds: (finished - started) / 1000,
    messageSeconds: (finished - messagesStarted) / 1000,
    totalRows: plan.N + 2 * plan.C + 5,
  };
}
