import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName } from '../config.ts';
import { SNIFF_BYTES } from '../media/sniff.ts';
import { presigner, s3 } from './clients/s3.ts';

/**
 * S3 side of attachment processing (issue 15). An original stays under its
 * `attachments/` key, never rewritten; its metadata-free viewing copy goes under
 * `viewing/` with the same suffix, so a console link can only ever reach the copy.
 */
const BUCKET = bucketName('evidence');

export const viewingKeyOf = (attachmentKey: string): string => `viewing/${attachmentKey.slice('attachments/'.length)}`;

function isMissing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || status === 404 || status === 403;
}

/** The first bytes of an uploaded attachment and its declared type (a ranged GET), or null when it has not arrived. */
export async function headOfAttachment(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined } | null> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
    return { bytes: await result.Body!.transformToByteArray(), contentType: result.ContentType };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The whole original, or null when it never arrived. */
export async function readAttachment(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined; scan: string | undefined } | null> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return { bytes: await result.Body!.transformToByteArray(), contentType: result.ContentType, scan: undefined };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Writes the viewing copy (idempotent: the same original always gives the same bytes under the same key). */
export async function putViewingCopy(attachmentKey: string, bytes: Uint8Array, contentType: string): Promise<string> {
  const key = viewingKeyOf(attachmentKey);
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes, ContentType: contentType }));
  return key;
}

/** A 15-minute link to any evidence-bucket key (viewing copy for everyone; the original for coordinators). */
export async function evidenceLink(key: string, downloadName?: string): Promise<string> {
  return getSignedUrl(
    presigner,
    new GetObjectCommand({ Bucket: BUCKET, Key: key, ...(downloadName === undefined ? {} : { ResponseContentDisposition: `attachment; filename="${downloadName}"` }) }),
    { expiresIn: 15 * 60 },
  );
}
