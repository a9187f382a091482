import { Aws, Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SCAN_TAG } from '#shared/media/schema.ts';
import { buckets } from '#shared/resources.ts';

/** The principal tag a role must carry to delete an original: the retention function's (infra/stacks/stateless-stack.ts). */
export const EVIDENCE_DELETER_TAG = { key: 'tipline-evidence-deleter', value: 'retention' } as const;
/** The object GuardDuty writes to check it may scan the bucket. */
const VALIDATION_OBJECT = 'malware-protection-resource-validation-object';

export interface EvidenceProtectionProps {
  readonly bucket: s3.Bucket;
  readonly key: kms.IKey;
  /** Deny deletes of originals to every role but retention's (prod; dev's auto-delete must empty the bucket). */
  readonly denyDeletes: boolean;
}

/**
 * Issue 15: the attachments' originals are evidence.
 *  - GuardDuty Malware Protection for S3 scans every new object under `attachments/` and tags
 *    it `GuardDutyMalwareScanStatus` (NO_THREATS_FOUND, THREATS_FOUND, …); the console shows a
 *    file only once that tag says clean (shared/store/attachment-media.ts), and a bucket-policy
 *    Deny makes an original tagged THREATS_FOUND unreadable to every principal.
 *  - Immutability without Object Lock (which the existing bucket would have to be re-created
 *    for): the bucket is versioned (an overwrite keeps the old version), and a bucket-policy
 *    Deny stops every principal but the retention role (tagged EVIDENCE_DELETER_TAG) from
 *    deleting an original or one of its versions, whatever IAM policies grant.
 */
export class EvidenceProtection extends Construct {
  public readonly plan: guardduty.CfnMalwareProtectionPlan;
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: EvidenceProtectionProps) {
    super(scope, id);
    const { bucket, key } = props;
    const prefix = buckets.evidence.prefixes.attachments.prefix;
    const originals = bucket.arnForObjects(`${prefix}*`);
    const managedRule = Stack.of(this).formatArn({ service: 'events', resource: 'rule', resourceName: 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*' });

    // The permissions GuardDuty documents for a Malware Protection for S3 plan, narrowed to the one prefix scanned.
    this.role = new iam.Role(this, 'ScanRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags attachment originals',
      inlinePolicies: {
        scan: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'ManagedEventRule',
              actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
              resources: [managedRule],
              conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
            }),
            new iam.PolicyStatement({ sid: 'WatchManagedEventRule', actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [managedRule] }),
            new iam.PolicyStatement({ sid: 'BucketEvents', actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'], resources: [bucket.bucketArn] }),
            new iam.PolicyStatement({ sid: 'ValidationObject', actions: ['s3:PutObject'], resources: [bucket.arnForObjects(VALIDATION_OBJECT)] }),
            new iam.PolicyStatement({
              sid: 'ScanAndTag',
              actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
              resources: [originals],
            }),
            new iam.PolicyStatement({
              sid: 'DecryptForScan',
              actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
              resources: [key.keyArn],
              conditions: { StringLike: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
            }),
          ],
        }),
      },
    });

    this.plan = new guardduty.CfnMalwareProtectionPlan(this, 'Plan', {
      role: this.role.roleArn,
      protectedResource: { s3Bucket: { bucketName: bucket.bucketName, objectPrefixes: [prefix] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    this.plan.node.addDependency(this.role);

    // Quarantine: an original GuardDuty tagged THREATS_FOUND cannot be read by any principal (a
    // coordinator's presigned link, the pipeline, a role granted too much), whatever IAM grants;
    // the console already links it nowhere (shared/store/attachment-media.ts `attachmentViews`).
    // Only the verdict's own value is denied: unscanned files must stay readable to the pipeline.
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'InfectedOriginalsUnreadable',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [originals],
        conditions: { StringEquals: { [`s3:ExistingObjectTag/${SCAN_TAG}`]: 'THREATS_FOUND' } },
      }),
    );
    if (props.denyDeletes) {
      bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'OriginalsAreImmutable',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
          resources: [originals],
          conditions: { StringNotEquals: { [`aws:PrincipalTag/${EVIDENCE_DELETER_TAG.key}`]: EVIDENCE_DELETER_TAG.value } },
        }),
      );
    }
  }
}
