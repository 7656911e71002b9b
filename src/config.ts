import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { SettingName } from '#src/settings.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// Typed against the list in settings.ts that `--help` prints: a setting parsed here and not described there, or
// the other way round, does not compile.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  TRUST_PROXY: z.string().transform(parseTrustProxy).optional(),
  ORDER_PAY_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: lowercase letters, digits, dots and hyphens')
    .optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
} satisfies Record<SettingName, z.ZodType>);

/**
 * Which proxies are believed when they say, in X-Forwarded-For and X-Forwarded-Proto, who the client is and how
 * it connected: none (`hops: 0`), the nearest `hops` proxies whatever their address, or those at the listed
 * addresses and ranges.
 */
export type TrustProxy = { hops: number } | { proxies: string[] };

// More proxies than this in one chain is a typo, and trusting more hops than there are proxies would let a
// client write its own address.
const MAX_HOPS = 10;
const TRUST_PROXY_FORMS = 'a number of proxies (1) or their addresses and ranges (10.0.0.1,192.168.0.0/16)';

function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === '0') return { hops: 0 };
  if (text === 'true') return fail(`"true" does not say which proxies to believe: give ${TRUST_PROXY_FORMS}`);
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? { hops } : fail(`at most ${MAX_HOPS} proxies; give ${TRUST_PROXY_FORMS}`);
  }
  const proxies = text.split(',').map((part) => part.trim());
  const wrong = proxies.find((part) => !isAddressOrRange(part));
  if (wrong !== undefined) return fail(`"${wrong}" is not an IP address or CIDR range; give ${TRUST_PROXY_FORMS}`);
  return { proxies };
}

function isAddressOrRange(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/');
  const version = isIP(address);
  // A zone (fe80::1%eth0) names an interface of one machine, never a proxy's address as the socket reports it.
  if (version === 0 || extra !== undefined || address.includes('%')) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Unset: mail is kept in the outbox table for staff to read. */
  smtpUrl: string | undefined;
  /** The From address of store mail; the store's name is shown beside it. */
  mailFrom: string;
  /** Unset, or while Redis does not answer: rate-limit counters live in the database. */
  redisUrl: string | undefined;
  /** Off by default: the socket's peer is the client, and forwarded headers are ignored. */
  trustProxy: TrustProxy;
  /** Days a pay-by-phone order waits for payment before the daily job cancels it. */
  orderPayDays: number;
  /** Unset: uploaded files live in DATA_DIR. */
  s3: S3Config | undefined;
};

/** Where uploaded files go when they are kept in S3-compatible object storage. */
export type S3Config = {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment once; an invalid value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    throw new ConfigError('Invalid configuration:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither');
  }
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `no-reply@${new URL(e.BASE_URL ?? 'http://localhost').hostname}`,
    redisUrl: e.REDIS_URL,
    trustProxy: e.TRUST_PROXY ?? { hops: 0 },
    orderPayDays: e.ORDER_PAY_DAYS,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          credentials:
            e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
              : undefined,
          // Self-hosted services rarely have a wildcard DNS name per bucket.
          forcePathStyle:
            e.S3_FORCE_PATH_STYLE === undefined
              ? e.S3_ENDPOINT !== undefined
              : ['true', '1'].includes(e.S3_FORCE_PATH_STYLE),
        }
      : undefined,
  };
}

// Outside production a secret is generated once and kept beside the data, so sessions survive restarts.
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
