import { errorResponses, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { conversationPatch, conversationQuery, conversationView } from './conversation.schema.js';
import type { ConversationService } from './conversation.service.js';
import { messageQuery, messageView, sendAccepted, sendBody } from './message.schema.js';
import type { MessageSendService } from './message-send.service.js';

const tags = ['inbox'];

export function conversationRoutes(
  app: HttpServer,
  conversations: ConversationService,
  send: MessageSendService,
) {
  app.get(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        querystring: conversationQuery,
        response: { 200: page(conversationView), ...errorResponses },
      },
    },
    (req) => conversations.list(req.auth.workspaceId, req.query),
  );

  app.get(
    '/api/v1/conversations/:id',
    { schema: { tags, params: idParams, response: { 200: conversationView, ...errorResponses } } },
    (req) => conversations.get(req.auth.workspaceId, req.params.id),
  );

  app.patch(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: conversationPatch,
        response: { 200: conversationView, ...errorResponses },
      },
    },
    (req) => conversations.update(req.auth, req.params.id, req.body),
  );

  app.post(
    '/api/v1/conversations/:id/read',
    { schema: { tags, params: idParams, response: { 200: conversationView, ...errorResponses } } },
    (req) => conversations.markRead(req.auth.workspaceId, req.params.id),
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        params: idParams,
        querystring: messageQuery,
        response: { 200: page(messageView), ...errorResponses },
      },
    },
    (req) => conversations.thread(req.auth.workspaceId, req.params.id, req.query.cursor, req.query.limit),
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        params: idParams,
        body: sendBody,
        response: { 202: sendAccepted, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await send.fromApi(req.auth, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/messages/:id/retry',
    { schema: { tags, params: idParams, response: { 202: sendAccepted, ...errorResponses } } },
    async (req, reply) => reply.status(202).send(await send.retry(req.auth, req.params.id)),
  );
}
