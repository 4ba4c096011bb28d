import { createReadStream } from 'node:fs';
import type { FastifyError } from 'fastify';
import { AppError, errors } from '../errors.js';
import { errorHandler } from '../http/error-handler.js';
import { errorResponses, errorSchema, idParams } from '../http/schemas.js';
import type { HttpServer } from '../http/server.js';
import { contentDisposition, parseRange } from './attachment.media.js';
import {
  fileNameHeader,
  fileQuery,
  toUploadedAttachment,
  uploadedAttachment,
  uploadHeaders,
} from './attachment.schema.js';
import { type AttachmentService, attachmentPath, tooLarge } from './attachment.service.js';

const tags = ['attachments'];

/**
 * `POST /api/v1/attachments` with the raw file as the body (inside the authenticated scope).
 * Its own plugin, so the catch-all body parser and the larger body limit stay on this route.
 */
export function attachmentUploadRoutes(api: HttpServer, service: AttachmentService): void {
  void api.register(async (scope: HttpServer) => {
    // Every type arrives as bytes; a JSON or text file must not be parsed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: service.maxBytes }, (_req, body, done) =>
      done(null, body),
    );
    // Fastify's own limit check answers with the same code as the service's.
    scope.setErrorHandler((err: FastifyError, req, reply) =>
      errorHandler(err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooLarge(service.maxBytes) : err, req, reply),
    );
    scope.post(
      attachmentPath,
      {
        schema: {
          tags,
          headers: uploadHeaders,
          response: { 201: uploadedAttachment, ...errorResponses, 413: errorSchema, 415: errorSchema },
        },
      },
      async (req, reply) => {
        const row = await service.storeUpload(
          req.auth.workspaceId,
          Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          req.headers['content-type'] ?? 'application/octet-stream',
          fileNameHeader(req.headers['x-file-name']),
        );
        return reply.status(201).send(toUploadedAttachment(row, service.signedPath(row.id)));
      },
    );
  });
}

/**
 * `GET /api/v1/attachments/:id?exp&sig`, public: the signature is the credential, because an
 * <img>, a <video> and Meta's fetcher cannot send our bearer token.
 */
export function attachmentFileRoutes(http: HttpServer, service: AttachmentService): void {
  http.get(
    `${attachmentPath}/:id`,
    { schema: { tags, security: [], params: idParams, querystring: fileQuery } },
    async (req, reply) => {
      const { id } = req.params;
      if (!service.verify(id, req.query.exp ?? '', req.query.sig ?? '')) {
        throw new AppError('attachment_link_invalid', 'The attachment link is invalid or has expired', 403);
      }
      const file = await service.open(id);
      if (!file) throw errors.notFound('Attachment');
      const { row, path } = file;
      const range = parseRange(req.headers.range, row.size);
      reply.header('accept-ranges', 'bytes');
      if (range === 'unsatisfiable') {
        reply.header('content-range', `bytes */${row.size}`);
        throw new AppError('range_not_satisfiable', `The file has ${row.size} bytes`, 416);
      }
      // Uploaded HTML or SVG must never run as a page of our origin: sandboxed, not sniffed,
      // and downloaded rather than shown unless it is plain media.
      reply
        .type(row.mime_type)
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${row.sha256}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', 'sandbox')
        .header('content-disposition', contentDisposition(row.mime_type, row.file_name));
      if (!range) {
        reply.header('content-length', String(row.size));
        return reply.send(createReadStream(path));
      }
      reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${row.size}`)
        .header('content-length', String(range.end - range.start + 1));
      return reply.send(createReadStream(path, { start: range.start, end: range.end }));
    },
  );
}
