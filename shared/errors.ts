/**
 * One error base class with named subclasses. Only errors whose `expose`
 * is true (the 4xx family) ever reach a client with their message; anything
 * else is reported as a generic 500 so internals never leak.
 */
export interface IssueDetail {
  readonly path: string;
  readonly message: string;
}

export class TiplineError extends Error {
  readonly statusCode: number;
  readonly expose: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, statusCode = 500, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.expose = statusCode < 500;
    this.details = details;
  }
}

export class ValidationError extends TiplineError {
  readonly issues: readonly IssueDetail[];
  constructor(message: string, issues: readonly IssueDetail[] = []) {
    super(message, 400, { issues });
    this.issues = issues;
  }
}

export class UnauthorizedError extends TiplineError {
  constructor(message = 'Unauthorized') {
    super(message, 401);
  }
}

export class ForbiddenError extends TiplineError {
  constructor(message = 'Forbidden') {
    super(message, 403);
  }
}

export class NotFoundError extends TiplineError {
  constructor(message = 'Not found') {
    super(message, 404);
  }
}

export class ConflictError extends TiplineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 409, details);
  }
}

export class PreconditionFailedError extends TiplineError {
  constructor(message = 'The resource changed since you read it', details?: Record<string, unknown>) {
    super(message, 412, details);
  }
}

export class PayloadTooLargeError extends TiplineError {
  constructor(limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`, 413, { limitBytes });
  }
}

export class UnsupportedMediaTypeError extends TiplineError {
  constructor(contentType: string) {
    super(`Unsupported content type: ${contentType || '(none)'}`, 415);
  }
}

export class TooManyRequestsError extends TiplineError {
  constructor(message = 'Too many requests, slow down', details?: Record<string, unknown>) {
    super(message, 429, details);
  }
}

/** A missing or malformed setting: the function must not start half-configured. */
export class ConfigurationError extends TiplineError {
  constructor(message: string) {
    super(message, 500);
  }
}
