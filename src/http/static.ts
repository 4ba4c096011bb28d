import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { notFoundHandler } from './error-handler.js';
import type { HttpServer } from './server.js';

/** The package root, whether running from src/ (tests) or dist/server/ (built). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the running code');
    dir = up;
  }
  return dir;
}

/**
 * Serves the built dashboard (dist/web) at `/`, and index.html for any other browser GET so
 * client-side routes survive a reload. API paths keep their JSON 404. Registered last: it owns
 * the not-found handler.
 */
export async function serveDashboard(app: HttpServer): Promise<boolean> {
  const root = join(packageRoot(), 'dist', 'web');
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    app.setNotFoundHandler(notFoundHandler);
    return false;
  }
  const index = readFileSync(indexFile);
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h' });
  app.get('/', { schema: { hide: true } }, (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(index),
  );
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = /^\/(api|docs|healthz|readyz|metrics|instagram)\b/.test(path);
    if (req.method === 'GET' && !isApi && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html; charset=utf-8').send(index);
    }
    return notFoundHandler(req, reply);
  });
  return true;
}
