import { z } from 'zod';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  createBody,
  listQuery,
  patchBody,
  ruleView,
  testBody,
  testResult,
  toRuleView,
} from './comment-rule.schema.js';
import type { CommentRuleService } from './comment-rule.service.js';

const tags = ['automation'];

// Same roles as DM keyword rules: everyone reads and tests, owners change what the bot says.
export function commentRuleRoutes(api: HttpServer, service: CommentRuleService): void {
  api.get(
    '/api/v1/comment-rules',
    { schema: { tags, querystring: listQuery, response: { 200: page(ruleView), ...errorResponses } } },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toRuleView), nextCursor: res.nextCursor };
    },
  );

  api.get(
    '/api/v1/comment-rules/:id',
    { schema: { tags, params: idParams, response: { 200: ruleView, ...errorResponses } } },
    async (req) => toRuleView(await service.get(req.auth.workspaceId, req.params.id)),
  );

  api.post(
    '/api/v1/comment-rules',
    { schema: { tags, body: createBody, response: { 201: ruleView, ...errorResponses } } },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(201).send(toRuleView(await service.create(req.auth.workspaceId, req.body)));
    },
  );

  api.patch(
    '/api/v1/comment-rules/:id',
    { schema: { tags, params: idParams, body: patchBody, response: { 200: ruleView, ...errorResponses } } },
    async (req) => {
      requireOwner(req);
      return toRuleView(await service.update(req.auth.workspaceId, req.params.id, req.body));
    },
  );

  api.delete(
    '/api/v1/comment-rules/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/comment-rules/test',
    { schema: { tags, body: testBody, response: { 200: testResult, ...errorResponses } } },
    async (req) => {
      const r = await service.test(req.auth.workspaceId, req.body);
      return { ...r, rule: r.rule && toRuleView(r.rule) };
    },
  );
}
