import pino, { type Logger } from 'pino';

// Secrets never reach the log: these paths are censored wherever they appear.
export const redact = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-relaydesk-token"]',
  'req.headers["x-hub-signature-256"]',
  '*.password',
  '*.accessToken',
  '*.access_token',
  '*.apiToken',
  '*.token',
  '*.secret',
  // a pino wildcard matches one level; errors and job payloads nest one more
  '*.*.password',
  '*.*.accessToken',
  '*.*.access_token',
  '*.*.apiToken',
  '*.*.token',
  '*.*.secret',
  'password',
  'accessToken',
  'token',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redact, censor: '[redacted]' } });
}

export type { Logger };
