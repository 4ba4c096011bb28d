import { errorResponses, idParams, page } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  postQuery,
  postView,
  recentQuery,
  syncAccepted,
  syncJobParams,
  syncJobView,
  syncStateView,
} from './post.schema.js';
import type { PostService } from './post.service.js';

const tags = ['posts'];

/** The gallery of synced media and media sync per account (inside the authenticated scope). */
export function postRoutes(api: HttpServer, posts: PostService): void {
  api.get(
    '/api/v1/posts',
    { schema: { tags, querystring: postQuery, response: { 200: page(postView), ...errorResponses } } },
    (req) => posts.list(req.auth.workspaceId, req.query),
  );

  api.get(
    '/api/v1/posts/recent',
    {
      schema: {
        tags,
        querystring: recentQuery,
        response: { 200: page(postView), ...errorResponses },
      },
    },
    // a list like every other (API.md), with no further page: it is the newest N by definition
    async (req) => ({ items: await posts.recent(req.auth.workspaceId, req.query.limit), nextCursor: null }),
  );

  api.get(
    '/api/v1/posts/:id',
    { schema: { tags, params: idParams, response: { 200: postView, ...errorResponses } } },
    (req) => posts.get(req.auth.workspaceId, req.params.id),
  );

  api.post(
    '/api/v1/accounts/:id/sync-media',
    { schema: { tags, params: idParams, response: { 202: syncAccepted, ...errorResponses } } },
    async (req, reply) => reply.status(202).send(await posts.startSync(req.auth.workspaceId, req.params.id)),
  );

  api.get(
    '/api/v1/accounts/:id/sync-media',
    { schema: { tags, params: idParams, response: { 200: syncStateView, ...errorResponses } } },
    (req) => posts.syncState(req.auth.workspaceId, req.params.id),
  );

  /** the job POST …/sync-media answered with: state and progress (also live as posts.sync_progress) */
  api.get(
    '/api/v1/accounts/:id/sync-media/:jobId',
    { schema: { tags, params: syncJobParams, response: { 200: syncJobView, ...errorResponses } } },
    (req) => posts.syncJob(req.auth.workspaceId, req.params.id, req.params.jobId),
  );
}
