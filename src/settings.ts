// The settings the store reads from the environment, each with its default and meaning: config.ts parses exactly
// these names (its schema is typed against this list) and `medstore --help` prints them. It imports nothing, so
// that `--help` answers without loading the parser.

type Setting = {
  /** What an unset variable amounts to, as a person reads it. */
  readonly shownDefault: string;
  readonly meaning: string;
};

export const SETTINGS = {
  PORT: { shownDefault: '3000', meaning: 'HTTP port; 0 picks a free one.' },
  HOST: {
    shownDefault: '0.0.0.0',
    meaning: 'Address to listen on; 127.0.0.1 keeps the store private to this machine.',
  },
  BASE_URL: {
    shownDefault: 'http://localhost:$PORT',
    meaning:
      'Public address of the store, used in links, canonical URLs, mail and the API document. An https: address ' +
      'also turns on Strict-Transport-Security.',
  },
  DATA_DIR: {
    shownDefault: './data',
    meaning: 'Folder of the embedded database (DATA_DIR/db), uploaded documents and the generated session secret.',
  },
  DATABASE_URL: {
    shownDefault: 'unset',
    meaning: 'postgres:// URL of a PostgreSQL server to use; unset uses the embedded database in DATA_DIR.',
  },
  SESSION_SECRET: {
    shownDefault: 'generated',
    meaning:
      'Signs sessions; at least 32 characters. Required when NODE_ENV=production; otherwise generated once and ' +
      'kept in DATA_DIR/session-secret.',
  },
  LOG_LEVEL: {
    shownDefault: 'info (silent when NODE_ENV=test)',
    meaning: 'fatal, error, warn, info, debug, trace or silent.',
  },
  NODE_ENV: { shownDefault: 'development', meaning: 'development, production or test.' },
  SMTP_URL: {
    shownDefault: 'unset',
    meaning:
      'smtp:// or smtps:// server for outgoing mail. Unset: mail is kept in the outbox, readable by staff at ' +
      '/admin/outbox (and, outside production, its links are written to the log).',
  },
  MAIL_FROM: { shownDefault: 'no-reply@<host of BASE_URL>', meaning: 'Sender address of store mail.' },
  REDIS_URL: {
    shownDefault: 'unset',
    meaning:
      'redis:// or rediss:// server for rate-limit counters. Unset, or while Redis does not answer, the counters ' +
      'live in the database.',
  },
  TRUST_PROXY: {
    shownDefault: 'off',
    meaning:
      'Reverse proxies to believe about the client address and protocol (X-Forwarded-For, X-Forwarded-Proto): ' +
      'a number of proxies (1-10), or their addresses and CIDR ranges (127.0.0.1,10.0.0.0/8). Off, false or 0: ' +
      'those headers are ignored.',
  },
  ORDER_PAY_DAYS: {
    shownDefault: '7',
    meaning:
      'Days an order paid by phone or bank transfer waits for its payment; after that a daily job cancels it and ' +
      'puts its stock back.',
  },
  S3_BUCKET: {
    shownDefault: 'unset',
    meaning:
      'Bucket of S3-compatible object storage for uploaded files (product images, licence documents); unset keeps ' +
      'them in DATA_DIR. Set it when more than one instance serves the store.',
  },
  S3_ENDPOINT: {
    shownDefault: 'unset (AWS)',
    meaning: 'http(s):// address of an S3-compatible service (MinIO, R2, Ceph); unset uses AWS S3 itself.',
  },
  S3_REGION: { shownDefault: 'us-east-1', meaning: 'Region of the bucket.' },
  S3_ACCESS_KEY_ID: {
    shownDefault: 'unset',
    meaning: "Access key of the bucket; unset uses the AWS SDK's own credential chain (environment, instance role).",
  },
  S3_SECRET_ACCESS_KEY: { shownDefault: 'unset', meaning: 'Secret of S3_ACCESS_KEY_ID; required with it.' },
  S3_FORCE_PATH_STYLE: {
    shownDefault: 'true when S3_ENDPOINT is set',
    meaning: 'Address the bucket as ENDPOINT/BUCKET rather than BUCKET.ENDPOINT, as most self-hosted services need.',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

// The longest name and a space.
const NAME_WIDTH = Math.max(...Object.keys(SETTINGS).map((name) => name.length)) + 1;
const LINE_WIDTH = 100;

/** The settings as `--help` prints them: the name and default on one line, the meaning wrapped below. */
export function describeSettings(): string {
  const indent = ' '.repeat(NAME_WIDTH + 2);
  return Object.entries(SETTINGS)
    .map(([name, { shownDefault, meaning }]) => {
      const head = `  ${name.padEnd(NAME_WIDTH)}default: ${shownDefault}`;
      return [head, ...wrap(meaning, LINE_WIDTH - indent.length).map((line) => indent + line)].join('\n');
    })
    .join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}
