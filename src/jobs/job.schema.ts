import { z } from 'zod';
import { errorSchema, page, pageQuery } from '../http/schemas.js';

export const jobState = z.enum(['waiting', 'delayed', 'active', 'completed', 'dead']);

/** `?state=` defaults to dead: the admin looks here for jobs that gave up */
export const jobListQuery = pageQuery.extend({ state: jobState.default('dead') });

export const jobView = z.object({
  id: z.string(),
  name: z.string(),
  payload: z.unknown(),
  state: jobState,
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: z.number().optional(),
});

export const jobPage = page(jobView);

/** BullMQ ids of scheduled runs are long (`<name>:repeat:cron:<name>:<ms>`), longer than idParams allows */
export const jobIdParams = z.object({ id: z.string().min(1).max(200) });

export const jobCounts = z.object({
  waiting: z.number(),
  delayed: z.number(),
  active: z.number(),
  completed: z.number(),
  dead: z.number(),
});

export const retryResponse = z.object({ id: z.string(), state: jobState });

export const jobErrorResponses = { 401: errorSchema, 403: errorSchema };
