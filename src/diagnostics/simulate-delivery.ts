import { createHmac, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { demoWanted } from '../demo/demo.js';
import { sha256Hex } from '../secrets.js';
import { DiagnosticRepository } from './diagnostic.repository.js';
import { describeFetchError } from './http-probe.js';

export const deliveryUsage = `Usage: relaydesk simulate delivery [--url https://relaydesk.example.com] [--account <Instagram user id>]

Sends one test webhook to a running server, signed with INSTAGRAM_APP_SECRET exactly as Meta signs,
and follows it in the delivery log (this shell must use the server's database). The event's field
is "relaydesk_test", which no feature acts on. Without --account it carries the id 0, like the
App Dashboard's Test button, and is stored without an account; with --account it is routed to
that connected account and processed. --url defaults to PUBLIC_URL, else http://127.0.0.1:PORT.`;

export interface SimulateIo {
  print(text: string): void;
  error(text: string): void;
}

const consoleIo: SimulateIo = { print: (t) => console.log(t), error: (t) => console.error(t) };

/** `relaydesk simulate delivery`; resolves to the exit code */
export async function simulateDelivery(
  args: string[],
  config: Config,
  io: SimulateIo = consoleIo,
  waitMs = 15_000,
): Promise<number> {
  const { values } = parseArgs({ args, options: { url: { type: 'string' }, account: { type: 'string' } } });
  const account = values.account ?? '0';
  if (!/^\d{1,32}$/.test(account)) {
    io.error(`--account must be a numeric Instagram user id (the webhook entry id).\n\n${deliveryUsage}`);
    return 2;
  }
  const base = values.url ?? config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`;
  if (!/^https?:\/\//.test(base)) {
    io.error(`--url must start with http:// or https://.\n\n${deliveryUsage}`);
    return 2;
  }
  if (demoWanted(config)) {
    io.error(
      'Demo mode: the built-in simulator signs with a secret of its own. Use `relaydesk simulate dm`.',
    );
    return 1;
  }
  const secret = config.INSTAGRAM_APP_SECRET;
  if (!secret) {
    io.error('INSTAGRAM_APP_SECRET is not set here, so the delivery cannot be signed as Meta signs it.');
    return 1;
  }
  const raw = testDelivery(account, Date.now());
  const target = `${base.replace(/\/$/, '')}/api/v1/instagram/webhook`;
  const sent = await post(target, raw, secret);
  if ('reason' in sent) {
    io.error(`No answer from ${target}: ${sent.reason}. Is the server running there?`);
    return 1;
  }
  if (sent.status !== 200) {
    io.error(refusal(sent.status, sent.body));
    return 1;
  }
  return follow(config, sha256Hex(raw), account, io, waitMs);
}

/** a delivery in Meta's shape for a field no feature handles: stored, routed, processed, nothing else */
export function testDelivery(account: string, now: number): string {
  const value = {
    id: `relaydesk-test-${randomUUID()}`,
    text: 'relaydesk simulate delivery',
    sent_at: new Date(now).toISOString(),
  };
  return JSON.stringify({
    object: 'instagram',
    entry: [{ id: account, time: Math.floor(now / 1000), changes: [{ field: 'relaydesk_test', value }] }],
  });
}

async function post(url: string, raw: string, secret: string) {
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signature,
        'user-agent': 'relaydesk-simulate',
      },
      body: raw,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    return { reason: describeFetchError(err) };
  }
}

function refusal(status: number, body: string): string {
  let code = '';
  try {
    code = (JSON.parse(body) as { error?: string }).error ?? '';
  } catch {
    // not Relaydesk's JSON error: a proxy or another app answered
  }
  if (code === 'signature_invalid')
    return 'The server rejected the signature: it runs with another INSTAGRAM_APP_SECRET than this shell. Use one value for both (and for the Meta app).';
  if (code === 'not_configured')
    return 'The server has no INSTAGRAM_APP_SECRET, so it rejects every delivery from Meta.';
  return `The server answered HTTP ${status}${code ? ` (${code})` : ''} instead of 200: ${body.slice(0, 200)}`;
}

/** waits until the stored delivery is no longer `received`, and says what became of it */
async function follow(
  config: Config,
  sha: string,
  account: string,
  io: SimulateIo,
  waitMs: number,
): Promise<number> {
  const database = openDatabase(config.database);
  try {
    const repo = new DiagnosticRepository(database.db);
    const deadline = Date.now() + waitMs;
    let row = await repo.findMetaDelivery(sha);
    while ((!row || row.status === 'received') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      row = await repo.findMetaDelivery(sha);
    }
    if (!row) {
      io.error(
        'The server answered 200, but this database has no such delivery: the server uses another database (DATABASE_URL or DATA_DIR) than this shell.',
      );
      return 1;
    }
    const id = `delivery ${row.id}`;
    switch (row.status) {
      case 'processed':
        io.print(
          `Stored and processed: ${id}, ${row.event_count} event routed to account ${account}. See it on the Webhook log page.`,
        );
        return 0;
      case 'unrouted':
        if (account === '0') {
          io.print(
            `Stored: ${id}, without an account, as Meta's Test button delivery would be (id 0 is no account). Pass --account <Instagram user id> to follow a delivery through processing too.`,
          );
          return 0;
        }
        io.error(
          `Stored (${id}) but not routed: no connected Instagram account has the id ${account} (the id webhooks carry is /me's user_id, shown on the Accounts page).`,
        );
        return 1;
      case 'failed':
        io.error(`Stored (${id}) but processing failed: ${row.error ?? 'no reason recorded'}`);
        return 1;
      default:
        io.error(
          `Stored (${id}) but not processed within ${waitMs / 1000} s: is the job worker running? \`relaydesk doctor\` shows the queue's lag.`,
        );
        return 1;
    }
  } finally {
    await database.close();
  }
}
