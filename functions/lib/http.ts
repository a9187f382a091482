import type { MiddlewareObj, Request } from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import {
  PayloadTooLargeError,
  TiplineError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '#shared/errors.ts';

export type HttpEvent = APIGatewayProxyEvent & { parsedBody?: unknown };
type HttpRequest = Request<HttpEvent, APIGatewayProxyResult>;

/**
 * middy settings for HTTP handlers: stop a second before the Lambda deadline
 * so a slow dependency (SDK retries with backoff) ends in a 503, not a timeout.
 */
export const HTTP_HANDLER_OPTIONS = { timeoutEarlyInMillis: 1000 } as const;

const BASE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The web form's origin when it is served from another origin than the API (set by CDK). */
const CORS_HEADERS: Record<string, string> =
  process.env.WEB_ORIGIN === undefined || process.env.WEB_ORIGIN === ''
    ? {}
    : { 'access-control-allow-origin': process.env.WEB_ORIGIN, vary: 'origin' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  const merged: Record<string, string> = { ...BASE_HEADERS, ...CORS_HEADERS, ...headers };
  // A handler's Vary adds to the CORS one rather than replacing it.
  if (CORS_HEADERS.vary !== undefined && headers.vary !== undefined) merged.vary = `${CORS_HEADERS.vary}, ${headers.vary}`;
  return { statusCode, headers: merged, body: JSON.stringify(body) };
}

/** Case-insensitive header lookup: API Gateway keeps the client's casing. */
export function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

/**
 * Maps errors to responses. A 4xx carries its message and details; anything
 * else is logged and answered with a generic 500 so no internals leak.
 */
export function httpErrors(logger: Logger): MiddlewareObj<HttpEvent, APIGatewayProxyResult> {
  const httpErrorsOnError = async (request: HttpRequest): Promise<void> => {
    const error = request.error;
    if (error instanceof TiplineError && error.expose) {
      request.response = json(error.statusCode, { error: error.message, ...(error.details ?? {}) });
      return;
    }
    if (error instanceof Error && error.name === 'TimeoutError') {
      // middy stops the handler just before the Lambda deadline (timeoutEarlyInMillis):
      // an answer the client can retry, with the same Idempotency-Key, beats a gateway timeout.
      logger.warn('handler stopped before the Lambda timeout');
      request.response = json(503, { error: 'Service busy, please try again' }, { 'retry-after': '5' });
      return;
    }
    logger.error('Unhandled error', { error: error as Error });
    request.response = json(500, { error: 'Internal server error' });
  };
  return { onError: httpErrorsOnError };
}

/** JSON or form-encoded body to a value; the byte limit is checked before any parsing. */
export function decodeBody(event: APIGatewayProxyEvent, maxBytes: number): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const contentType = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = bytes.toString('utf8');
  if (contentType === 'application/json' || contentType.endsWith('+json')) return parseJson(text);
  if (contentType === 'application/x-www-form-urlencoded') return parseForm(text);
  throw new UnsupportedMediaTypeError(contentType);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ValidationError('Request body is empty', [{ path: '(body)', message: 'is required' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('Request body is not valid JSON', [{ path: '(body)', message: 'is not valid JSON' }]);
  }
}

/** Repeated fields keep their first value; a null-prototype object so `__proto__` is just a key. */
function parseForm(text: string): Record<string, string> {
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(text)) {
    if (!(key in result)) result[key] = value;
  }
  return result;
}
