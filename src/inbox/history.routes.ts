import { requireOwner } from '../http/authenticate.js';
import { errorResponses, idParams } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { backfillAccepted, pollingBody, pollingView, toPollingView } from './history.schema.js';
import type { HistoryImportService } from './history-import.service.js';

const tags = ['accounts'];

/** History backfill and missed-message polling per account (inside the authenticated scope). */
export function historyRoutes(api: HttpServer, service: HistoryImportService, queue: JobQueue): void {
  api.post(
    '/api/v1/accounts/:id/backfill',
    { schema: { tags, params: idParams, response: { 202: backfillAccepted, ...errorResponses } } },
    async (req, reply) => {
      const account = await service.backfillTarget(req.auth.workspaceId, req.params.id);
      // One import per account at a time: asking again while one waits returns that job.
      const jobId = await queue.enqueue(
        'import-history',
        { accountId: account.id },
        { uniqueKey: `history:${account.id}` },
      );
      return reply.status(202).send({ jobId });
    },
  );

  api.get(
    '/api/v1/accounts/:id/polling',
    { schema: { tags, params: idParams, response: { 200: pollingView, ...errorResponses } } },
    async (req) => toPollingView(await service.polling(req.auth.workspaceId, req.params.id)),
  );

  api.put(
    '/api/v1/accounts/:id/polling',
    {
      schema: {
        tags,
        params: idParams,
        body: pollingBody,
        response: { 200: pollingView, ...errorResponses },
      },
    },
    async (req) => {
      requireOwner(req);
      const account = await service.setPolling(req.auth.workspaceId, req.params.id, req.body.intervalSeconds);
      return toPollingView(account);
    },
  );
}
