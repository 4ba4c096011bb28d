import type { AddressInfo } from 'node:net';
import type { DialectName } from '../../src/db/database.js';
import type { Simulator } from '../../src/providers/simulator/server.js';
import { simEnv, startTestSimulator } from '../../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from './app.js';

// The automation tests' world: the simulator plays Instagram (customers write and comment, its
// webhooks are signed and posted to the app over HTTP), the app's worker runs the engine, and the
// simulator's own state says what Instagram received.

export interface Action {
  id: string;
  kind: string;
  status: string;
  reason: string | null;
  ruleId: string | null;
  text: string | null;
  messageId: string | null;
  conversationId: string | null;
}

export type AutomationWorld = Awaited<ReturnType<typeof startAutomationWorld>>;

export async function startAutomationWorld(dialect: DialectName, username = 'linen.bot') {
  const { sim, close: stopSim } = await startTestSimulator({ clock: () => Date.now() });
  const t: TestApp = await createTestApp(dialect, {
    ...simEnv(sim),
    PUBLIC_URL: 'https://relaydesk.example.com',
  });
  await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.http.server.address() as AddressInfo).port;
  sim.webhooks.configure({ url: `http://127.0.0.1:${port}/api/v1/instagram/webhook` });
  const { account, accessToken } = sim.createAccount({ username });

  async function api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
    const res = await t.app.http.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${t.token}` },
    });
    return { status: res.statusCode, body: res.json() };
  }

  const accountId: string = (await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken }))
    .body.id;
  // the history import runs first on connect; the tests start after it
  await eventually(async () => (await api('GET', `/api/v1/accounts/${accountId}/polling`)).body.backfilledAt);

  /** what Instagram received from the business in the conversation with this customer */
  const sentTo = (sim: Simulator, username: string) => {
    const igsid = sim.state.findCustomer(username)?.igsid;
    return [...sim.state.messages.values()].filter((m) => !m.fromCustomer && m.igsid === igsid);
  };
  const conversationOf = async (username: string): Promise<{ id: string; automation: object }> =>
    eventually(async () =>
      (await api('GET', '/api/v1/conversations?limit=100')).body.items.find(
        (c: { contact: { username: string | null } }) => c.contact.username === username,
      ),
    );
  const actionsIn = async (conversationId: string): Promise<Action[]> =>
    (await api('GET', `/api/v1/automation-actions?conversationId=${conversationId}`)).body.items;

  return {
    t,
    sim,
    api,
    accountId,
    igUserId: account.userId,
    sentTo: (username: string) => sentTo(sim, username),
    conversationOf,
    actionsIn,
    /** waits until the conversation has n decisions, newest first */
    async decisions(username: string, n: number): Promise<Action[]> {
      const c = await conversationOf(username);
      return eventually(async () => {
        const list = await actionsIn(c.id);
        return list.length >= n ? list : null;
      });
    },
    /** decisions of a rule, newest first, once there are n */
    async ruleDecisions(ruleId: string, n: number): Promise<Action[]> {
      return eventually(async () => {
        const list: Action[] = (await api('GET', `/api/v1/automation-actions?ruleId=${ruleId}`)).body.items;
        return list.length >= n ? list : null;
      });
    },
    async write(from: string, text: string) {
      sim.customerSends({ from, text });
      // Meta's timestamps are milliseconds: keep consecutive messages apart
      await new Promise((r) => setTimeout(r, 5));
    },
    async close() {
      await t.close();
      await stopSim();
    },
  };
}
