/** Every expected failure is an AppError; `onError` turns its code into a status and a page or problem+json. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  // Stable codes a shop client branches on: a restricted product it may not order, and one with nothing left.
  NOT_ENTITLED: 403,
  SOLD_OUT: 409,
  // A client retrying a write branches on this one: its key already stands for another request.
  IDEMPOTENCY_KEY_REUSED: 422,
  // The cart changed since the customer reviewed it: checkout shows the review again.
  FINGERPRINT_CHANGED: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldErrors; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = 'Page'): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}
