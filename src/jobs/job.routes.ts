import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import { errorResponses } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import {
  jobCounts,
  jobErrorResponses,
  jobIdParams,
  jobListQuery,
  jobPage,
  retryResponse,
} from './job.schema.js';
import type { JobQueue } from './job-queue.js';

// Jobs span every workspace (payloads name deliveries and accounts of all of them): admins only.
async function requireAdmin(req: FastifyRequest): Promise<void> {
  if (!req.auth?.isAdmin) throw errors.forbidden('Only an administrator can see and retry jobs');
}

/** The job queue for operators: how much is pending, what died and why, and a retry button. */
export function jobRoutes(app: HttpServer, queue: JobQueue): void {
  const tags = ['jobs'];
  const errs = { ...errorResponses, ...jobErrorResponses };

  app.get(
    '/api/v1/jobs/counts',
    { preHandler: requireAdmin, schema: { tags, response: { 200: jobCounts, ...errs } } },
    () => queue.counts(),
  );

  app.get(
    '/api/v1/jobs',
    {
      preHandler: requireAdmin,
      schema: { tags, querystring: jobListQuery, response: { 200: jobPage, ...errs } },
    },
    async (req) => ({ items: await queue.list(req.query.state, req.query.limit), nextCursor: null }),
  );

  app.post(
    '/api/v1/jobs/:id/retry',
    {
      preHandler: requireAdmin,
      schema: { tags, params: jobIdParams, response: { 200: retryResponse, ...errs } },
    },
    async (req) => {
      if (!(await queue.retry(req.params.id))) throw errors.notFound('Dead job');
      const job = await queue.get(req.params.id);
      return { id: req.params.id, state: job?.state ?? 'waiting' };
    },
  );
}
