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
} from './dm-keyword.schema.js';
import type { DmKeywordService } from './dm-keyword.service.js';

const tags = ['automation'];

// Roles: anyone in the workspace (owner or agent) may read the rules and use the tester — agents
// answer the same customers and should see what the bot says; only an owner changes what the bot
// says on the business's behalf.
export function dmKeywordRoutes(api: HttpServer, service: DmKeywordService): void {
  api.get(
    '/api/v1/dm-keywords',
    { schema: { tags, querystring: listQuery, response: { 200: page(ruleView), ...errorResponses } } },
    async (req) => {
      const res = await service.list(req.auth.workspaceId, req.query);
      return { items: res.items.map(toRuleView), nextCursor: res.nextCursor };
    },
  );

  api.get(
    '/api/v1/dm-keywords/:id',
    { schema: { tags, params: idParams, response: { 200: ruleView, ...errorResponses } } },
    async (req) => toRuleView(await service.get(req.auth.workspaceId, req.params.id)),
  );

  api.post(
    '/api/v1/dm-keywords',
    { schema: { tags, body: createBody, response: { 201: ruleView, ...errorResponses } } },
    async (req, reply) => {
      requireOwner(req);
      return reply.status(201).send(toRuleView(await service.create(req.auth.workspaceId, req.body)));
    },
  );

  api.patch(
    '/api/v1/dm-keywords/:id',
    { schema: { tags, params: idParams, body: patchBody, response: { 200: ruleView, ...errorResponses } } },
    async (req) => {
      requireOwner(req);
      return toRuleView(await service.update(req.auth.workspaceId, req.params.id, req.body));
    },
  );

  api.delete(
    '/api/v1/dm-keywords/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      requireOwner(req);
      await service.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );

  /** the live tester: which rule would answer this message now, and what it would send */
  api.post(
    '/api/v1/dm-keywords/test',
    { schema: { tags, body: testBody, response: { 200: testResult, ...errorResponses } } },
    async (req) => {
      const res = await service.test(req.auth.workspaceId, req.body.text, req.body.accountId);
      const rule = res.rule && toRuleView(res.rule);
      return {
        rule,
        keyword: res.keyword,
        reply: rule && {
          text: rule.responseMessage,
          attachment: rule.attachment,
          quickReplies: rule.quickReplies,
        },
        skipped: res.skipped,
      };
    },
  );
}
