import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs, on standard output unless `destination` says otherwise; any field that could hold a secret is replaced
 * before it is written.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
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
  };
  return destination ? pino(options, destination) : pino(options);
}
