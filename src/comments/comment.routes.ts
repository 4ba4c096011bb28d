import { z } from 'zod';
import { errorResponses, idParams, page, pageQuery } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { commentThreadView, commentView, hideBody, replyBody } from './comment.schema.js';
import type { CommentService } from './comment.service.js';

const tags = ['comments'];

/** Comment moderation (inside the authenticated scope); `/media/:id` takes our post id. */
export function commentRoutes(api: HttpServer, comments: CommentService): void {
  api.get(
    '/api/v1/media/:id/comments',
    {
      schema: {
        tags,
        params: idParams,
        querystring: pageQuery,
        response: { 200: page(commentThreadView), ...errorResponses },
      },
    },
    (req) => comments.listForPost(req.auth.workspaceId, req.params.id, req.query.cursor, req.query.limit),
  );

  api.post(
    '/api/v1/comments/:id/reply',
    {
      schema: { tags, params: idParams, body: replyBody, response: { 201: commentView, ...errorResponses } },
    },
    async (req, reply) =>
      reply.status(201).send(await comments.reply(req.auth.workspaceId, req.params.id, req.body.message)),
  );

  api.post(
    '/api/v1/comments/:id/hide',
    { schema: { tags, params: idParams, body: hideBody, response: { 200: commentView, ...errorResponses } } },
    (req) => comments.setHidden(req.auth.workspaceId, req.params.id, req.body?.hidden ?? true),
  );

  api.post(
    '/api/v1/comments/:id/unhide',
    { schema: { tags, params: idParams, response: { 200: commentView, ...errorResponses } } },
    (req) => comments.setHidden(req.auth.workspaceId, req.params.id, false),
  );

  api.delete(
    '/api/v1/comments/:id',
    { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await comments.remove(req.auth.workspaceId, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
