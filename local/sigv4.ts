import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';

/**
 * Verifies what S3 verifies before it accepts a presigned request, for the
 * local stack's narrow S3 endpoint (local/s3-endpoint.ts): the emulator checks
 * no signature, so the endpoint must. Signatures are recomputed with the
 * SDK's own signer (@smithy/signature-v4, the code that made them), never
 * parsed by hand, and compared in constant time.
 */

export interface SigningIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

export type Verdict<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3's own ceiling for a presigned URL (7 days). */
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;
/** A signature dated further ahead than this is refused (S3 allows 15 minutes of clock skew). */
const MAX_SKEW_MS = 15 * 60_000;

/** node:crypto behind the SDK's Checksum interface (what @smithy/hash-node does). */
class Sha256 implements Checksum {
  private readonly secret: SourceData | undefined;
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: SourceData) {
    this.secret = secret;
    this.hash = this.fresh();
  }
  private fresh(): ReturnType<typeof createHash> | ReturnType<typeof createHmac> {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function sameHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(a) || !/^[0-9a-f]{64}$/.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** `20260102T030405Z` as a Date, or null. */
function parseAmzDate(value: string | undefined): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `<key id>/<yyyymmdd>/<region>/s3/aws4_request` must name this identity and the signing day. */
function checkCredential(credential: string | undefined, amzDate: string, identity: SigningIdentity): string | null {
  const parts = (credential ?? '').split('/');
  if (parts.length !== 5) return 'malformed credential';
  const [keyId, day, region, service, terminator] = parts;
  if (keyId !== identity.accessKeyId) return 'unknown access key';
  if (day !== amzDate.slice(0, 8) || region !== identity.region || service !== 's3' || terminator !== 'aws4_request') return 'credential scope mismatch';
  return null;
}

// ---------------------------------------------------------------- presigned GET

export interface PresignedGet {
  readonly method: string;
  /** The request path exactly as sent (still percent-encoded). */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** Lower-cased request headers (at least `host`). */
  readonly headers: Record<string, string | undefined>;
}

/**
 * A presigned URL (SigV4 query authentication): recomputes the signature over
 * the method, path, query and signed headers with the stack's key and checks
 * the expiry. Anything unsigned, altered, expired or signed with another key fails.
 */
export async function verifyPresignedUrl(request: PresignedGet, identity: SigningIdentity, now: Date = new Date()): Promise<Verdict<null>> {
  const q = (name: string): string | undefined => request.query.get(name) ?? undefined;
  if (q('X-Amz-Algorithm') !== ALGORITHM) return { ok: false, reason: 'not a SigV4 presigned URL' };
  const signature = q('X-Amz-Signature') ?? '';
  const amzDate = q('X-Amz-Date') ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === null) return { ok: false, reason: 'malformed X-Amz-Date' };
  const credentialProblem = checkCredential(q('X-Amz-Credential'), amzDate, identity);
  if (credentialProblem !== null) return { ok: false, reason: credentialProblem };
  const expires = Number(q('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) return { ok: false, reason: 'malformed X-Amz-Expires' };
  if (signingDate.getTime() - now.getTime() > MAX_SKEW_MS) return { ok: false, reason: 'signed in the future' };
  if (now.getTime() >= signingDate.getTime() + expires * 1000) return { ok: false, reason: 'expired' };
  const signedHeaders = (q('X-Amz-SignedHeaders') ?? '').split(';');
  if (!signedHeaders.includes('host')) return { ok: false, reason: 'host is not signed' };

  // The request as the SDK's presigner saw it: the same query (less the
  // signature, which the signer adds back), the signed headers, and S3's
  // unsigned payload.
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(request.query.keys())) {
    if (name === 'X-Amz-Signature') continue;
    const values = request.query.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    headers[name] = value;
  }
  const signer = new SignatureV4({
    service: 's3',
    region: identity.region,
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey },
    sha256: Sha256,
    // S3 signs the path as sent, without encoding it a second time.
    uriEscapePath: false,
    applyChecksum: false,
  });
  const [hostname, port] = (headers.host ?? '').split(':');
  const recomputed = await signer.presign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: hostname ?? '',
      ...(port === undefined ? {} : { port: Number(port) }),
      path: request.rawPath,
      query,
      // Spelled as the S3 presigner spells it, so the hoisted parameter is the URL's own.
      headers: { ...headers, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    },
    { signingDate, expiresIn: expires, unsignableHeaders: new Set(['content-type']) },
  );
  const expected = recomputed.query?.['X-Amz-Signature'];
  if (typeof expected !== 'string' || !sameHex(signature, expected)) return { ok: false, reason: 'signature does not match' };
  // The signer writes back the signed-header list it computed; a URL that
  // claims fewer or other headers than were signed does not match.
  if (recomputed.query?.['X-Amz-SignedHeaders'] !== q('X-Amz-SignedHeaders')) return { ok: false, reason: 'signed headers do not match' };
  return { ok: true, value: null };
}

// ---------------------------------------------------------------- presigned POST

/** What a verified POST policy allows for the file that follows its fields. */
export interface PostGrant {
  readonly key: string;
  readonly contentType: string | undefined;
  readonly minBytes: number;
  /** From the policy's content-length-range; the endpoint also applies its hard cap. */
  readonly maxBytes: number | undefined;
  readonly successStatus: 200 | 201 | 204;
}

/** Form fields S3 never matches against the policy. */
const UNCHECKED_FIELDS = new Set(['policy', 'x-amz-signature', 'file']);

/**
 * A browser POST upload: the policy must be signed with the stack's key
 * (SigV4 over the base64 policy), unexpired, and every condition must hold
 * for the form's fields and the URL's bucket; like S3, every field sent must
 * be named by some condition, so nothing can be slipped past the policy.
 * `fields` are the form fields before the file, names lower-cased.
 */
export async function verifyPostPolicy(bucket: string, fields: ReadonlyMap<string, string>, identity: SigningIdentity, now: Date = new Date()): Promise<Verdict<PostGrant>> {
  const field = (name: string): string | undefined => fields.get(name);
  if (field('x-amz-algorithm') !== ALGORITHM) return { ok: false, reason: 'not a SigV4 policy' };
  const amzDate = field('x-amz-date') ?? '';
  if (parseAmzDate(amzDate) === null) return { ok: false, reason: 'malformed x-amz-date' };
  const credentialProblem = checkCredential(field('x-amz-credential'), amzDate, identity);
  if (credentialProblem !== null) return { ok: false, reason: credentialProblem };
  const encoded = field('policy');
  if (encoded === undefined || encoded === '') return { ok: false, reason: 'no policy' };
  const signingKey = await getSigningKey(Sha256, { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey }, amzDate.slice(0, 8), identity.region, 's3');
  const expected = createHmac('sha256', signingKey).update(encoded, 'utf8').digest('hex');
  if (!sameHex((field('x-amz-signature') ?? '').toLowerCase(), expected)) return { ok: false, reason: 'signature does not match' };

  // Signed by us from here on, so well-formed; still parsed defensively.
  let policy: { expiration?: unknown; conditions?: unknown };
  try {
    policy = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as typeof policy;
  } catch {
    return { ok: false, reason: 'malformed policy' };
  }
  const expiration = typeof policy.expiration === 'string' ? Date.parse(policy.expiration) : Number.NaN;
  if (Number.isNaN(expiration) || now.getTime() >= expiration) return { ok: false, reason: 'policy expired' };
  if (!Array.isArray(policy.conditions)) return { ok: false, reason: 'malformed policy' };

  const values = new Map(fields);
  values.set('bucket', bucket);
  const covered = new Set<string>();
  let minBytes = 0;
  let maxBytes: number | undefined;
  for (const condition of policy.conditions as unknown[]) {
    if (Array.isArray(condition)) {
      const [operator, target, operand] = condition as unknown[];
      if (operator === 'content-length-range' && typeof target === 'number' && typeof operand === 'number') {
        minBytes = Math.max(minBytes, target);
        maxBytes = Math.min(maxBytes ?? operand, operand);
        continue;
      }
      if ((operator !== 'eq' && operator !== 'starts-with') || typeof target !== 'string' || !target.startsWith('$') || typeof operand !== 'string') {
        return { ok: false, reason: 'unsupported policy condition' };
      }
      const name = target.slice(1).toLowerCase();
      const value = values.get(name) ?? '';
      if (operator === 'eq' ? value !== operand : !value.startsWith(operand)) return { ok: false, reason: `condition on ${name} fails` };
      covered.add(name);
      continue;
    }
    if (typeof condition !== 'object' || condition === null) return { ok: false, reason: 'unsupported policy condition' };
    for (const [rawName, operand] of Object.entries(condition)) {
      const name = rawName.toLowerCase();
      if (typeof operand !== 'string' || (values.get(name) ?? '') !== operand) return { ok: false, reason: `condition on ${name} fails` };
      covered.add(name);
    }
  }
  for (const name of fields.keys()) {
    if (UNCHECKED_FIELDS.has(name) || name.startsWith('x-ignore-')) continue;
    if (!covered.has(name)) return { ok: false, reason: `field ${name} is not allowed by the policy` };
  }
  if (!covered.has('bucket')) return { ok: false, reason: 'policy names no bucket' };
  const key = field('key');
  if (key === undefined || key === '' || !covered.has('key') || key.includes('${filename}')) return { ok: false, reason: 'no key' };
  const status = field('success_action_status');
  return {
    ok: true,
    value: {
      key,
      contentType: field('content-type'),
      minBytes,
      maxBytes,
      successStatus: status === '200' ? 200 : status === '201' ? 201 : 204,
    },
  };
}
