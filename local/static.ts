import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { BAD_PATH, decodePath, type ExtraRoute } from './http-adapter.ts';
import { mediaHeaders, SNIFF_BYTES } from './media-headers.ts';
import { S3_PREFIX, type S3Route } from './s3-endpoint.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // The web app's own files only (web/dist, web/media); uploads never get a type from this table.
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
 * images, object images from the local S3, and the narrow S3 endpoint for
 * presigned links (local/s3-endpoint.ts) — the local stand-in for CloudFront
 * with its S3 origins.
 */
export function staticRoutes(root: string, s3?: S3Route): ExtraRoute {
  const dist = resolve(root, 'web/dist');
  const demo = resolve(root, 'web/media');
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (s3 !== undefined && url.pathname.startsWith(`${S3_PREFIX}/`)) {
      await s3(request, response, url);
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = decodePath(url.pathname);
    if (path === null) {
      response.writeHead(BAD_PATH.statusCode, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
      response.end(BAD_PATH.body);
      return true;
    }
    if (path.startsWith('/media/')) {
      const local = await fileUnder(demo, path.slice('/media/'.length));
      if (local !== null) return sendFile(response, local);
      // Imported on first use: the store reads its bucket name once, after the stack has set it.
      const { readMedia } = await import('#shared/store/media.ts');
      // Only object images are public; exports and anything else in the bucket are not.
      if (!path.startsWith('/media/objects/')) return sendStatus(response, 404);
      const key = path.slice('/media/'.length);
      const media = await readMedia(key);
      if (media === null) return sendStatus(response, 404);
      // An upload is the uploader's bytes: shown inline only if they are a raster image, sandboxed either way.
      response.writeHead(200, { ...mediaHeaders(media.contentType, undefined, media.body.subarray(0, SNIFF_BYTES), key), 'cache-control': 'public, max-age=300' });
      response.end(request.method === 'HEAD' ? undefined : media.body);
      return true;
    }
    if (path === '/' || path === '/index.html') return sendFile(response, await fileUnder(dist, 'index.html'));
    if (path === '/console' || path === '/console/') return sendFile(response, await fileUnder(dist, 'console.html'));
    if (path.startsWith('/assets/')) return sendFile(response, await fileUnder(dist, path.slice(1)));
    return false;
  };
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
