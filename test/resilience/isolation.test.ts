import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/providers/simulator/server.js';
import { simEnv, startTestSimulator } from '../../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from '../support/app.js';
import { dialects } from '../support/db.js';
import { dbName, info, none, reportFigures } from '../support/figures.js';
import { isPublic, type JsonSchema, readSpec, type Spec } from '../support/openapi.js';

// Workspace isolation, table-driven from the route table: workspace B owns one of every resource
// the API can make; workspace A (another owner) calls EVERY authenticated route with B's ids in
// every path parameter and plausible bodies that point at B's things. Nothing may succeed, no
// answer may carry B's ids or secrets, and B's resources must be exactly as they were. A route
// added later is walked automatically; one that cannot be walked must be listed in `skipped`.
// (This file replaces test/api-isolation.test.ts.)

// Authenticated routes the walk does not call, each with the reason. The test fails when a route
// is neither walked nor listed here, and when an entry here names a route that no longer exists.
const skipped: Record<string, string> = {
  // A stream that never ends (inject would wait forever); its isolation is checked over real
  // HTTP in "streams only A's own events" below.
  'GET /api/v1/events': 'Server-Sent Events: checked over HTTP by its own test',
  'HEAD /api/v1/events': 'Server-Sent Events: checked over HTTP by its own test',
};

const MARK = 'bsecret7731'; // in B's texts: must never reach A

interface Route {
  method: string;
  url: string;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON of every route, read field by field
type Res = { status: number; body: string; json: () => any };

/** a value that fits the schema, with every id-like field pointing at one of B's resources */
function plausible(
  s: JsonSchema | undefined,
  idFor: (field: string) => string | undefined,
  field = '',
): unknown {
  if (!s) return undefined;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0], idFor, field);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = plausible(v, idFor, k);
      return o;
    }
    case 'array':
      return [plausible(s.items, idFor, field.replace(/s$/, ''))];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    default: {
      const id = idFor(field);
      if (id) return id;
      if (s.format === 'date-time') return new Date(Date.now() + 7 * 86_400_000).toISOString();
      if (s.format === 'email') return 'a@a.example';
      if (s.format === 'uri' || s.format === 'url' || /url$/i.test(field)) return 'https://cdn.example/x.jpg';
      if (/^timeOfDay$|^from$|^to$/.test(field)) return '10:00';
      if (s.pattern?.includes('\\d')) return '17841400000000001';
      return 'hello'.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? 100);
    }
  }
}

/** every id-looking string of a JSON value */
function harvest(v: unknown, out: Map<string, string>, key = ''): void {
  if (Array.isArray(v)) for (const x of v) harvest(x, out, key);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) harvest(x, out, k);
  else if (typeof v === 'string' && (key === 'id' || /Id$/.test(key)) && v.length >= 6 && !out.has(v))
    out.set(v, key);
}

describe.each(dialects)('workspace isolation on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let hook: Server;
  let base: string;
  let tokenA: string;
  let routes: Route[];
  let spec: Spec;
  /** B's ids by what they are (accountId, productId, …), for bodies */
  const bByKind = new Map<string, string>();
  /** every id B's responses contain */
  const bIds = new Map<string, string>();
  /** strings only B knows: API key, webhook secret, tokens, message texts */
  const bSecrets: string[] = [MARK];
  let bAccessToken: string;
  let bReadable = 0;

  const call = (token: string | null, method: string, url: string, payload?: unknown): Promise<Res> =>
    t.app.http
      .inject({
        method: method as 'GET',
        url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      })
      .then((r) => ({ status: r.statusCode, body: r.body, json: () => JSON.parse(r.body) }));
  const asB = (method: string, url: string, payload?: unknown) => call(t.token, method, url, payload);
  const created = async (method: string, url: string, payload: unknown, kind: string) => {
    const res = await asB(method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.body}`);
    const body = res.json() as { id: string };
    bByKind.set(kind, body.id);
    return body as { id: string } & Record<string, unknown>;
  };

  beforeAll(async () => {
    // The outbound webhook's receiver (so B has deliveries to look at).
    hook = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((done) => hook.listen(0, '127.0.0.1', done));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;

    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => Date.now() }));
    t = await createTestApp(dialect, { ...simEnv(sim), PUBLIC_URL: 'https://relaydesk.example.com' });
    base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    sim.webhooks.configure({ url: `${base}/api/v1/instagram/webhook` });
    routes = dedupe(t.app.http.routeTable);
    spec = readSpec((await call(null, 'GET', '/docs/json')).json());

    // ---- workspace B (the admin's): one of everything ----
    const { accessToken } = sim.createAccount({ username: `shop.${MARK}`, historyDays: 2 });
    bAccessToken = accessToken;
    bSecrets.push(accessToken);
    const account = await created(
      'POST',
      '/api/v1/accounts',
      { provider: 'instagram', accessToken },
      'accountId',
    );
    await eventually(
      async () => (await asB('GET', `/api/v1/accounts/${account.id}/polling`)).json().backfilledAt,
    );
    const product = await created(
      'POST',
      '/api/v1/products',
      { name: `Сукня ${MARK}`, price: '1299.00', currency: 'UAH', imageUrls: ['https://cdn.example/d.jpg'] },
      'productId',
    );
    await created(
      'POST',
      '/api/v1/caption-templates',
      { name: MARK, body: `{product_name} ${MARK}` },
      'captionTemplateId',
    );
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await created(
      'POST',
      '/api/v1/auto-posts',
      {
        accountId: account.id,
        productId: product.id,
        captionTemplate: `{product_name} ${MARK}`,
        scheduledAt: inAWeek,
      },
      'autoPostId',
    );
    await created(
      'POST',
      '/api/v1/auto-post-series',
      {
        accountId: account.id,
        name: MARK,
        productIds: [product.id],
        timeOfDay: '10:00',
        captionTemplate: MARK,
      },
      'seriesId',
    );
    await created(
      'POST',
      '/api/v1/dm-keywords',
      { keyword: 'ціна', responseMessage: `${MARK} ціна`, cooldownSeconds: 0 },
      'ruleId',
    );
    await created(
      'POST',
      '/api/v1/comment-rules',
      { name: MARK, accountId: account.id, scope: 'all', publicReplies: [`Дякуємо ${MARK}`] },
      'commentRuleId',
    );
    const webhook = await created(
      'POST',
      '/api/v1/outbound-webhooks',
      { url: hookUrl, eventTypes: ['*'] },
      'webhookId',
    );
    bSecrets.push(String(webhook.secret));
    const key = await created(
      'POST',
      '/api/v1/api-keys',
      { name: MARK, scopes: ['read', 'write'] },
      'apiKeyId',
    );
    bSecrets.push(String(key.key));
    const upload = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'image/png' },
      payload: Buffer.from(`\x89PNG ${MARK}`),
    });
    expect(upload.statusCode).toBe(201);
    bByKind.set('attachmentId', upload.json().id);

    // A customer writes (contact, conversation, inbound message, a delivery, the keyword's
    // automation action) and comments on a post (post, comment, comment rule action).
    sim.customerSends({ from: `olga_${MARK}`, text: `ціна? ${MARK}` });
    const conversation = await eventually(
      async () => (await asB('GET', '/api/v1/conversations')).json().items[0],
    );
    bByKind.set('conversationId', conversation.id);
    bByKind.set('contactId', conversation.contact.id);
    const sent = await asB('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      text: `reply ${MARK}`,
    });
    expect(sent.status).toBe(202);
    bByKind.set('messageId', sent.json().id);
    const post = await eventually(async () => (await asB('GET', '/api/v1/posts')).json().items[0]);
    bByKind.set('postId', post.id);
    bByKind.set('mediaId', post.igMediaId);
    sim.customerComments({ from: `ivan_${MARK}`, text: `linen? ${MARK}`, mediaId: post.igMediaId });
    const comment = await eventually(
      async () => (await asB('GET', `/api/v1/media/${post.id}/comments`)).json().items[0],
    );
    bByKind.set('commentId', comment.id);
    const sync = await asB('POST', `/api/v1/accounts/${account.id}/sync-media`);
    bByKind.set('jobId', sync.json().jobId);
    await eventually(
      async () => (await asB('GET', `/api/v1/outbound-webhooks/${webhook.id}/deliveries`)).json().items[0],
    );
    await eventually(async () => (await asB('GET', '/api/v1/automation-actions')).json().items[0]);

    // Everything B can see holds B's ids.
    for (const r of routes.filter(
      (r) => r.method === 'GET' && authenticated(r) && !r.url.includes(':') && !skipped[`GET ${r.url}`],
    ))
      harvest(tryJson((await asB('GET', r.url)).body), bIds);
    for (const r of routes.filter((r) => r.method === 'GET' && authenticated(r) && r.url.includes(':')))
      for (const id of [...bIds.keys()]) {
        const res = await asB('GET', r.url.replace(/:\w+/g, id));
        if (res.status === 200) {
          bReadable++;
          harvest(tryJson(res.body), bIds);
        }
      }
    for (const [kind, id] of bByKind) if (!bIds.has(id)) bIds.set(id, kind);
    // control: the ids A will be refused with do open B's things for B itself
    expect(bReadable).toBeGreaterThan(15);

    // ---- workspace A: another owner, empty ----
    await t.app.services.auth.createUser({
      email: 'a@other.example',
      password: 'another password',
      role: 'owner',
    });
    tokenA = (
      await call(null, 'POST', '/api/v1/auth/login', {
        email: 'a@other.example',
        password: 'another password',
      })
    ).json().accessToken as never;
    // What a fresh workspace sees by itself (the Meta app's id, …) is nobody's secret.
    const shared = new Map<string, string>();
    for (const r of routes.filter(
      (r) => r.method === 'GET' && authenticated(r) && !r.url.includes(':') && !skipped[`GET ${r.url}`],
    ))
      harvest(tryJson((await call(tokenA, 'GET', r.url)).body), shared);
    for (const id of shared.keys()) bIds.delete(id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await stopSim?.();
    await new Promise((done) => hook?.close(done));
  });

  const authenticated = (r: Route) => r.url.startsWith('/api/v1/') && !isPublic(r.url);

  it('rejects every authenticated route without a token', async () => {
    const walked = routes.filter((r) => authenticated(r));
    expect(walked.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const r of walked) {
      const res = await call(
        null,
        r.method,
        r.url.replace(/:(\w+)/g, 'x'),
        r.method === 'GET' || r.method === 'HEAD' ? undefined : {},
      );
      if (res.status !== 401) wrong.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives A none of B's resources on any route, and leaves them as they were", async () => {
    const snapshotB = async () => {
      const snap: Record<string, unknown> = {};
      for (const r of routes.filter(
        (r) => r.method === 'GET' && authenticated(r) && !skipped[`GET ${r.url}`],
      )) {
        // counters and health move by themselves (the worker, the clock) and the OAuth URL carries a
        // fresh state each time; resources do not
        if (
          /\/(jobs|diagnostics|stats|statistics|top-posts|insights|polling|events|webhook-events|automation-actions|deliveries|sync-media|config|oauth-url)\b/.test(
            r.url,
          )
        )
          continue;
        const urls = r.url.includes(':')
          ? [...bByKind.values()].map((id) => r.url.replace(/:\w+/g, id))
          : [r.url];
        for (const url of urls) {
          const res = await asB('GET', url);
          if (res.status === 200) snap[url] = tryJson(res.body);
        }
      }
      return snap;
    };
    const before = await snapshotB();
    expect(Object.keys(before).length).toBeGreaterThan(15);

    const ids = [...bIds.keys()];
    // path parameters take Relaydesk's ids (UUIDs); Instagram's own ids of B's things (mids,
    // media ids) are still checked for in every answer
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const pathIds = ids.filter((id) => uuid.test(id));
    const idFor = (field: string) => {
      const kind = field === 'id' ? undefined : field.endsWith('Id') ? field : `${field}Id`;
      return kind
        ? (bByKind.get(kind) ?? (/Id$/.test(field) ? bByKind.get('accountId') : undefined))
        : undefined;
    };
    const problems: string[] = [];
    const walkedRoutes = new Set<string>();
    let requests = 0;
    let withBody = 0;
    const check = (r: Route, url: string, payload: unknown, res: Res, allowSuccess: boolean) => {
      requests++;
      const label = `${r.method} ${url}${payload === undefined ? '' : ` ${JSON.stringify(payload).slice(0, 120)}`}`;
      if (res.status >= 500) problems.push(`${label} → ${res.status} ${res.body.slice(0, 200)}`);
      else if (res.status < 400 && !allowSuccess)
        problems.push(`${label} → ${res.status} (B's resource reached)`);
      else if (res.status >= 400 && ![400, 403, 404, 409, 413, 415, 422, 429].includes(res.status))
        problems.push(`${label} → ${res.status}`);
      // 409 is a refusal only when it does not say B's thing exists in a state; only the
      // documented cross-workspace one is accepted
      else if (res.status === 409 && tryJson(res.body)?.error !== 'account_in_other_workspace')
        problems.push(`${label} → 409 ${res.body.slice(0, 200)} (B's resource was found)`);
      // an error may repeat what A sent; a success may hold none of B's ids at all
      const sent = `${url} ${JSON.stringify(payload) ?? ''}`;
      for (const id of ids)
        if (res.body.includes(id) && (res.status < 400 || !sent.includes(id)))
          problems.push(`${label} → ${res.status} shows B's ${bIds.get(id)} ${id}`);
      for (const secret of bSecrets)
        if (res.body.includes(secret)) problems.push(`${label} → ${res.status} shows B's secret`);
    };

    for (const r of routes.filter(authenticated)) {
      const key = `${r.method} ${r.url}`;
      if (skipped[key]) continue;
      walkedRoutes.add(key);
      const op = spec.get(key);
      const body = op?.body;
      const payload = r.method === 'GET' || r.method === 'HEAD' ? undefined : (plausible(body, idFor) ?? {});
      if (body) withBody++;
      // query parameters that name a resource point at B's (?accountId=, ?conversationId=, …)
      const query = (op?.query ?? [])
        .filter((p) => idFor(p.name) && p.name !== 'cursor')
        .map((p) => `${p.name}=${idFor(p.name)}`)
        .join('&');
      if (!r.url.includes(':')) {
        // lists and creates: A may succeed on its own workspace, but never see or link B's things
        const url = query ? `${r.url}?${query}` : r.url;
        check(r, url, payload, await call(tokenA, r.method, url, payload), true);
        continue;
      }
      // every one of B's ids in every parameter; the first parameter also as B's account (for
      // /accounts/:id/sync-media/:jobId and its kin)
      for (const id of pathIds) {
        const urls = [r.url.replace(/:\w+/g, id)];
        if ((r.url.match(/:\w+/g) ?? []).length > 1)
          urls.push(r.url.replace(/:\w+/, bByKind.get('accountId') ?? '').replace(/:\w+/g, id));
        for (const url of urls) {
          const full = query ? `${url}?${query}` : url;
          check(r, full, payload, await call(tokenA, r.method, full, payload), false);
        }
      }
    }

    // A cannot take over B's Instagram account by pasting its token.
    const takeover = await call(tokenA, 'POST', '/api/v1/accounts', {
      provider: 'instagram',
      accessToken: bAccessToken,
    });
    expect([takeover.status, tryJson(takeover.body)?.error]).toEqual([409, 'account_in_other_workspace']);

    // Every authenticated route was walked or is skipped with a reason, and no skip is stale.
    const table = new Set(routes.filter(authenticated).map((r) => `${r.method} ${r.url}`));
    expect([...table].filter((k) => !walkedRoutes.has(k) && !skipped[k])).toEqual([]);
    expect(Object.keys(skipped).filter((k) => !table.has(k))).toEqual([]);
    expect(walkedRoutes.size).toBeGreaterThan(100);
    expect(withBody).toBeGreaterThan(25);
    expect(pathIds.length).toBeGreaterThan(15);
    expect(requests).toBeGreaterThan(1000);
    expect(problems).toEqual([]);

    // A's own view: empty lists; B's: as before.
    for (const url of [
      '/api/v1/accounts',
      '/api/v1/conversations',
      '/api/v1/contacts',
      '/api/v1/webhook-events',
      '/api/v1/posts',
      '/api/v1/products',
      '/api/v1/dm-keywords',
    ]) {
      const items = (tryJson((await call(tokenA, 'GET', url)).body) as { items: { id: string }[] }).items;
      expect({ url, items: items.filter((i) => bIds.has(i.id)) }).toEqual({ url, items: [] });
    }
    expect(await snapshotB()).toEqual(before);
    const db = dbName(dialect);
    reportFigures('isolation', [
      info(`routes walked with the other workspace's ids (${db})`, walkedRoutes.size),
      info(`requests (${db})`, requests),
      none(`answers that reached, showed or changed the other workspace (${db})`, problems.length),
    ]);
  });

  it("never shows another workspace's deliveries or counts them in A's statistics", async () => {
    const bList = tryJson((await asB('GET', '/api/v1/webhook-events')).body) as {
      items: { id: string; status: string }[];
    };
    const delivery = bList.items.find((i) => i.status === 'processed');
    expect(delivery).toBeDefined();
    const aList = tryJson((await call(tokenA, 'GET', '/api/v1/webhook-events')).body) as { items: unknown[] };
    expect(aList.items).toEqual([]);
    expect((await call(tokenA, 'GET', `/api/v1/webhook-events/${delivery?.id}`)).status).toBe(404);
    expect((await call(tokenA, 'POST', `/api/v1/webhook-events/${delivery?.id}/replay`)).status).toBe(404);
    const aStats = tryJson((await call(tokenA, 'GET', '/api/v1/instagram/stats')).body) as {
      totalMessages: number;
    };
    expect(aStats.totalMessages).toBe(0);
    const bStats = tryJson((await asB('GET', '/api/v1/instagram/stats')).body) as { inboundMessages: number };
    expect(bStats.inboundMessages).toBeGreaterThan(0);
  });

  it("streams only A's own events", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: `Bearer ${tokenA}` },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let seen = '';
    const reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          seen += Buffer.from(value).toString('utf8');
        }
      } catch {
        // aborted
      }
    })();
    // B gets a message and sends one: events in B's workspace
    sim.customerSends({ from: `olga_${MARK}`, text: `still there? ${MARK}` });
    const conversationId = bByKind.get('conversationId');
    await eventually(async () => {
      const items = (
        tryJson((await asB('GET', `/api/v1/conversations/${conversationId}/messages`)).body) as {
          items: { text: string }[];
        }
      ).items;
      return items.some((m) => m.text?.startsWith('still there?'));
    });
    await new Promise((r) => setTimeout(r, 300));
    ctrl.abort();
    await reading;
    expect(seen).toContain(': connected');
    expect(seen.includes('event:')).toBe(false);
    for (const id of bIds.keys()) expect(seen.includes(id)).toBe(false);
    expect(seen.includes(MARK)).toBe(false);
  });
});

function dedupe(table: Route[]): Route[] {
  const seen = new Set<string>();
  return table.filter((r) => {
    const k = `${r.method} ${r.url}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// biome-ignore lint/suspicious/noExplicitAny: JSON of every route, read field by field
function tryJson(body: string): any {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
