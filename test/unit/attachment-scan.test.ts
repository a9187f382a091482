/**
 * The GuardDuty scan result (issue 15) as the console reads it: GuardDuty Malware Protection for
 * S3 tags each original `GuardDutyMalwareScanStatus`, an AWS-only service the emulators do not
 * have, hence the mocked S3 client. A file is shown (a link to its viewing copy) only once the
 * tag says NO_THREATS_FOUND; THREATS_FOUND, no tag yet, or any other status gives no link.
 */
import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessedAttachment } from '#shared/media/schema.ts';
import { buckets, tables } from '#shared/resources.ts';

const s3 = mockClient(S3Client);
let attachmentViews: typeof import('#shared/store/attachment-media.ts').attachmentViews;

const photo: ProcessedAttachment = {
  key: 'attachments/2026-12-03/abc.jpg',
  type: 'image/jpeg',
  size: 1234,
  sha256: 'a'.repeat(64),
  viewingKey: 'viewing/2026-12-03/abc.jpg',
  viewingType: 'image/jpeg',
  scan: 'pending',
};

const tagged = (value: string | undefined) => ({ TagSet: value === undefined ? [] : [{ Key: 'GuardDutyMalwareScanStatus', Value: value }] });

beforeAll(async () => {
  for (const table of Object.values(tables)) process.env[table.envVar] = `test-${table.id}`;
  for (const bucket of Object.values(buckets)) process.env[bucket.envVar] = `test-${bucket.id}`;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  ({ attachmentViews } = await import('#shared/store/attachment-media.ts'));
});

beforeEach(() => s3.reset());

describe('an attachment on AWS, by its GuardDuty scan tag', () => {
  it('is never linked when the scan found a threat', async () => {
    // Prepare
    s3.on(GetObjectTaggingCommand).resolves(tagged('THREATS_FOUND'));

    // Act
    const [view] = await attachmentViews([photo]);

    // Assess
    expect(view).toMatchObject({ status: 'threat', scan: 'threat' });
    expect(view!.preview).toBeUndefined();
    expect(s3.commandCalls(GetObjectTaggingCommand)[0]!.args[0].input).toMatchObject({ Key: photo.key });
  });

  it('is shown from its viewing copy, never the original, once the scan found no threat', async () => {
    // Prepare
    s3.on(GetObjectTaggingCommand).resolves(tagged('NO_THREATS_FOUND'));

    // Act
    const [view] = await attachmentViews([photo]);

    // Assess
    expect(view).toMatchObject({ status: 'shown', scan: 'clean', preview: { contentType: 'image/jpeg' } });
    expect(view!.preview!.url).toContain('/viewing/2026-12-03/abc.jpg');
    expect(view!.preview!.url).not.toContain('/attachments/');
  });

  it.each([undefined, 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'])('waits, with no link, while the tag is %s', async (status) => {
    // Prepare
    s3.on(GetObjectTaggingCommand).resolves(tagged(status));

    // Act
    const [view] = await attachmentViews([photo]);

    // Assess
    expect(view).toMatchObject({ status: 'scan-pending', scan: 'pending' });
    expect(view!.preview).toBeUndefined();
  });

  it('gives no link at all to a file without a metadata-free copy (a PDF pdf-lib could not re-write), even once clean', async () => {
    // Prepare
    s3.on(GetObjectTaggingCommand).resolves(tagged('NO_THREATS_FOUND'));
    const { viewingKey: _key, viewingType: _type, ...uncleaned } = photo;
    const pdf: ProcessedAttachment = { ...uncleaned, key: 'attachments/2026-12-03/def.pdf', type: 'application/pdf' };

    // Act
    const [view] = await attachmentViews([pdf]);

    // Assess
    expect(view).toMatchObject({ status: 'original-only', scan: 'clean' });
    expect(view!.preview).toBeUndefined();
  });
});
