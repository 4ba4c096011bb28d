import type { Db, DialectName } from '../db/database.js';
import type { Logger } from '../logger.js';
import { BullmqJobQueue } from './bullmq-queue.js';
import type { JobQueue } from './job-queue.js';
import { SqlJobQueue } from './sql-queue.js';

export interface JobQueueDeps {
  /** set: BullMQ on this Redis (scale-out); unset: the embedded queue in the application database */
  redisUrl?: string | undefined;
  db: Db;
  dialect: DialectName;
  logger: Logger;
  clock?: () => number;
}

export function createJobQueue(deps: JobQueueDeps): JobQueue {
  if (deps.redisUrl) return new BullmqJobQueue({ redisUrl: deps.redisUrl, logger: deps.logger });
  return new SqlJobQueue({ db: deps.db, dialect: deps.dialect, logger: deps.logger, clock: deps.clock });
}
