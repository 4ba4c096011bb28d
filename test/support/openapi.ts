// The API's own description, shared by the tests that walk every route: which routes are public
// by design (API.md), and each route's body and query schema from the OpenAPI document
// (/docs/json), so a walk can send values that fit.

/** login, webhooks, the OAuth callback, signed attachment URLs and the probes need no bearer token */
export const publicRoutes = [
  /^\/(healthz|readyz|metrics)$/,
  /^\/api\/v1\/auth\/(login|setup)$/,
  /^(\/api\/v1|\/api)?\/instagram\/webhook\/?$/,
  /^\/api\/v1\/chatrace\/webhook$/,
  /^\/api\/v1\/oauth\//,
  /^\/api\/v1\/attachments\/:id$/,
];

export const isPublic = (url: string) => publicRoutes.some((p) => p.test(url));

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  const?: unknown;
  default?: unknown;
}

export interface RouteSpec {
  body?: JsonSchema;
  query: { name: string; schema: JsonSchema }[];
}

export type Spec = Map<string, RouteSpec>;

export function readSpec(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        parameters?: { in: string; name: string; schema: JsonSchema }[];
      }
    >
  >;
}): Spec {
  const spec: Spec = new Map();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      spec.set(`${method.toUpperCase()} ${url}`, {
        body: op.requestBody?.content?.['application/json']?.schema,
        query: (op.parameters ?? []).filter((p) => p.in === 'query'),
      });
    }
  return spec;
}
