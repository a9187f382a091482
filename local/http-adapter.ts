import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { FunctionKey, RouteDef } from '#shared/resources.ts';
import { openApiDocument } from '#shared/api/openapi.ts';
import { functions, limits, routes } from '#shared/resources.ts';
import type { AnyHandler } from './handlers.ts';
import { lambdaContext } from './lambda-context.ts';

/** API Gateway REST's own payload cap; the handlers enforce Tipline's smaller one. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

/**
 * Headers that identify a tipster. The local adapter never hands them to a
 * handler, and the deployed API's access log format leaves them out too.
 */
const IDENTIFYING_HEADERS = new Set(['x-forwarded-for', 'x-real-ip', 'forwarded', 'user-agent', 'cf-connecting-ip', 'true-client-ip', 'via']);

export interface Authorizer {
  /** Claims of a valid token, or null: the API answers 401 like the Cognito authorizer. */
  verify(token: string): Promise<Record<string, unknown> | null>;
}

export type ExtraRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

export interface HttpAdapterOptions {
  readonly port: number;
  readonly handlers: Record<FunctionKey, AnyHandler>;
  readonly authorizer: Authorizer;
  readonly logger: Logger;
  readonly isReady: () => boolean;
  /** Static files and other non-API routes, tried before the API. */
  readonly extra?: ExtraRoute;
  /**
   * Requests per minute per source on the public API routes; 0 turns the
   * limit off. Defaults to TIPLINE_RATE_LIMIT_PER_MINUTE, else a generous
   * DEFAULT_RATE_LIMIT_PER_MINUTE (many tipsters can share one Tor exit).
   */
  readonly rateLimitPerMinute?: number;
  /**
   * Wrong secrets (404s of `guessable` routes: receipts) per source before a
   * 429: this many at once, then one a minute. Default
   * `limits.receiptGuessesPerSource`; 0 turns it off.
   */
  readonly guessesPerSource?: number;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

/** The configured limit: the option, else the environment, else the default. */
export function rateLimitFromEnv(value: string | undefined = process.env.TIPLINE_RATE_LIMIT_PER_MINUTE): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const limit = Number(value);
  if (!Number.isFinite(limit) || limit < 0) throw new Error('TIPLINE_RATE_LIMIT_PER_MINUTE must be a number >= 0 (0 = off)');
  return limit;
}

/**
 * Per-source token buckets, in memory only: the key (the socket's remote
 * address) is never persisted, logged or handed to a handler, and idle
 * buckets are forgotten after a few minutes. AWS does the same job in WAF.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly maxSources: number;

  /** `capacity` requests at once (default: a minute's worth), then `perMinute`. */
  constructor(perMinute: number, maxSources = 100_000, capacity = perMinute) {
    this.capacity = capacity;
    this.perMs = perMinute / 60_000;
    this.maxSources = maxSources;
  }

  /** Like `take`, without taking: 0 when a token is there, else the seconds until one is back. */
  wait(source: string, now: number = Date.now()): number {
    const bucket = this.buckets.get(source);
    if (bucket === undefined) return 0;
    const tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.perMs);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
  }

  /** 0 when the request may pass, else the seconds until a token is back. */
  take(source: string, now: number = Date.now()): number {
    let bucket = this.buckets.get(source);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxSources) this.forgetIdle(now, 0);
      bucket = { tokens: this.capacity, updated: now };
      this.buckets.set(source, bucket);
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.perMs);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Drops buckets that have refilled (or idled past `idleMs`): they hold no information worth keeping. */
  forgetIdle(now: number = Date.now(), idleMs = 120_000): void {
    for (const [source, bucket] of this.buckets) {
      const refilled = bucket.tokens + (now - bucket.updated) * this.perMs >= this.capacity;
      if (refilled || now - bucket.updated >= idleMs) this.buckets.delete(source);
    }
    if (this.buckets.size >= this.maxSources) this.buckets.clear();
  }

  get size(): number {
    return this.buckets.size;
  }
}

interface CompiledRoute {
  readonly def: RouteDef;
  readonly pattern: RegExp;
  readonly params: string[];
}

function compile(def: RouteDef): CompiledRoute {
  const params: string[] = [];
  const source = def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_match, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { def, pattern: new RegExp(`^${source}/?$`), params };
}

const compiled = routes.map(compile);

/**
 * Turns HTTP requests into API Gateway REST (payload 1.0) proxy events and
 * calls the same handler modules Lambda runs, with a Cognito-like authorizer
 * in front of the investigator routes.
 */
export async function startHttpAdapter(options: HttpAdapterOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const perMinute = options.rateLimitPerMinute ?? rateLimitFromEnv();
  const limiter = perMinute > 0 ? new RateLimiter(perMinute) : undefined;
  const guessCapacity = options.guessesPerSource ?? limits.receiptGuessesPerSource;
  const guesses = guessCapacity > 0 ? new RateLimiter(1, 100_000, guessCapacity) : undefined;
  const sweep = setInterval(() => {
    limiter?.forgetIdle();
    guesses?.forgetIdle(Date.now(), 3_600_000);
  }, 60_000);
  sweep.unref();
  const server = createServer((request, response) => {
    handle(request, response, options, limiter, guesses).catch((error: unknown) => {
      options.logger.error('local adapter failure', { error: error as Error });
      if (!response.headersSent) send(response, { statusCode: 500, body: JSON.stringify({ message: 'Internal server error' }) });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let openApiJson: string | undefined;

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: HttpAdapterOptions,
  limiter: RateLimiter | undefined,
  guesses: RateLimiter | undefined,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/health' && request.method === 'GET') {
    const ready = options.isReady();
    send(response, { statusCode: ready ? 200 : 503, body: JSON.stringify({ status: ready ? 'ok' : 'starting' }) });
    return;
  }
  // The API's contract, generated from the handlers' zod schemas (shared/api/openapi.ts); local only, like /health.
  if (url.pathname === '/openapi.json' && request.method === 'GET') {
    openApiJson ??= JSON.stringify(openApiDocument());
    send(response, { statusCode: 200, body: openApiJson });
    return;
  }
  if (options.extra !== undefined && (await options.extra(request, response, url))) return;

  const match = findRoute(request.method ?? 'GET', url.pathname);
  if (match === 'bad-path') {
    await drain(request);
    send(response, BAD_PATH);
    return;
  }
  if (match === 'method') {
    await drain(request);
    send(response, { statusCode: 405, body: JSON.stringify({ message: 'Method Not Allowed' }) });
    return;
  }
  if (match === undefined) {
    await drain(request);
    send(response, { statusCode: 404, body: JSON.stringify({ message: 'Not Found' }) });
    return;
  }
  if (limiter !== undefined && match.route.def.auth === 'public') {
    // Keyed by the socket address only (X-Forwarded-For is the client's to forge).
    const retryAfter = limiter.take(request.socket.remoteAddress ?? 'unknown');
    if (retryAfter > 0) {
      await drain(request);
      send(response, { statusCode: 429, headers: { 'retry-after': String(retryAfter) }, body: JSON.stringify({ error: 'Too many requests, slow down' }) });
      return;
    }
  }
  // Receipt guessing: a source whose wrong receipts used up its allowance waits, whatever it sends now.
  const guessSource = guesses !== undefined && match.route.def.guessable === true ? (request.socket.remoteAddress ?? 'unknown') : undefined;
  if (guessSource !== undefined) {
    const retryAfter = guesses!.wait(guessSource);
    if (retryAfter > 0) {
      await drain(request);
      send(response, { statusCode: 429, headers: { 'retry-after': String(retryAfter) }, body: JSON.stringify({ error: 'Too many wrong receipts from here; try again later' }) });
      return;
    }
  }
  const body = await readBody(request, GATEWAY_MAX_BODY);
  if (body === null) {
    send(response, { statusCode: 413, body: JSON.stringify({ message: 'Request Entity Too Large' }) });
    return;
  }

  let claims: Record<string, unknown> | null = null;
  if (match.route.def.auth === 'investigator') {
    const raw = headerValue(request, 'authorization') ?? '';
    const token = raw.replace(/^Bearer\s+/i, '').trim();
    claims = token === '' ? null : await options.authorizer.verify(token);
    if (claims === null) {
      send(response, { statusCode: 401, body: JSON.stringify({ message: 'Unauthorized' }) });
      return;
    }
  }

  const event = toEvent(request, url, match.route.def, match.params, body, claims);
  const def = functions[match.route.def.function];
  const result = (await options.handlers[match.route.def.function](event, lambdaContext(def))) as APIGatewayProxyResult;
  if (guessSource !== undefined && result.statusCode === 404) guesses!.take(guessSource);
  send(response, result);
}

/** The decoded path (or path segment), or null when its percent-encoding is malformed: a client's error, never a crash. */
export function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The answer to a path whose percent-encoding is malformed, in the API's error shape. */
export const BAD_PATH = {
  statusCode: 400,
  body: JSON.stringify({ error: 'Malformed percent-encoding in the path', issues: [{ path: 'path', message: 'must be valid percent-encoded UTF-8' }] }),
} as const;

function findRoute(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | 'method' | 'bad-path' | undefined {
  let pathMatched = false;
  for (const route of compiled) {
    const found = route.pattern.exec(path);
    if (found === null) continue;
    pathMatched = true;
    if (route.def.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [index, name] of route.params.entries()) {
      const value = decodePath(found[index + 1] ?? '');
      if (value === null) return 'bad-path';
      params[name] = value;
    }
    return { route, params };
  }
  return pathMatched ? 'method' : undefined;
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) tooLarge = true;
    else chunks.push(buffer);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request) {
    // discard
  }
}

/** Claims reach Lambda as strings, as the REST API's Cognito authorizer passes them. */
function stringClaims(claims: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    result[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return result;
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  def: RouteDef,
  params: Record<string, string>,
  body: Buffer,
  claims: Record<string, unknown> | null,
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index] ?? '';
    const value = request.rawHeaders[index + 1] ?? '';
    if (IDENTIFYING_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    query[key] = value;
    (multiQuery[key] ??= []).push(value);
  }
  const hasQuery = Object.keys(query).length > 0;
  const now = Date.now();
  return {
    resource: def.path,
    path: url.pathname,
    httpMethod: def.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: Object.keys(params).length > 0 ? params : null,
    stageVariables: null,
    body: body.length > 0 ? body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: claims === null ? null : { claims: stringClaims(claims) },
      protocol: `HTTP/${request.httpVersion}`,
      httpMethod: def.method,
      // The real event carries the caller's address; locally it is never exposed.
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '0.0.0.0',
        user: null,
        userAgent: null,
        userArn: null,
      },
      path: `/local${url.pathname}`,
      stage: 'local',
      requestId: randomUUID(),
      requestTimeEpoch: now,
      resourceId: 'local',
      resourcePath: def.path,
    },
  };
}

function send(response: ServerResponse, result: Partial<APIGatewayProxyResult>): void {
  const headers: Record<string, string | number | boolean> = { 'content-type': 'application/json; charset=utf-8', ...(result.headers ?? {}) };
  for (const [key, values] of Object.entries(result.multiValueHeaders ?? {})) {
    headers[key] = values.map(String).join(', ');
  }
  const body = result.body ?? '';
  const payload = result.isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  response.writeHead(result.statusCode ?? 200, headers as Record<string, string>);
  response.end(payload);
}
