import { z } from 'zod';
import { errorResponses, idParams } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  postInsightResponse,
  refreshAccepted,
  refreshBody,
  statisticsQuery,
  statisticsView,
  topPostsQuery,
  topPostsView,
} from './insight.schema.js';
import type { InsightService } from './insight.service.js';
import { statisticsCsv, topPostsCsv } from './insight-csv.js';

const tags = ['statistics'];

// a string body with a text/csv content type is sent as it is (fastify serializes only objects)
const csvResponses = {
  200: z.string().describe('text/csv; UTF-8 with BOM; unknown values are empty'),
  ...errorResponses,
};

const attachment = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}.csv"`,
});

/** Statistics: account series and totals, top posts, one post's insights, CSV exports, refresh. */
export function insightRoutes(api: HttpServer, insights: InsightService): void {
  api.get(
    '/api/v1/accounts/:id/statistics',
    {
      schema: {
        tags,
        params: idParams,
        querystring: statisticsQuery,
        response: { 200: statisticsView, ...errorResponses },
      },
    },
    (req) => insights.statistics(req.auth.workspaceId, req.params.id, req.query),
  );

  api.get(
    '/api/v1/accounts/:id/statistics.csv',
    { schema: { tags, params: idParams, querystring: statisticsQuery, response: csvResponses } },
    async (req, reply) => {
      const s = await insights.statistics(req.auth.workspaceId, req.params.id, req.query);
      return reply
        .headers(attachment(`statistics-${s.from}-${s.to}-${s.granularity}`))
        .send(statisticsCsv(s));
    },
  );

  api.post(
    '/api/v1/accounts/:id/statistics/refresh',
    {
      schema: {
        tags,
        params: idParams,
        body: refreshBody,
        response: { 202: refreshAccepted, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await insights.refresh(req.auth.workspaceId, req.params.id, req.body.days)),
  );

  api.get(
    '/api/v1/accounts/:id/top-posts',
    {
      schema: {
        tags,
        params: idParams,
        querystring: topPostsQuery,
        response: { 200: topPostsView, ...errorResponses },
      },
    },
    (req) => insights.topPosts(req.auth.workspaceId, req.params.id, req.query),
  );

  api.get(
    '/api/v1/accounts/:id/top-posts.csv',
    { schema: { tags, params: idParams, querystring: topPostsQuery, response: csvResponses } },
    async (req, reply) => {
      const t = await insights.topPosts(req.auth.workspaceId, req.params.id, req.query);
      return reply.headers(attachment(`top-posts-${t.metric}-${t.from}-${t.to}`)).send(topPostsCsv(t));
    },
  );

  api.get(
    '/api/v1/posts/:id/insights',
    { schema: { tags, params: idParams, response: { 200: postInsightResponse, ...errorResponses } } },
    (req) => insights.postInsights(req.auth.workspaceId, req.params.id),
  );
}
