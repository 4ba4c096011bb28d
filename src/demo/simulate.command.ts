import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { deliveryUsage, simulateDelivery } from '../diagnostics/simulate-delivery.js';
import { simulatorPrefix } from './demo.js';

const usage = `Usage: relaydesk simulate dm --from <username|igsid> --text <text> [--url http://127.0.0.1:3000]

Makes a customer of the demo account send a DM: the built-in simulator delivers it to the
running server as a signed Meta webhook, exactly as Instagram would.

${deliveryUsage}`;

interface SimDelivery {
  id: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  reason?: string;
  attempts: { status?: number }[];
}

/**
 * `relaydesk simulate dm …` against a server running in demo mode; `relaydesk simulate delivery`
 * against one with a real Meta app configured.
 */
export async function simulateCommand(args: string[], config: Config): Promise<number> {
  if (args[0] === 'delivery') return simulateDelivery(args.slice(1), config);
  const port = config.PORT;
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, text: { type: 'string' }, url: { type: 'string' } },
  });
  if (positionals[0] !== 'dm' || !values.from || !values.text) {
    console.error(usage);
    return 2;
  }
  const base = `${(values.url ?? `http://127.0.0.1:${port}`).replace(/\/$/, '')}${simulatorPrefix}/__sim`;
  let res: Response;
  try {
    res = await fetch(`${base}/customer-message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: values.from, text: values.text }),
    });
  } catch {
    console.error(
      `No Relaydesk server answers at ${base}. Start it with \`relaydesk serve\` (demo mode), or pass --url.`,
    );
    return 1;
  }
  if (res.status === 404) {
    console.error(
      'The server is not in demo mode (a Meta app is configured), so there is no simulator to send from.',
    );
    return 1;
  }
  if (!res.ok) {
    console.error(`The simulator refused: ${res.status} ${await res.text()}`);
    return 1;
  }
  const sent = (await res.json()) as { mid: string; igsid: string };
  const delivery = await waitForDelivery(base, sent.mid);
  if (delivery?.status === 'delivered') {
    console.log(
      `Delivered: ${values.from} (${sent.igsid}) → "${values.text}" (mid ${sent.mid}); Relaydesk answered 200.`,
    );
    return 0;
  }
  const why = delivery?.reason ?? `HTTP ${delivery?.attempts.at(-1)?.status ?? 'no answer'}`;
  console.error(
    `The webhook was not accepted (${delivery?.status ?? 'not sent'}: ${why}). See the Deliveries page.`,
  );
  return 1;
}

async function waitForDelivery(base: string, mid: string): Promise<SimDelivery | undefined> {
  const deadline = Date.now() + 15_000;
  let found: SimDelivery | undefined;
  while (Date.now() < deadline) {
    const list = (await (await fetch(`${base}/deliveries`)).json()) as { deliveries: SimDelivery[] };
    found = list.deliveries.find((d) => d.body.includes(mid));
    if (found && found.status !== 'pending') return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  return found;
}
