import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { mintAttachmentKey } from '../attachment-keys.ts';
import { bucketName } from '../config.ts';
import { limits } from '../resources.ts';
import { presigner, s3 } from './clients/s3.ts';

const BUCKET = bucketName('evidence');

export const objectImageKey = (objectId: string): string => `objects/${objectId}/image`;
export const objectImageUrl = (objectId: string): string => `/media/${objectImageKey(objectId)}`;

export type ImageType = (typeof limits.imageTypes)[number];

/**
 * A presigned POST for an object's image: S3 itself enforces the size and
 * the content type, so no image bytes pass through Lambda. The type is pinned
 * to one raster type (`eq`, a policy has no "one of"): `starts-with image/`
 * let an SVG with script in, served from the site's own origin.
 */
export async function imageUploadForm(
  objectId: string,
  contentType: ImageType,
): Promise<{ url: string; fields: Record<string, string>; maxBytes: number; contentType: ImageType }> {
  const { url, fields } = await createPresignedPost(presigner, {
    Bucket: BUCKET,
    Key: objectImageKey(objectId),
    Conditions: [
      ['content-length-range', 1, limits.maxImageBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: 15 * 60,
  });
  return { url, fields, maxBytes: limits.maxImageBytes, contentType };
}

/** Reads a stored image (the local stand-in for CloudFront's S3 origin). */
export async function readMedia(key: string): Promise<{ body: Uint8Array; contentType: string } | null> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const body = await result.Body!.transformToByteArray();
    return { body, contentType: result.ContentType ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/**
 * A presigned POST for one new attachment key (minted under the shared
 * secret, so POST /tips can tell it was issued here). S3 enforces the
 * declared content type and size: the file may be at most the `size` the
 * tipster declared. The bytes never pass through Lambda, and nothing about
 * the uploader is kept (bucket access logs are off).
 */
export async function attachmentUploadForm(
  contentType: string,
  size: number,
  keySecret: string,
  now: Date = new Date(),
): Promise<{ attachmentKey: string; upload: { url: string; fields: Record<string, string> }; maxBytes: number; expiresInSeconds: number }> {
  const attachmentKey = mintAttachmentKey(keySecret, now);
  const expiresInSeconds = limits.attachmentUploadSeconds;
  const maxBytes = Math.min(size, limits.maxAttachmentBytes);
  const { url, fields } = await createPresignedPost(presigner, {
    Bucket: BUCKET,
    Key: attachmentKey,
    Conditions: [
      ['content-length-range', 1, maxBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: expiresInSeconds,
  });
  return { attachmentKey, upload: { url, fields }, maxBytes, expiresInSeconds };
}

/**
 * S3 answers a HEAD of a missing key with 404 only to a caller that may list the
 * bucket; to anyone else (the investigator's role has GetObject on `attachments/*`
 * and, on purpose, no ListBucket) it answers 403. With GetObject granted on the
 * prefix, a 403 there means "no such object", as the emulator's 404 does.
 */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'NotFound' || error.name === 'NoSuchKey') return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 403 && (error.name === 'Forbidden' || error.name === 'AccessDenied');
}

/** A short-lived download link for an investigator, or `missing` when nothing was uploaded under the key. */
export async function attachmentLink(key: string): Promise<{ url: string; contentType: string; size: number } | { missing: true }> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    const url = await getSignedUrl(presigner, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 15 * 60 });
    return { url, contentType: head.ContentType ?? 'application/octet-stream', size: head.ContentLength ?? 0 };
  } catch (error) {
    if (isMissingObject(error)) return { missing: true };
    throw error;
  }
}

/** Deletes an attachment once its tip has expired (shared/tips/retention.ts). */
export async function deleteAttachment(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
}
