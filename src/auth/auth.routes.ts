import { errorResponses } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  loginBody,
  loginResponse,
  meResponse,
  setupBody,
  setupStatus,
  workspacePatch,
  workspaceView,
} from './auth.schema.js';
import type { AuthService } from './auth.service.js';

export function publicAuthRoutes(app: HttpServer, auth: AuthService): void {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        security: [],
        body: loginBody,
        response: { 200: loginResponse, ...errorResponses },
      },
    },
    (req) => auth.login(req.body.email, req.body.password, req.ip),
  );

  app.get(
    '/api/v1/auth/setup',
    { schema: { tags: ['auth'], security: [], response: { 200: setupStatus } } },
    async () => ({ needed: await auth.setupNeeded() }),
  );

  app.post(
    '/api/v1/auth/setup',
    {
      schema: {
        tags: ['auth'],
        security: [],
        body: setupBody,
        response: { 200: loginResponse, ...errorResponses },
      },
    },
    (req) => auth.setup(req.body.email, req.body.password, req.ip),
  );
}

export function authRoutes(app: HttpServer, auth: AuthService): void {
  app.get('/api/v1/me', { schema: { tags: ['auth'], response: { 200: meResponse } } }, (req) =>
    auth.me(req.auth),
  );
  app.patch(
    '/api/v1/workspace',
    { schema: { tags: ['auth'], body: workspacePatch, response: { 200: workspaceView, ...errorResponses } } },
    (req) => auth.updateWorkspace(req.auth, req.body),
  );
}
