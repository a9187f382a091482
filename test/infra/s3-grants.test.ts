/**
 * Issue 19: some S3 grants were broader than the code uses (every function
 * with object rights could touch every key of the evidence bucket, the
 * investigator could overwrite a tipster's attachment). What each function
 * really does, from shared/store/media.ts and shared/store/exports.ts:
 * - attachments: a presigned POST for a new key under attachments/ (single request);
 * - retention: DeleteObject of an expired tip's attachment, GetObject of its successor's PDF originals;
 * - investigator: HeadObject + presigned GET of attachments, a presigned POST of
 *   an object image, a multipart upload of an export and its presigned GET.
 */
import { describe, expect, it } from 'vitest';
import type { FunctionKey } from '#shared/resources.ts';
import { build } from './helpers.ts';

const dev = build();

type PolicyStatement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Allowed actions of one function's role, with the S3 key pattern (after the bucket ARN) of each S3 grant. */
function grantsOf(key: FunctionKey): { s3: string[]; kms: string[] } {
  const roleId = dev.stateless.getLogicalId(dev.stateless.functions[key].role!.node.defaultChild as never);
  const policies = Object.values(dev.stateless$.findResources('AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
  );
  const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]).filter((s) => s.Effect === 'Allow');
  const s3 = statements.flatMap((statement) =>
    ([] as string[])
      .concat(statement.Action)
      .filter((action) => action.startsWith('s3:'))
      .flatMap((action) =>
        ([] as unknown[]).concat(statement.Resource).map((resource) => {
          const parts = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1] ?? [resource];
          return `${action} ${String(parts.at(-1))}`;
        }),
      ),
  );
  const kms = statements.flatMap((statement) => ([] as string[]).concat(statement.Action).filter((action) => action.startsWith('kms:')));
  return { s3: [...new Set(s3)].sort(), kms: [...new Set(kms)].sort() };
}

describe('S3 grants match the keys and actions the code uses', () => {
  it.each<{ fn: FunctionKey; s3: string[] }>([
    { fn: 'attachments', s3: ['s3:PutObject /attachments/*'] },
    // Deletes an expired tip's files; reads its successor's PDF originals for their text layers.
    { fn: 'retention', s3: ['s3:DeleteObject /attachments/*', 's3:DeleteObject /viewing/*', 's3:GetObject /attachments/*'] },
    {
      fn: 'investigator',
      s3: [
        's3:AbortMultipartUpload /exports/*',
        's3:GetObject /attachments/*',
        's3:GetObject /exports/*',
        's3:GetObject /viewing/*',
        's3:GetObjectTagging /attachments/*',
        's3:PutObject /exports/*',
        's3:PutObject /objects/*',
      ],
    },
    // The first bytes of each attachment, to refuse a file whose bytes are not an accepted type.
    { fn: 'submitTip', s3: ['s3:GetObject /attachments/*'] },
    { fn: 'listObjects', s3: [] },
    // Attachment processing: reads originals, writes viewing copies, never rewrites an original.
    { fn: 'dedupe', s3: ['s3:GetObject /attachments/*', 's3:PutObject /viewing/*'] },
    { fn: 'classify', s3: [] },
  ])('$fn may do exactly $s3', ({ fn, s3 }) => {
    // Prepare (synthesised at import)
    // Act
    const grants = grantsOf(fn);
    // Assess
    expect(grants.s3).toEqual(s3);
  });

  it('the attachments function may encrypt its uploads but decrypt nothing (single-request uploads need no kms:Decrypt)', () => {
    // Prepare (synthesised at import)
    // Act
    const { kms } = grantsOf('attachments');
    // Assess
    expect({ generate: kms.includes('kms:GenerateDataKey'), decrypt: kms.includes('kms:Decrypt') }).toEqual({ generate: true, decrypt: false });
  });

  it('the keys the store signs uploads for lie under the prefixes granted above', async () => {
    // Prepare: presigning is local, so fake credentials suffice
    process.env.EVIDENCE_BUCKET ??= 'tipline-test-evidence';
    process.env.AWS_REGION ??= 'eu-west-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIDTESTONLY';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'test-only-secret';
    const media = await import('#shared/store/media.ts');
    // Act
    const attachment = await media.attachmentUploadForm('image/png', 1024, 'test-attachment-key-secret');
    const image = await media.imageUploadForm('obj-towel', 'image/png');
    // Assess
    expect([attachment.attachmentKey.split('/')[0], image.fields.key?.split('/')[0]]).toEqual(['attachments', 'objects']);
  });
});
