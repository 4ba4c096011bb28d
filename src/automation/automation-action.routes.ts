import { errorResponses, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { conversationView } from '../inbox/conversation.schema.js';
import type { ConversationService } from '../inbox/conversation.service.js';
import { actionQuery, actionView, takeoverBody } from './automation-action.schema.js';
import type { AutomationActionService } from './automation-action.service.js';
import type { TakeoverService } from './takeover.service.js';

const tags = ['automation'];

export function automationActionRoutes(
  api: HttpServer,
  actions: AutomationActionService,
  takeover: TakeoverService,
  conversations: ConversationService,
  clock: () => number,
): void {
  api.get(
    '/api/v1/automation-actions',
    { schema: { tags, querystring: actionQuery, response: { 200: page(actionView), ...errorResponses } } },
    async (req) => actions.list(req.auth.workspaceId, req.query),
  );

  // Any operator may pause or resume the bot in a conversation they are handling.
  api.put(
    '/api/v1/conversations/:id/automation',
    {
      schema: {
        tags,
        params: idParams,
        body: takeoverBody,
        response: { 200: conversationView, ...errorResponses },
      },
    },
    async (req) => {
      await takeover.set(req.auth, req.params.id, req.body, clock());
      return conversations.get(req.auth.workspaceId, req.params.id);
    },
  );
}
