import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { requireOwner } from '../http/authenticate.js';
import { errorResponses, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  accountView,
  callbackQuery,
  chatraceConnected,
  connectBody,
  patchBody,
  toAccountView,
} from './account.schema.js';
import type { AccountService } from './account.service.js';
import type { ChatraceConnectService } from './chatrace-connect.service.js';
import type { InstagramConnectService } from './instagram-connect.service.js';
import { callbackPath, type InstagramOauthService } from './instagram-oauth.service.js';

export interface AccountRouteDeps {
  accounts: AccountService;
  instagram: InstagramConnectService;
  oauth: InstagramOauthService;
  chatrace: ChatraceConnectService;
  clock: () => number;
}

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const tags = ['accounts'];

export function accountRoutes(app: HttpServer, d: AccountRouteDeps): void {
  app.get('/api/v1/accounts', { schema: { tags, response: { 200: page(accountView) } } }, async (req) => ({
    items: (await d.accounts.list(req.auth.workspaceId)).map(toAccountView),
    nextCursor: null,
  }));

  app.post(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        body: connectBody,
        response: { 201: z.union([chatraceConnected, accountView]), ...errorResponses },
      },
    },
    async (req, reply) => {
      requireOwner(req);
      const body = req.body;
      if (body.provider === 'chatrace') {
        const res = await d.chatrace.connect(req.auth.workspaceId, body.apiToken, body.igUserId, origin(req));
        return reply.status(201).send({ ...toAccountView(res.account), ...res.webhook });
      }
      const account = await d.instagram.connect(req.auth.workspaceId, {
        accessToken: body.accessToken,
        expiresAt: null,
        issuedAt: new Date(d.clock()).toISOString(),
      });
      return reply.status(201).send(toAccountView(account));
    },
  );

  app.get(
    '/api/v1/accounts/oauth-url',
    { schema: { tags, response: { 200: z.object({ loginUrl: z.string() }) } } },
    (req) => d.oauth.loginUrl(req.auth, origin(req)),
  );

  app.get(
    '/api/v1/accounts/:id',
    { schema: { tags, params: idParams, response: { 200: accountView } } },
    async (req) => toAccountView(await d.accounts.get(req.auth.workspaceId, req.params.id)),
  );

  app.patch(
    '/api/v1/accounts/:id',
    {
      schema: { tags, params: idParams, body: patchBody, response: { 200: accountView, ...errorResponses } },
    },
    async (req) => {
      requireOwner(req);
      const map = Object.fromEntries(
        Object.entries(req.body.chatraceFieldMap).filter(([, v]) => v),
      ) as Record<string, string>;
      return toAccountView(await d.accounts.updateChatraceFieldMap(req.auth.workspaceId, req.params.id, map));
    },
  );

  app.post(
    '/api/v1/accounts/:id/disconnect',
    { schema: { tags, params: idParams, response: { 200: accountView, ...errorResponses } } },
    async (req) => {
      requireOwner(req);
      return toAccountView(await d.accounts.disconnect(req.auth.workspaceId, req.params.id));
    },
  );

  app.post(
    '/api/v1/accounts/:id/refresh-token',
    { schema: { tags, params: idParams, response: { 200: accountView, ...errorResponses } } },
    async (req) => toAccountView(await d.accounts.refreshOne(req.auth.workspaceId, req.params.id)),
  );
}

/** Meta redirects the browser here, without our bearer token: the signed state says who asked. */
export function oauthCallbackRoute(app: HttpServer, oauth: InstagramOauthService): void {
  app.get(
    callbackPath,
    { schema: { tags, security: [], querystring: callbackQuery } },
    async (req, reply) => {
      try {
        return reply.redirect(await oauth.callback(req.query, origin(req)));
      } catch (err) {
        // A person in a browser gets the Accounts page with the reason; a script gets the 400.
        if (
          err instanceof AppError &&
          err.code === 'invalid_oauth_state' &&
          req.headers.accept?.includes('text/html')
        ) {
          return reply.redirect(oauth.dashboardUrl(origin(req), { error: err.code, message: err.message }));
        }
        throw err;
      }
    },
  );
}
