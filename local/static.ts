import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { ExtraRoute } from './http-adapter.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * The same security headers CloudFront adds in front of the deployed site: a
 * strict CSP (no inline script, nothing from another origin), no referrer,
 * no framing.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/**
 * Serves the built web app (`web/dist`) at `/` and `/console`, the demo
 * images, and uploaded media from the local S3 — the local stand-in for
 * CloudFront with its S3 origins.
 */
export function staticRoutes(root: string, s3Endpoint?: string): ExtraRoute {
  const dist = resolve(root, 'web/dist');
  const demo = resolve(root, 'web/media');
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (s3Endpoint !== undefined && url.pathname.startsWith(`${S3_PROXY_PREFIX}/`)) {
      await proxyToS3(request, response, url, s3Endpoint);
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/media/')) {
      const local = await fileUnder(demo, path.slice('/media/'.length));
      if (local !== null) return sendFile(response, local);
      // Imported on first use: the store reads its bucket name once, after the stack has set it.
      const { readMedia } = await import('#shared/store/media.ts');
      // Only object images are public; exports and anything else in the bucket are not.
      if (!path.startsWith('/media/objects/')) return sendStatus(response, 404);
      const media = await readMedia(path.slice('/media/'.length));
      if (media === null) return sendStatus(response, 404);
      response.writeHead(200, { 'content-type': media.contentType, 'cache-control': 'public, max-age=300', ...SECURITY_HEADERS });
      response.end(media.body);
      return true;
    }
    if (path === '/' || path === '/index.html') return sendFile(response, await fileUnder(dist, 'index.html'));
    if (path === '/console' || path === '/console/') return sendFile(response, await fileUnder(dist, 'console.html'));
    if (path.startsWith('/assets/')) return sendFile(response, await fileUnder(dist, path.slice(1)));
    return false;
  };
}

/**
 * Headers that belong to one connection, not to the request. `expect:
 * 100-continue` (sent by multipart uploads) is answered by Node's server
 * itself and cannot be forwarded by fetch.
 */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'expect', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/** Local S3 (fauxqs) is reached through the adapter at this path prefix. */
export const S3_PROXY_PREFIX = '/_s3';

/**
 * Forwards a request to the local S3 unchanged but for the prefix: presigned
 * POST uploads and presigned GET downloads then stay on the page's origin, so
 * the strict CSP (connect-src 'self') holds and no CORS is needed.
 */
async function proxyToS3(request: IncomingMessage, response: ServerResponse, url: URL, s3Endpoint: string): Promise<void> {
  const target = `${s3Endpoint}${url.pathname.slice(S3_PROXY_PREFIX.length)}${url.search}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (HOP_BY_HOP.has(name) || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await fetch(target, {
    method: request.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
    redirect: 'manual',
  });
  const out: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection' && name !== 'content-length') out[name] = value;
  });
  const body = Buffer.from(await upstream.arrayBuffer());
  // A HEAD answer has no body but the object's length.
  const length = request.method === 'HEAD' ? (upstream.headers.get('content-length') ?? '0') : String(body.length);
  response.writeHead(upstream.status, { ...out, 'content-length': length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function fileUnder(base: string, relative: string): Promise<string | null> {
  const candidate = normalize(join(base, relative));
  if (!candidate.startsWith(base)) return null;
  try {
    return (await stat(candidate)).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

async function sendFile(response: ServerResponse, file: string | null): Promise<boolean> {
  if (file === null) return sendStatus(response, 404);
  const body = await readFile(file);
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=300',
    ...SECURITY_HEADERS,
  });
  response.end(body);
  return true;
}

function sendStatus(response: ServerResponse, status: number): boolean {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  response.end(status === 404 ? 'Not found' : '');
  return true;
}
