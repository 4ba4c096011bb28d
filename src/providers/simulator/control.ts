import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FaultSpec } from './faults.js';
import { type ParsedRequest, sendJson } from './http-io.js';
import { placeholderSvg } from './images.js';
import type { Simulator } from './server.js';

// The HTTP twin of the in-process API, under /__sim/, so `relaydesk simulate` and other
// processes can inject customer events and faults and read what was called. Local use only:
// the simulator listens on 127.0.0.1 by default. Errors use Relaydesk's own shape.

const match = {
  path: z.string().optional(),
  method: z.string().optional(),
  times: z.union([z.number().int().min(1), z.literal('always')]).optional(),
};
const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('error'),
    code: z.number().int(),
    subcode: z.number().int().optional(),
    message: z.string().optional(),
    type: z.string().optional(),
    status: z.number().int().optional(),
    isTransient: z.boolean().optional(),
    ...match,
  }),
  z.object({
    kind: z.literal('http'),
    status: z.number().int().min(400).max(599),
    body: z.string().optional(),
    contentType: z.string().optional(),
    ...match,
  }),
  z.object({
    kind: z.literal('rate_limit'),
    scope: z.enum(['app', 'account']).optional(),
    code: z.number().int().optional(),
    status: z.number().int().optional(),
    regainAccessMinutes: z.number().int().min(0).optional(),
    ...match,
  }),
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0), ...match }),
  z.object({ kind: z.literal('hang'), ...match }),
]);
const attachments = z
  .array(z.object({ type: z.string(), url: z.string().optional(), id: z.string().optional() }))
  .optional();
const schemas = {
  message: z.object({
    from: z.string().min(1),
    text: z.string().optional(),
    attachments,
    replyTo: z.string().optional(),
    to: z.string().optional(),
  }),
  reaction: z.object({
    from: z.string().min(1),
    mid: z.string().min(1),
    reaction: z.string().optional(),
    emoji: z.string().optional(),
    action: z.enum(['react', 'unreact']).optional(),
  }),
  read: z.object({ from: z.string().min(1), mid: z.string().optional(), to: z.string().optional() }),
  comment: z.object({
    from: z.string().min(1),
    text: z.string().min(1),
    mediaId: z.string().optional(),
    parentId: z.string().optional(),
    to: z.string().optional(),
  }),
  mention: z.object({
    from: z.string().min(1),
    text: z.string().min(1),
    inComment: z.boolean().optional(),
    to: z.string().optional(),
  }),
  account: z.object({
    username: z.string().optional(),
    name: z.string().optional(),
    followersCount: z.number().int().optional(),
    subscribedFields: z.array(z.string()).optional(),
    tokenKind: z.enum(['short', 'long']).optional(),
    historyDays: z.number().int().min(1).max(730).optional(),
  }),
  storyInsights: z.object({
    to: z.string().optional(),
    mediaId: z.string().optional(),
    reach: z.number().int().min(0).optional(),
    replies: z.number().int().min(0).optional(),
    exits: z.number().int().min(0).optional(),
    tapsForward: z.number().int().min(0).optional(),
    tapsBack: z.number().int().min(0).optional(),
  }),
  token: z.object({
    token: z.string().optional(),
    accountId: z.string().optional(),
    reason: z.enum(['logged_out', 'deauthorized', 'password_changed']).optional(),
  }),
  webhook: z.object({ url: z.string().url().nullable().optional(), appSecret: z.string().min(1).optional() }),
  outcome: z.object({
    status: z.enum(['ERROR', 'EXPIRED']),
    containerId: z.string().optional(),
    times: z.number().int().min(1).optional(),
  }),
  times: z.object({ times: z.number().int().min(1).optional() }),
  advance: z.object({ ms: z.number().int().min(0) }),
  seed: z.object({ subscribe: z.boolean().optional() }),
};

class ControlError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function body<T>(schema: z.ZodType<T>, req: ParsedRequest): T {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) {
    throw new ControlError(
      400,
      'validation_failed',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

export function handleControl(sim: Simulator, req: ParsedRequest, res: ServerResponse): void {
  try {
    const [, what = '', id, action] = req.segments;
    if (req.method === 'GET' && what === 'img' && id) {
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
      res.end(placeholderSvg(id));
      return;
    }
    const result = dispatch(
      sim,
      req,
      `${req.method} ${[what, id && (action ? ':id' : id), action].filter(Boolean).join('/')}`,
      id,
    );
    if (result === undefined)
      throw new ControlError(
        404,
        'route_not_found',
        `${req.method} ${req.path} is not a simulator control route`,
      );
    sendJson(res, 200, result);
  } catch (err) {
    const e =
      err instanceof ControlError
        ? err
        : new ControlError(400, 'validation_failed', err instanceof Error ? err.message : String(err));
    sendJson(res, e.statusCode, { error: e.code, message: e.message, statusCode: e.statusCode });
  }
}

function dispatch(sim: Simulator, req: ParsedRequest, key: string, id: string | undefined): unknown {
  const tokenTarget = () => {
    const b = body(schemas.token, req);
    const target = b.token ?? b.accountId;
    if (!target) throw new ControlError(400, 'validation_failed', 'token or accountId is required');
    return { target, reason: b.reason };
  };
  switch (key) {
    case 'GET state':
      return sim.snapshot();
    case 'GET calls':
      return { calls: sim.calls({ method: req.query.method, path: req.query.path }) };
    case 'DELETE calls':
      sim.clearCalls();
      return { success: true };
    case 'GET deliveries':
      return { deliveries: sim.webhooks.deliveries() };
    case 'POST deliveries/:id/redeliver':
      return sim.webhooks.redeliver(id ?? '') ?? notFound(`delivery ${id}`);
    case 'POST webhook-config':
      sim.webhooks.configure(body(schemas.webhook, req));
      return sim.webhooks.config;
    case 'POST accounts': {
      const { media, ...created } = sim.createAccount(body(schemas.account, req));
      return { ...created, media: media.length };
    }
    case 'POST story-insights': {
      const r = sim.storyInsights(body(schemas.storyInsights, req));
      return { mediaId: r.media.id, delivery: r.delivery.status };
    }
    case 'POST seed-demo':
      return summary(sim.seedDemo(body(schemas.seed, req)));
    case 'POST customer-message': {
      const r = sim.customerSends(body(schemas.message, req));
      return {
        mid: r.message.id,
        igsid: r.customer.igsid,
        conversationId: r.conversationId,
        delivery: r.delivery.status,
      };
    }
    case 'POST customer-reaction':
      return { delivery: sim.customerReacts(body(schemas.reaction, req)).delivery.status };
    case 'POST customer-read':
      return { mid: sim.customerReads(body(schemas.read, req)).mid };
    case 'POST customer-comment': {
      const r = sim.customerComments(body(schemas.comment, req));
      return { commentId: r.comment.id, mediaId: r.comment.mediaId, igsid: r.customer.igsid };
    }
    case 'POST customer-mention': {
      const r = sim.customerMentions(body(schemas.mention, req));
      return { mediaId: r.media.id, commentId: r.comment?.id ?? null, delivery: r.delivery.status };
    }
    case 'GET faults':
      return { faults: sim.faults.list() };
    case 'POST faults':
      return { id: sim.faults.add(body(faultSchema, req) as FaultSpec) };
    case 'DELETE faults':
      sim.faults.clear();
      return { success: true };
    case `DELETE faults/${id}`:
      return sim.faults.remove(id ?? '') ? { success: true } : notFound(`fault ${id}`);
    case 'POST tokens/expire':
      return { tokens: sim.faults.expireToken(tokenTarget().target) };
    case 'POST tokens/revoke': {
      const { target, reason } = tokenTarget();
      return { tokens: sim.faults.revokeToken(target, reason) };
    }
    case 'POST containers/outcome': {
      const b = body(schemas.outcome, req);
      sim.faults.containerOutcome(b.status, b);
      return { success: true };
    }
    case 'POST oauth/deny':
      sim.faults.denyOAuth(body(schemas.times, req).times);
      return { success: true };
    case 'POST clock/advance':
      sim.advanceTime(body(schemas.advance, req).ms);
      return { now: new Date(sim.now()).toISOString() };
    default:
      return undefined;
  }
}

function notFound(what: string): never {
  throw new ControlError(404, 'not_found', `${what} not found`);
}

function summary(seed: ReturnType<Simulator['seedDemo']>) {
  return {
    account: seed.account,
    accessToken: seed.accessToken,
    customers: seed.customers.length,
    media: seed.media.length,
  };
}
