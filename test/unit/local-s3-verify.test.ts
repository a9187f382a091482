/**
 * The verifiers behind the local stack's /_s3 endpoint (local/sigv4.ts), the
 * serving headers for uploads (local/media-headers.ts) and attachment key
 * minting (shared/attachment-keys.ts), against what the SDK itself signs.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaHeaders } from '#local/media-headers.ts';
import { verifyPostPolicy, verifyPresignedUrl, type SigningIdentity } from '#local/sigv4.ts';
import { mintAttachmentKey, verifyAttachmentKey } from '#shared/attachment-keys.ts';

const identity: SigningIdentity = { accessKeyId: 'tipline-local', secretAccessKey: 'a-secret-for-tests', region: 'us-east-1' };
const client = new S3Client({ endpoint: 'http://127.0.0.1:3000/_s3', region: identity.region, credentials: identity, forcePathStyle: true });

async function presignedGet(key: string, expiresIn = 900) {
  const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn }));
  return { method: 'GET', rawPath: url.pathname, query: url.searchParams, headers: { host: url.host } };
}

async function postFields(): Promise<Map<string, string>> {
  const { fields } = await createPresignedPost(client, {
    Bucket: 'b',
    Key: 'attachments/k',
    Conditions: [['content-length-range', 1, 100], ['eq', '$Content-Type', 'image/png']],
    Fields: { 'Content-Type': 'image/png' },
    Expires: 600,
  });
  return new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), value]));
}

describe('presigned GET verification', () => {
  it('accepts what the SDK presigned, keys with spaces and unicode included', async () => {
    // Act
    const verdicts = await Promise.all(['exports/2026-01-01/a.csv', 'attachments/a b/ü+%.png'].map(async (key) => verifyPresignedUrl(await presignedGet(key), identity)));

    // Assess
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([true, true]);
  });

  it('refuses any change to the path, a query value or the host, and another key', async () => {
    const request = await presignedGet('exports/2026-01-01/a.csv');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('path', 'query', 'host', 'secret'), fc.string({ minLength: 1, maxLength: 8 }), async (part, noise) => {
        const query = new URLSearchParams(request.query);
        let { rawPath, headers } = request;
        let signing = identity;
        if (part === 'path') rawPath = `${rawPath}${encodeURIComponent(noise)}`;
        if (part === 'query') query.set('x-id', `GetObject${noise}`);
        if (part === 'host') headers = { host: `${noise.replace(/[^a-z]/g, 'x')}.example:1` };
        if (part === 'secret') signing = { ...identity, secretAccessKey: `${identity.secretAccessKey}${noise}` };
        expect((await verifyPresignedUrl({ ...request, rawPath, query, headers }, signing)).ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an expired link', async () => {
    const request = await presignedGet('exports/a.csv', 60);
    expect((await verifyPresignedUrl(request, identity, new Date(Date.now() + 61_000))).ok).toBe(false);
  });
});

describe('presigned POST verification', () => {
  it('accepts the SDK policy and grants its key, type and size range', async () => {
    const verdict = await verifyPostPolicy('b', await postFields(), identity);
    expect(verdict).toEqual({ ok: true, value: { key: 'attachments/k', contentType: 'image/png', minBytes: 1, maxBytes: 100, successStatus: 204 } });
  });

  it('refuses another bucket, key or type, an extra field, and an expired policy', async () => {
    // Prepare
    const fields = await postFields();
    const variants = [
      ['other', fields],
      ['b', new Map(fields).set('key', 'objects/x/image')],
      ['b', new Map(fields).set('content-type', 'text/html')],
      ['b', new Map(fields).set('x-amz-meta-extra', '1')],
    ] as const;

    // Act
    const verdicts = await Promise.all(variants.map(([bucket, form]) => verifyPostPolicy(bucket, form, identity)));
    const expired = await verifyPostPolicy('b', fields, identity, new Date(Date.now() + 601_000));

    // Assess
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([false, false, false, false]);
    expect(expired.ok).toBe(false);
  });
});

describe('serving headers for uploads', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

  it('shows real raster bytes inline as what they are; everything else is a download of a non-executable type', () => {
    fc.assert(
      fc.property(fc.constantFrom('text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/javascript', 'image/png', undefined), fc.uint8Array({ maxLength: 12 }), (declared, bytes) => {
        const headers = mediaHeaders(declared, undefined, bytes, 'objects/x/image');
        expect(['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/javascript']).not.toContain(headers['content-type']);
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox");
        if (headers['content-disposition'] === undefined) expect(['image/png', 'image/jpeg', 'image/webp']).toContain(headers['content-type']);
      }),
    );
    expect(mediaHeaders('image/svg+xml', undefined, png, 'k')['content-type']).toBe('image/png');
    expect(mediaHeaders('text/csv; charset=utf-8', 'attachment; filename="tipline-export.csv"', new Uint8Array(), 'k')['content-disposition']).toBe('attachment; filename="tipline-export.csv"');
  });
});

describe('attachment keys', () => {
  it('verifies a minted key for two days, and never a key with another mac or another secret', () => {
    // Prepare
    const now = new Date('2026-12-02T23:59:00Z');
    const key = mintAttachmentKey('s1', now);

    // Act / Assess
    expect(verifyAttachmentKey('s1', key, now.getTime())).toMatchObject({ ok: true });
    expect(verifyAttachmentKey('s1', key, now.getTime() + 86_400_000)).toMatchObject({ ok: true });
    expect(verifyAttachmentKey('s1', key, Date.parse('2026-12-04T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAttachmentKey('s2', key, now.getTime())).toEqual({ ok: false, reason: 'not issued' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: key.length - 1 }), (index) => {
        const flipped = `${key.slice(0, index)}${key[index] === '0' ? '1' : '0'}${key.slice(index + 1)}`;
        expect(verifyAttachmentKey('s1', flipped, now.getTime()).ok).toBe(false);
      }),
    );
  });
});
