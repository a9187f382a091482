import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import busboy from 'busboy';
import { limits } from '#shared/resources.ts';
import { LOCAL_REGION } from './bootstrap.ts';
import { mediaHeaders, SNIFF_BYTES } from './media-headers.ts';
import { verifyPostPolicy, verifyPresignedUrl, type PostGrant, type SigningIdentity } from './sigv4.ts';

/** Presigned upload and download links of the local stack point here, on the API port. */
export const S3_PREFIX = '/_s3';

/**
 * No upload is read past this many bytes, whatever its policy says: the
 * largest file any Tipline form grants (a 10 MB attachment).
 */
export const UPLOAD_HARD_CAP = Math.max(limits.maxAttachmentBytes, limits.maxImageBytes);

/**
 * The key the local functions sign presigned links with. The emulator checks
 * no signature, so this endpoint does, and a key everyone knows (fauxqs's
 * usual `local`/`local`) would let anyone sign their own policy: the secret is
 * random, made once per process and never written down. Links issued before
 * a restart stop working, like links whose signing key was rotated.
 */
export const LOCAL_SIGNING: SigningIdentity = {
  accessKeyId: 'tipline-local',
  secretAccessKey: randomBytes(32).toString('base64url'),
  region: LOCAL_REGION,
};

export interface S3EndpointOptions {
  /** The emulator, on loopback; never reachable through this endpoint except by the two verified operations. */
  readonly internalEndpoint: string;
  /** Buckets that presigned links may name. */
  readonly buckets: readonly string[];
  readonly identity?: SigningIdentity;
  /** Tests lower it; defaults to UPLOAD_HARD_CAP. */
  readonly hardCapBytes?: number;
}

export type S3Route = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

/**
 * The local stand-in for S3's public face, on the API port under /_s3, so the
 * form's upload and the console's download stay on the page's origin (the
 * strict CSP's connect-src 'self'). It is not a proxy: it accepts only
 *  - a presigned POST upload whose policy verifies (signature with the stack's
 *    key, expiry, bucket, key, content type, size range), streaming the file
 *    and answering 413 as soon as it passes the policy's maximum or the hard
 *    cap, never holding more than that in memory; and
 *  - a presigned GET whose query signature and expiry verify, served with
 *    headers that never let an upload run as a page (local/media-headers.ts);
 * and does the write or read itself with its own SDK client. Anything else —
 * listing, PUT, DELETE, an SQS action, an unsigned or altered link — is a 403.
 */
export function s3Endpoint(options: S3EndpointOptions): S3Route {
  const identity = options.identity ?? LOCAL_SIGNING;
  const hardCap = options.hardCapBytes ?? UPLOAD_HARD_CAP;
  const buckets = new Set(options.buckets);
  // Built once: the endpoint talks to the emulator directly (it checks no credentials).
  const s3 = new S3Client({ endpoint: options.internalEndpoint, region: identity.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, forcePathStyle: true });

  return async (request, response) => {
    const rawUrl = request.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));
    const [bucket, ...keyParts] = rawPath.slice(S3_PREFIX.length + 1).split('/');
    const rawKey = keyParts.join('/');
    if (bucket === undefined || !buckets.has(bucket)) return refuse(request, response, 403, 'AccessDenied', 'Access Denied');

    if (request.method === 'POST' && rawKey === '' && query.size === 0) {
      return upload(request, response, bucket, { s3, identity, hardCap });
    }
    if (request.method === 'GET' && rawKey !== '' && query.has('X-Amz-Signature')) {
      const verdict = await verifyPresignedUrl({ method: 'GET', rawPath, query, headers: request.headers as Record<string, string | undefined> }, identity);
      if (!verdict.ok) return refuse(request, response, 403, 'AccessDenied', 'Request signature does not verify or has expired');
      let key: string;
      try {
        key = decodeURIComponent(rawKey);
      } catch {
        return refuse(request, response, 400, 'InvalidURI', 'Malformed key');
      }
      return download(response, s3, bucket, key);
    }
    return refuse(request, response, 403, 'AccessDenied', 'Only presigned uploads and downloads are served here');
  };
}

async function download(response: ServerResponse, s3: S3Client, bucket: string, key: string): Promise<void> {
  let object;
  try {
    object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return xml(response, 404, 'NoSuchKey', 'The specified key does not exist.');
    throw error;
  }
  // The first bytes decide how the file may be shown; the rest streams through.
  const body = object.Body as Readable;
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  const head: Buffer = first.done === true ? Buffer.alloc(0) : first.value;
  response.writeHead(200, {
    ...mediaHeaders(object.ContentType, object.ContentDisposition, head.subarray(0, SNIFF_BYTES), key),
    ...(object.ContentLength === undefined ? {} : { 'content-length': String(object.ContentLength) }),
    'cache-control': 'private, no-store',
  });
  await pipeline(
    Readable.from(
      (async function* () {
        yield head;
        for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
      })(),
    ),
    response,
  );
}

interface UploadContext {
  readonly s3: S3Client;
  readonly identity: SigningIdentity;
  readonly hardCap: number;
}

/**
 * A browser POST upload. Like S3, the fields come first and the file last, so
 * the policy is verified before a byte of the file is read; the file is then
 * counted as it arrives and refused the moment it is too large.
 */
function upload(request: IncomingMessage, response: ServerResponse, bucket: string, context: UploadContext): Promise<void> {
  return new Promise<void>((resolve) => {
    let settled = false;
    const finish = (status: number, code: string, message: string): void => {
      if (settled) return;
      settled = true;
      request.unpipe();
      refuse(request, response, status, code, message);
      resolve();
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Fields are a policy and a handful of short values; one file.
        limits: { fields: 32, fieldSize: 16 * 1024, files: 1, parts: 34, fileSize: context.hardCap + 1 },
      });
    } catch {
      finish(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
      return;
    }
    const fields = new Map<string, string>();
    let sawFile = false;
    parser.on('field', (name, value) => {
      // S3 ignores fields after the file.
      if (!sawFile) fields.set(name.toLowerCase(), value);
    });
    parser.on('file', (name, file) => {
      if (sawFile || name !== 'file') {
        file.resume();
        finish(400, 'InvalidArgument', 'POST requires exactly one file upload per request, in a field named file.');
        return;
      }
      sawFile = true;
      file.pause();
      void verifyPostPolicy(bucket, fields, context.identity)
        .then((verdict) => {
          if (!verdict.ok) return finish(403, 'AccessDenied', 'Invalid according to Policy');
          return receive(file, verdict.value);
        })
        .catch(() => finish(500, 'InternalError', 'We encountered an internal error. Please try again.'));
    });
    parser.on('close', () => {
      if (!sawFile) finish(400, 'InvalidArgument', 'POST requires exactly one file upload per request, in a field named file.');
    });
    parser.on('error', () => finish(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.'));
    request.on('error', () => finish(400, 'IncompleteBody', 'The request body ended early.'));

    const receive = (file: Readable, grant: PostGrant): void => {
      const max = Math.min(grant.maxBytes ?? context.hardCap, context.hardCap);
      const chunks: Buffer[] = [];
      let size = 0;
      file.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > max) {
          chunks.length = 0;
          finish(413, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size of ${max} bytes.`);
          return;
        }
        chunks.push(chunk);
      });
      file.on('end', () => {
        if (settled) return;
        if (size < Math.max(grant.minBytes, 1)) return finish(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
        context.s3
          .send(new PutObjectCommand({ Bucket: bucket, Key: grant.key, Body: Buffer.concat(chunks), ContentType: grant.contentType ?? 'binary/octet-stream' }))
          .then(() => {
            if (settled) return;
            settled = true;
            response.writeHead(grant.successStatus, { 'content-type': 'application/xml', 'x-content-type-options': 'nosniff' });
            response.end(grant.successStatus === 204 ? undefined : `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Bucket>${bucket}</Bucket></PostResponse>`);
            resolve();
          })
          .catch(() => finish(500, 'InternalError', 'We encountered an internal error. Please try again.'));
      });
      file.resume();
    };
    request.pipe(parser);
  });
}

function xml(response: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'application/xml',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    ...extra,
  });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** How long a refused upload's connection stays half-open so the client can read the answer. */
const LINGER_MS = 2_000;

/**
 * An error answer that reads no more of the request: a refused or oversized
 * upload is not drained. The request is paused (the kernel's buffers fill and
 * the client's sending stalls, nothing reaches memory) and the connection
 * closes after the answer. The close lingers, as nginx's lingering_close
 * does: Node would destroy the socket as soon as the answer is written, and a
 * reset with unread data in flight can make the client lose the answer.
 */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, code: string, message: string): void {
  const complete = request.readableEnded || (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined);
  if (!complete) {
    request.pause();
    const socket = request.socket;
    socket.destroySoon = () => {
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
  }
  xml(response, status, code, message, complete ? {} : { connection: 'close' });
}
