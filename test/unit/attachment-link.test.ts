import { HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buckets } from '#shared/resources.ts';

// AWS-only behaviour: without s3:ListBucket, S3 answers a HEAD of a missing key with 403, which
// the emulators (404, and no IAM) never do.
const s3 = mockClient(S3Client);
let attachmentLink: typeof import('#shared/store/media.ts').attachmentLink;

const s3Error = (name: string, httpStatusCode: number) =>
  new S3ServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode }, message: name });

beforeAll(async () => {
  for (const bucket of Object.values(buckets)) process.env[bucket.envVar] = `test-${bucket.id}`;
  process.env.AWS_REGION = 'us-east-1';
  ({ attachmentLink } = await import('#shared/store/media.ts'));
});

beforeEach(() => s3.reset());

describe('the investigator\'s attachment link', () => {
  it('reports an attachment that never arrived as missing when S3 answers 403 Forbidden, as it does without ListBucket', async () => {
    // Prepare
    s3.on(HeadObjectCommand).rejects(s3Error('Forbidden', 403));

    // Act
    const link = await attachmentLink('attachments/2026-12-02/abc.mac');

    // Assess
    expect(link).toEqual({ missing: true });
  });

  it('still fails on a server error, which is not a missing file', async () => {
    // Prepare
    s3.on(HeadObjectCommand).rejects(s3Error('InternalError', 500));

    // Act / Assess
    await expect(attachmentLink('attachments/2026-12-02/abc.mac')).rejects.toThrow('InternalError');
  });
});
