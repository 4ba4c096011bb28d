// The moving parts of bench/scheduler.js: accounts and posts created over the public API, the
// baseline, and waiting for the simulator to have seen every publish.
import { graphCaller } from '../dist/server/providers/simulator/testing.js';

/** posts start this long after creation begins: creating 500 over HTTP must finish before */
const LEAD_MS = 20_000;
const BATCH = 25;

async function call(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function login(url, admin) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return (await res.json()).accessToken;
}

/**
 * `accounts` connected accounts and `posts` image posts, each with a unique caption, scheduled to
 * whole seconds spread evenly over one minute (about 8 due at every second for 500).
 */
export async function createPosts(url, token, sim, { posts, accounts }) {
  const accountIds = [];
  for (let i = 0; i < accounts; i++) {
    const { accessToken } = sim.createAccount({ username: `bench.shop${i + 1}` });
    accountIds.push(
      (await call(url, token, 'POST', '/api/v1/accounts', { provider: 'instagram', accessToken })).id,
    );
  }
  const began = Date.now();
  const start = Math.ceil((began + LEAD_MS) / 1000) * 1000;
  const planned = Array.from({ length: posts }, (_, i) => ({
    caption: `bench post #${i}`,
    at: start + Math.floor((i * 60) / posts) * 1000,
    accountId: accountIds[i % accounts],
  }));
  for (let i = 0; i < planned.length; i += BATCH) {
    await Promise.all(
      planned.slice(i, i + BATCH).map((p, k) =>
        call(url, token, 'POST', '/api/v1/auto-posts', {
          accountId: p.accountId,
          media: [{ type: 'image', url: `https://cdn.example/bench/${i + k}.jpg` }],
          caption: p.caption,
          scheduledAt: new Date(p.at).toISOString(),
        }),
      ),
    );
  }
  const createSeconds = (Date.now() - began) / 1000;
  if (Date.now() > start - 1_000)
    throw new Error(`creating ${posts} posts took ${createSeconds} s; raise LEAD_MS`);
  return { posts: planned, start, createSeconds };
}

/**
 * The floor any scheduler sits on, measured the same way as Relaydesk: a bare setTimeout armed now
 * for each instant that makes the same container-creation call for an account of its own, and the
 * simulator's arrival time of that call minus the instant (ms).
 */
export async function callBaseline(sim, instants) {
  const { account, accessToken } = sim.createAccount({ username: 'bench.baseline' });
  const graph = graphCaller(sim, accessToken, sim.endpoints().apiVersion);
  const caption = (i) => `baseline #${i}`;
  await Promise.all(
    instants.map(
      (at, i) =>
        new Promise((resolve, reject) =>
          setTimeout(
            () => {
              const body = { image_url: `https://cdn.example/baseline/${i}.jpg`, caption: caption(i) };
              graph.post(`/${account.userId}/media`, body, 'form').then((res) => {
                if (res.status === 200) resolve();
                else reject(new Error(`baseline container call: ${res.status} ${JSON.stringify(res.body)}`));
              }, reject);
            },
            Math.max(0, at - Date.now()),
          ),
        ),
    ),
  );
  const arrived = new Map();
  for (const c of sim.state.containers.values())
    if (c.accountId === account.userId) arrived.set(c.caption, c.createdAt);
  return instants.map((at, i) => arrived.get(caption(i)) - at);
}

/** until the simulator recorded `n` successful media_publish calls, or the deadline */
export async function waitForPublishes(sim, n, deadline) {
  const began = Date.now();
  const ok = () => sim.state.publishCalls.filter((c) => c.ok);
  while (ok().length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const seconds = (Date.now() - began) / 1000;
  // a moment more: a duplicate publish would arrive after the n-th
  await new Promise((r) => setTimeout(r, 3_000));
  return {
    seconds,
    /** scheduledAt → media_publish, per post (informational: includes Meta's processing and polls) */
    publishLags(posts) {
      const at = new Map(posts.map((p) => [p.caption, p.at]));
      return ok().flatMap((c) => {
        const scheduled = at.get(sim.state.containers.get(c.creationId)?.caption);
        return scheduled === undefined ? [] : [c.at - scheduled];
      });
    },
  };
}
