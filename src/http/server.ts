import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from '../logger.js';
import { clientErrorHandler, errorHandler } from './error-handler.js';

export type HttpServer = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
  }
}

export interface ServerOptions {
  logger: Logger;
  trustProxy: boolean;
}

/** A query string token (Chatrace `?token=`) must never reach the access log. */
function safeUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|hub\.verify_token|code|state)=)[^&]*/gi, '$1[redacted]');
}

export async function createHttpServer(opts: ServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: opts.logger,
    trustProxy: opts.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Bodies of API calls are small; webhook routes set their own limit.
    bodyLimit: 1024 * 1024,
    // Request lines are logged by our own hook (fewer fields, secrets redacted), not Fastify's.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // errors raised before routing or by Node's parser get the same stable codes as the rest
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, for the test that walks the API (auth and workspace isolation).
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method, url: r.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        url: safeUrl(req.url),
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Relaydesk API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  return app as unknown as HttpServer;
}

/**
 * Stops accepting, lets in-flight requests finish, then closes. Node closes idle keep-alive
 * sockets only once, when closing starts: a socket whose request was still arriving becomes idle
 * later and would hold the close for Fastify's 72 s keep-alive timeout, so idle sockets are
 * closed again until none is left, and whatever still runs after `graceMs` is cut off.
 */
export async function closeGracefully(app: HttpServer, graceMs: number): Promise<void> {
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
}
