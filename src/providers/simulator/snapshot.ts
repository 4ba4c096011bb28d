import type { SimContext } from './context.js';
import { containerStatus } from './publishing.js';

// The state as plain JSON for GET /__sim/state: what other processes (relaydesk simulate, e2e
// tests) may inspect. Tokens and codes never leave; only their metadata does.

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export function snapshot(sim: SimContext) {
  const s = sim.state;
  return {
    now: iso(sim.clock()),
    app: { id: sim.app.id },
    settings: sim.settings,
    webhook: sim.webhooks.config,
    accounts: [...s.accounts.values()].map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
    tokens: [...s.tokens.values()].map((t) => ({
      accountId: t.accountId,
      kind: t.kind,
      permissions: t.permissions,
      issuedAt: iso(t.issuedAt),
      expiresAt: iso(t.expiresAt),
      revoked: t.revoked ?? null,
    })),
    customers: [...s.customers.values()],
    conversations: [...s.conversations.values()].map((c) => ({
      id: c.id,
      accountId: c.accountId,
      igsid: c.igsid,
      updatedAt: iso(c.updatedAt),
      lastCustomerMessageAt: iso(c.lastCustomerMessageAt),
      messages: s.messagesOf(c.id).map((m) => ({
        id: m.id,
        fromCustomer: m.fromCustomer,
        text: m.text ?? null,
        attachments: m.attachments,
        createdAt: iso(m.createdAt),
        tag: m.tag ?? null,
        privateReplyTo: m.privateReplyTo ?? null,
        reactions: m.reactions,
      })),
    })),
    media: [...s.media.values()].map((m) => ({ ...m, timestamp: iso(m.timestamp) })),
    containers: [...s.containers.values()].map((c) => ({
      ...c,
      createdAt: iso(c.createdAt),
      statusCode: containerStatus(sim, c),
    })),
    comments: [...s.comments.values()].map((c) => ({ ...c, timestamp: iso(c.timestamp) })),
    publishCalls: s.publishCalls.map((p) => ({ ...p, at: iso(p.at) })),
    calls: s.calls.map((c) => ({ ...c, at: iso(c.at) })),
    deliveries: sim.webhooks.deliveries(),
    faults: sim.faults.list(),
  };
}
