import type { Faults } from './faults.js';
import type { FieldSpec } from './fields.js';
import type { ParsedRequest } from './http-io.js';
import type { SimState } from './state.js';
import type {
  Permission,
  SimAccount,
  SimComment,
  SimContainer,
  SimConversation,
  SimCustomer,
  SimMedia,
  SimMessage,
  SimToken,
} from './types.js';
import type { WebhookOutbox } from './webhooks.js';

/** Behaviour knobs; every one has a Meta-like default. */
export interface SimSettings {
  apiVersion: string;
  /** status polls a new container answers IN_PROGRESS before FINISHED (default 1) */
  containerPolls: number;
  /** and the time it needs at least (default 0) */
  containerProcessingMs: number;
  /** API-published posts per 24 h (content_publishing_limit quota_total; Meta's guide says 100) */
  publishingQuota: number;
  /** the short-lived token response: Meta's documented `{ data: [ … ] }` or the flat body seen in the wild */
  oauthTokenShape: 'data' | 'flat';
  /** show a consent page on /oauth/authorize instead of redirecting at once */
  oauthConsentPage: boolean;
  /** comment webhooks as `entry[].changes[]` (what Meta delivers) or flat `entry[].field/value` (its doc example) */
  commentWebhookShape: 'changes' | 'flat';
  /** hours after a day's end until its account insights are complete (Meta: up to 48; 0 = at once) */
  insightLagHours: number;
}

/** The simulator's internals that feature modules share. */
export interface SimContext {
  state: SimState;
  clock: () => number;
  faults: Faults;
  webhooks: WebhookOutbox;
  settings: SimSettings;
  app: { id: string; secret: string };
  /** the simulator's own URL (with base path), for links and /__sim/img media URLs */
  baseUrl(): string;
}

/** A Graph call that passed the token check. */
export interface GraphRequest {
  sim: SimContext;
  req: ParsedRequest;
  token: SimToken;
  /** the account the access token belongs to */
  account: SimAccount;
  fields: FieldSpec[] | null;
  /** the URL of this call with other cursors, for paging.next/previous */
  link(cursor: { after?: string; before?: string }): string;
}

export type Resolved =
  | { kind: 'user'; node: SimAccount }
  | { kind: 'igsid'; node: SimCustomer }
  | { kind: 'media'; node: SimMedia }
  | { kind: 'container'; node: SimContainer }
  | { kind: 'comment'; node: SimComment }
  | { kind: 'conversation'; node: SimConversation }
  | { kind: 'message'; node: SimMessage };

export type NodeKind = Resolved['kind'];
type NodeOf<K extends NodeKind> = Extract<Resolved, { kind: K }>['node'];

export interface Route {
  kind: NodeKind;
  method: 'GET' | 'POST' | 'DELETE';
  /** '' for the node itself */
  edge: string;
  permission: Permission;
  handle(r: GraphRequest, node: Resolved['node']): unknown;
}

export function route<K extends NodeKind>(
  kind: K,
  method: Route['method'],
  edge: string,
  permission: Permission,
  handle: (r: GraphRequest, node: NodeOf<K>) => unknown,
): Route {
  return { kind, method, edge, permission, handle: (r, node) => handle(r, node as NodeOf<K>) };
}

/** A non-JSON or non-200 answer (OAuth redirects, HTML pages). */
export interface RawReply {
  raw: true;
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Graph's time format: 2019-09-26T22:36:43+0000 */
export const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** a path on the simulator (`/__sim/img/…`) made absolute */
export const absolute = (sim: SimContext, url: string) =>
  url.startsWith('/') ? `${sim.baseUrl()}${url}` : url;
