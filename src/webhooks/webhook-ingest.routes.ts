import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../errors.js';
import type { HttpServer } from '../http/server.js';
import { isMetaDelivery } from '../providers/instagram/webhook-parser.js';
import type { WebhookIngestService } from './webhook-ingest.service.js';

const metaPaths = ['/api/v1/instagram/webhook', '/instagram/webhook', '/api/instagram/webhook/'];
// The seeds pointed Chatrace at /instagram/webhook; that path takes both kinds of body.
const sharedPaths = new Set(['/instagram/webhook', '/api/instagram/webhook/']);

const verifyQuery = z.object({
  'hub.mode': z.string().optional(),
  'hub.verify_token': z.string().optional(),
  'hub.challenge': z.string().max(1000).optional(),
});

const tokenQuery = z.object({ token: z.string().max(500).optional() });

export interface IngestRouteOptions {
  verifyToken: string | undefined;
  bodyLimit: number;
}

/**
 * Public webhook endpoints. Bodies arrive as raw bytes (any content type): the signature is
 * computed over exactly what was sent, never over re-serialized JSON.
 */
export function webhookIngestRoutes(ingest: WebhookIngestService, opts: IngestRouteOptions) {
  return async (app: HttpServer) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_req, body, done) =>
      done(null, body),
    );

    for (const url of metaPaths) {
      app.get(
        url,
        {
          schema: { hide: url !== metaPaths[0], tags: ['webhooks'], security: [], querystring: verifyQuery },
        },
        (req, reply) => {
          const q = req.query;
          if (
            q['hub.mode'] === 'subscribe' &&
            opts.verifyToken &&
            safeEqual(q['hub.verify_token'], opts.verifyToken)
          ) {
            req.log.info('webhook verification succeeded');
            return reply.type('text/plain; charset=utf-8').send(q['hub.challenge'] ?? '');
          }
          req.log.warn(
            { mode: q['hub.mode'], tokenConfigured: Boolean(opts.verifyToken) },
            'webhook verification failed: hub.mode must be subscribe and hub.verify_token must equal INSTAGRAM_WEBHOOK_VERIFY_TOKEN',
          );
          throw errors.verificationFailed();
        },
      );

      app.post(
        url,
        { schema: { hide: url !== metaPaths[0], tags: ['webhooks'], security: [], querystring: tokenQuery } },
        async (req, reply) => {
          const raw = rawOf(req);
          if (sharedPaths.has(url) && !req.headers['x-hub-signature-256'] && !looksLikeMeta(raw.body)) {
            await ingest.acceptChatrace(raw, chatraceToken(req));
            return reply.send({ success: true });
          }
          requireJson(req);
          await ingest.acceptMeta(raw);
          return reply.type('text/plain; charset=utf-8').send('EVENT_RECEIVED');
        },
      );
    }

    app.post(
      '/api/v1/chatrace/webhook',
      { schema: { tags: ['webhooks'], security: [], querystring: tokenQuery } },
      async (req, reply) => {
        await ingest.acceptChatrace(rawOf(req), chatraceToken(req));
        return reply.send({ success: true });
      },
    );
  };
}

function rawOf(req: FastifyRequest) {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  return { body, headers: req.headers, ip: req.ip };
}

function requireJson(req: FastifyRequest): void {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw errors.unsupportedMediaType('application/json');
}

function chatraceToken(req: FastifyRequest & { query: { token?: string } }): string | undefined {
  const h = req.headers['x-relaydesk-token'];
  return (Array.isArray(h) ? h[0] : h) || req.query.token || undefined;
}

function looksLikeMeta(body: Buffer): boolean {
  try {
    return isMetaDelivery(JSON.parse(body.toString('utf8')));
  } catch {
    return false;
  }
}

function safeEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
