import type { TestProject } from 'vitest/node';
import { type Service, startPostgres, startRedis } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    redisUrl: string;
  }
}

// One PostgreSQL cluster and one Redis for the whole run; each test file makes its own database.
// TEST_POSTGRES_URL / TEST_REDIS_URL point the suite at servers that already run instead.
export default async function setup(project: TestProject) {
  const started: Service[] = [];
  let postgresUrl = process.env.TEST_POSTGRES_URL;
  let redisUrl = process.env.TEST_REDIS_URL;
  if (!postgresUrl) {
    const pg = await startPostgres();
    started.push(pg);
    postgresUrl = pg.url;
  }
  if (!redisUrl) {
    const redis = await startRedis();
    started.push(redis);
    redisUrl = redis.url;
  }
  project.provide('postgresUrl', postgresUrl);
  project.provide('redisUrl', redisUrl);
  return async () => {
    for (const s of started.reverse()) await s.stop();
  };
}
