import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError, errorBody } from '../errors.js';

// The one place that turns any thrown error into `{ error, message, statusCode, requestId }`.
// Fastify's own errors get stable codes; anything unexpected is a 500 whose details stay in the log.

const fastifyCodes: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', status: 400 },
  // raised before routing (frameworkErrors): a path that does not decode, a path parameter > 100 chars
  FST_ERR_BAD_URL: { code: 'bad_request', status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', status: 414 },
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = e.validation.map((v) => ({
      path: `${e.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.').replace(/\.$/, ''),
      message: v.message,
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return new AppError('validation_failed', `Invalid request: ${summary}`, 400, { issues });
  }
  if (e.code && fastifyCodes[e.code]) {
    const m = fastifyCodes[e.code]!;
    return new AppError(m.code, e.message, m.status);
  }
  // JSON.parse errors raised by fastify's default parser carry statusCode 400.
  if (e instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('invalid_json', 'The request body is not valid JSON', 400);
  }
  if (e.statusCode === 429) return new AppError('rate_limited', e.message, 429);
  // Nothing was stored: a 503 tells Meta (and any client) to send it again, and a balancer to try
  // another instance.
  if (isDatabaseUnavailable(err))
    return new AppError(
      'service_unavailable',
      'The database is not reachable right now; try again shortly',
      503,
    );
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500 && !isResponseSerializationError(e)) {
    return new AppError('bad_request', e.message, e.statusCode);
  }
  return new AppError(
    'internal_error',
    'Something went wrong on our side; the request id is in the log',
    500,
  );
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const appErr = toAppError(err);
  if (appErr.statusCode >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: appErr.code, statusCode: appErr.statusCode }, appErr.message);
  if (appErr.code === 'rate_limited' && appErr.details?.retryAfterSeconds) {
    reply.header('retry-after', String(appErr.details.retryAfterSeconds));
  }
  reply.status(appErr.statusCode).send(errorBody(appErr, req.id));
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): void {
  const appErr = new AppError('route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`, 404);
  reply.status(404).send(errorBody(appErr, req.id));
}

/**
 * Requests Node's HTTP parser refuses (a space in the request line, a bad header byte, headers over
 * 16 KB, chunked framing that does not parse) never reach Fastify's routing; its default answer has
 * no stable code. Same body shape as every other error, then the connection closes.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const appErr =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('headers_too_large', 'The request headers are larger than 16 KB', 431)
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('request_timeout', 'The request did not arrive in time', 408)
        : new AppError('bad_request', 'The HTTP request is malformed', 400);
  const body = JSON.stringify(errorBody(appErr, randomUUID()));
  // As Node's own default: never write into a response that has started on this socket already.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.write(
      `HTTP/1.1 ${appErr.statusCode} ${STATUS_CODES[appErr.statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
