import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { bucketName } from '../config.ts';
import { limits } from '../resources.ts';
import { s3 } from './clients.ts';

const BUCKET = bucketName('evidence');

export const objectImageKey = (objectId: string): string => `objects/${objectId}/image`;
export const objectImageUrl = (objectId: string): string => `/media/${objectImageKey(objectId)}`;

/**
 * A presigned POST for an object's image: S3 itself enforces the size and
 * the content type, so no image bytes pass through Lambda.
 */
export async function imageUploadForm(objectId: string): Promise<{ url: string; fields: Record<string, string>; maxBytes: number; contentTypes: readonly string[] }> {
  const { url, fields } = await createPresignedPost(s3, {
    Bucket: BUCKET,
    Key: objectImageKey(objectId),
    Conditions: [
      ['content-length-range', 1, limits.maxImageBytes],
      ['starts-with', '$Content-Type', 'image/'],
    ],
    Expires: 15 * 60,
  });
  return { url, fields, maxBytes: limits.maxImageBytes, contentTypes: limits.imageTypes };
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
