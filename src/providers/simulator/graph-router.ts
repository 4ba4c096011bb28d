import { accountRoutes } from './accounts.js';
import { authenticate } from './auth.js';
import { commentRoutes } from './comments.js';
import type { GraphRequest, NodeKind, Resolved, Route, SimContext } from './context.js';
import { conversationRoutes } from './conversations.js';
import { graphErrors } from './errors.js';
import { parseFields } from './fields.js';
import { accessToken, type ParsedRequest, str } from './http-io.js';
import { insightRoutes } from './insights.js';
import { mediaRoutes } from './media.js';
import { mentionRoutes } from './mentions.js';
import { messagingRoutes } from './messaging.js';
import { publishingRoutes } from './publishing.js';
import type { SimAccount } from './types.js';

// Graph paths are `/{node-id}` or `/{node-id}/{edge}`. The node id decides the node type (the
// account, a customer, a media, a container, …) and the route table maps type × method × edge.

const routes: Route[] = [
  ...accountRoutes,
  ...messagingRoutes,
  ...conversationRoutes,
  ...mediaRoutes,
  ...publishingRoutes,
  ...commentRoutes,
  ...insightRoutes,
  ...mentionRoutes,
];
const table = new Map(routes.map((r) => [`${r.kind} ${r.method} ${r.edge}`, r]));
const edges = new Map<NodeKind, Set<string>>();
for (const r of routes) edges.set(r.kind, (edges.get(r.kind) ?? new Set()).add(r.edge));

export function handleGraph(sim: SimContext, req: ParsedRequest): unknown {
  const { token, account } = authenticate(sim, req);
  const [id = '', edge = '', ...rest] = req.segments;
  if (rest.length) throw graphErrors.unknownPath(`${edge}/${rest.join('/')}`);
  const resolved = resolveNode(sim, account, id, req.method);
  const found = table.get(`${resolved.kind} ${req.method} ${edge}`);
  if (!found) {
    if (edge && !edges.get(resolved.kind)?.has(edge)) throw graphErrors.unknownPath(edge);
    if (edges.get(resolved.kind)?.has(edge)) throw graphErrors.unsupportedMethod(req.method);
    throw graphErrors.unsupported(req.method, id);
  }
  if (!token.permissions.includes(found.permission)) throw graphErrors.permission();
  const r: GraphRequest = {
    sim,
    req,
    token,
    account,
    fields: parseFields(str(req.params.fields)),
    link: (cursor) => {
      const q = new URLSearchParams(req.query);
      q.delete('after');
      q.delete('before');
      if (!q.has('access_token')) q.set('access_token', accessToken(req) ?? '');
      for (const [k, v] of Object.entries(cursor)) if (v) q.set(k, v);
      return `${sim.baseUrl()}/${req.version ?? sim.settings.apiVersion}${req.path}?${q}`;
    },
  };
  return found.handle(r, resolved.node);
}

/** Nodes of another account look like missing ones, as they do on Graph (100/33). */
function resolveNode(sim: SimContext, account: SimAccount, id: string, method: string): Resolved {
  const s = sim.state;
  const own = <T extends { accountId: string }>(x: T | undefined) =>
    x && x.accountId === account.userId ? x : undefined;
  if (id === 'me' || id === account.userId || id === account.appScopedId)
    return { kind: 'user', node: account };
  const customer = s.customers.get(id);
  if (customer) return { kind: 'igsid', node: customer };
  const media = own(s.media.get(id));
  if (media) return { kind: 'media', node: media };
  const container = own(s.containers.get(id));
  if (container) return { kind: 'container', node: container };
  const comment = own(s.comments.get(id));
  if (comment) return { kind: 'comment', node: comment };
  const conversation = own(s.conversations.get(id));
  if (conversation) return { kind: 'conversation', node: conversation };
  const message = own(s.messages.get(id));
  if (message) return { kind: 'message', node: message };
  throw graphErrors.unsupported(method, id);
}
