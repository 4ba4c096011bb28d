// Every error a client can see has a stable snake_case code (docs/errors.md lists them all).
// Services throw these; the HTTP error handler renders them; nothing else builds error bodies.

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (message: string, details?: Record<string, unknown>) =>
    new AppError('validation_failed', message, 400, details),
  invalidJson: (message = 'The request body is not valid JSON') => new AppError('invalid_json', message, 400),
  unauthorized: (message = 'A valid bearer token is required') => new AppError('unauthorized', message, 401),
  unauthorizedWith: (code: string, message: string) => new AppError(code, message, 401),
  invalidCredentials: () => new AppError('invalid_credentials', 'Email or password is wrong', 401),
  tokenExpired: () => new AppError('token_expired', 'The access token has expired; log in again', 401),
  forbidden: (message = 'Your role does not allow this') => new AppError('forbidden', message, 403),
  notFound: (what: string) => new AppError('not_found', `${what} not found`, 404),
  conflict: (code: string, message: string, details?: Record<string, unknown>) =>
    new AppError(code, message, 409, details),
  unsupportedMediaType: (expected: string) =>
    new AppError('unsupported_media_type', `Content-Type must be ${expected}`, 415),
  unprocessable: (code: string, message: string, details?: Record<string, unknown>) =>
    new AppError(code, message, 422, details),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('rate_limited', `Too many attempts; retry in ${retryAfterSeconds} s`, 429, {
      retryAfterSeconds,
    }),
  signatureInvalid: (message: string) => new AppError('signature_invalid', message, 401),
  verificationFailed: () =>
    new AppError('webhook_verification_failed', 'hub.mode or hub.verify_token does not match', 403),
  notConfigured: (what: string) => new AppError('not_configured', `${what} is not configured`, 503),
  unavailable: (message: string) => new AppError('service_unavailable', message, 503),
};

export interface ErrorBody {
  error: string;
  message: string;
  statusCode: number;
  requestId: string;
  details?: Record<string, unknown>;
}

export function errorBody(err: AppError, requestId: string): ErrorBody {
  const body: ErrorBody = { error: err.code, message: err.message, statusCode: err.statusCode, requestId };
  if (err.details) body.details = err.details;
  return body;
}
