import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName } from '../config.ts';
import { presigner, s3 } from './clients/s3.ts';

const BUCKET = bucketName('evidence');
const LINK_SECONDS = 15 * 60;

/**
 * Streams an export into S3 with a multipart upload (constant memory however
 * many tips) and returns a short-lived download link. API Gateway caps a
 * response at 10 MB; 100,000 tips do not fit, a link always does.
 */
export async function writeExport(
  lines: AsyncIterable<string>,
  format: 'csv' | 'jsonl',
): Promise<{ url: string; key: string; expiresInSeconds: number }> {
  const key = `exports/${new Date().toISOString().slice(0, 10)}/${randomUUID()}.${format}`;
  const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  const upload = new Upload({
    client: s3,
    params: {
      Bucket: BUCKET,
      Key: key,
      Body: Readable.from(lines, { objectMode: false }),
      ContentType: contentType,
      ContentDisposition: `attachment; filename="tipline-export.${format}"`,
    },
    queueSize: 2,
    partSize: 5 * 1024 * 1024,
  });
  await upload.done();
  const url = await getSignedUrl(presigner, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: LINK_SECONDS });
  return { url, key, expiresInSeconds: LINK_SECONDS };
}
