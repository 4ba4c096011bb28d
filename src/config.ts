import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

// One schema over the environment (API.md, .env.example). Every problem is reported at once,
// with a hint, and the result is frozen: nothing else in the code reads process.env.

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (protocols: string[]) =>
  optionalString.refine((v) => v === undefined || isUrl(v, protocols), {
    message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  });

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: url(['http:', 'https:']),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  SECRET_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters (generate one with `openssl rand -hex 32`)',
  }),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 8, {
    message: 'must be at least 8 characters',
  }),
  INSTAGRAM_APP_ID: optionalString,
  INSTAGRAM_APP_SECRET: optionalString,
  INSTAGRAM_WEBHOOK_VERIFY_TOKEN: optionalString,
  INSTAGRAM_GRAPH_URL: url(['http:', 'https:']).default('https://graph.instagram.com'),
  INSTAGRAM_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v23.0')
    .default('v23.0'),
  INSTAGRAM_OAUTH_AUTHORIZE_URL: url(['http:', 'https:']).default(
    'https://www.instagram.com/oauth/authorize',
  ),
  INSTAGRAM_OAUTH_TOKEN_URL: url(['http:', 'https:']).default('https://api.instagram.com/oauth/access_token'),
  INSTAGRAM_ACCESS_TOKEN: optionalString,
  CHATRACE_API_URL: url(['http:', 'https:']).default('https://api.chatrace.com'),
  /** demo mode: the built-in Instagram simulator stands in for Meta (auto: when no Meta app is configured) */
  SIMULATOR: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEBHOOK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  ACCESS_TOKEN_TTL: z.coerce
    .number()
    .int()
    .min(60)
    .default(12 * 3600),
  TRUST_PROXY: bool,
  /** on shutdown, requests still running this long (ms) after the listener closed are cut off */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** attachments larger than this are not copied into DATA_DIR (Meta's URL is kept) nor accepted as uploads */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** the daily cleanup (03:00 workspace time) prunes processed webhook bodies older than this */
  RETENTION_WEBHOOK_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** finished and dead job rows of the embedded queue */
  RETENTION_JOB_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /** stored files nothing refers to any more */
  RETENTION_ATTACHMENT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  DATA_DIR: string;
  SECRET_KEY: string;
  /** true when SECRET_KEY was generated into DATA_DIR rather than given */
  secretKeyGenerated: boolean;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secret = e.SECRET_KEY ?? readOrCreateSecret(dataDir);
  const config: Config = {
    ...e,
    DATA_DIR: dataDir,
    SECRET_KEY: secret,
    secretKeyGenerated: e.SECRET_KEY === undefined,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: join(dataDir, 'relaydesk.db') },
  };
  return Object.freeze(config);
}

// A generated key lives beside the data it protects, readable by the owner only.
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** What the config endpoint and diagnostics may show: secrets only as set/unset. */
export function publicConfig(config: Config) {
  return {
    publicUrl: config.PUBLIC_URL ?? null,
    database: config.database.kind,
    jobs: config.REDIS_URL ? 'bullmq' : 'embedded',
    instagram: {
      appId: config.INSTAGRAM_APP_ID ?? null,
      appSecret: config.INSTAGRAM_APP_SECRET ? 'set' : 'unset',
      webhookVerifyToken: config.INSTAGRAM_WEBHOOK_VERIFY_TOKEN ? 'set' : 'unset',
      accessToken: config.INSTAGRAM_ACCESS_TOKEN ? 'set' : 'unset',
      graphUrl: config.INSTAGRAM_GRAPH_URL,
      apiVersion: config.INSTAGRAM_API_VERSION,
    },
    chatrace: { apiUrl: config.CHATRACE_API_URL },
    secretKey: config.secretKeyGenerated ? 'generated' : 'set',
  };
}
