import pino, { type Logger } from 'pino';

/** JSON logs; any field that could hold a secret is replaced before it is written. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'secret',
        '*.secret',
        'sessionSecret',
        '*.sessionSecret',
        'databaseUrl',
        '*.databaseUrl',
        'headers.cookie',
        '*.headers.cookie',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
