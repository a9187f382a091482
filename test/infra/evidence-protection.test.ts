/**
 * Issue 15: attachment originals are scanned for malware (GuardDuty Malware Protection for
 * S3, results as object tags) and kept: in prod only the retention role may delete one.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_DELETER_TAG } from '#infra/constructs/evidence-protection.ts';
import { build, PROD } from './helpers.ts';

const prod = build(PROD);
const dev = build();

type Statement = { Sid?: string; Effect: string; Principal?: unknown; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, string>> };

function evidencePolicy(built: typeof prod): Statement[] {
  const policies = built.stateful$.findResources('AWS::S3::BucketPolicy');
  const bucketId = built.stateful.getLogicalId(built.stateful.buckets.evidence.node.defaultChild as never);
  const policy = Object.values(policies).find((p) => JSON.stringify(p.Properties.Bucket).includes(bucketId));
  return (policy?.Properties.PolicyDocument.Statement ?? []) as Statement[];
}

describe('evidence protection', () => {
  it('scans new attachment originals with a GuardDuty malware protection plan that tags the result', () => {
    // Assess
    prod.stateful$.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { BucketName: Match.anyValue(), ObjectPrefixes: ['attachments/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
      Role: Match.anyValue(),
    });
  });

  it('gives the plan a role only GuardDuty malware protection can assume, allowed to tag originals', () => {
    // Prepare
    const roles = prod.stateful$.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' } })] } },
    });

    // Assess
    expect(Object.keys(roles)).toHaveLength(1);
    const statements = Object.values(roles)[0]!.Properties.Policies[0].PolicyDocument.Statement as Statement[];
    const tagging = statements.find((s) => s.Sid === 'ScanAndTag')!;
    expect(tagging.Action).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObjectTagging']));
    expect(JSON.stringify(tagging.Resource)).toContain('/attachments/*');
  });

  it('in prod, denies deleting an original or its versions to every principal but the retention role', () => {
    // Act
    const deny = evidencePolicy(prod).find((s) => s.Sid === 'OriginalsAreImmutable');

    // Assess
    expect(deny).toMatchObject({ Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'] });
    expect(JSON.stringify(deny!.Resource)).toContain('/attachments/*');
    expect(deny!.Condition).toEqual({ StringNotEquals: { [`aws:PrincipalTag/${EVIDENCE_DELETER_TAG.key}`]: EVIDENCE_DELETER_TAG.value } });
  });

  it.each([['prod', prod], ['dev', dev]] as const)('in %s, quarantines an original the scan found infected: no principal may read it', (_name, built) => {
    // Act
    const deny = evidencePolicy(built).find((s) => s.Sid === 'InfectedOriginalsUnreadable');

    // Assess
    expect(deny).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:GetObject', 's3:GetObjectVersion'] });
    expect(JSON.stringify(deny!.Resource)).toContain('/attachments/*');
    expect(deny!.Condition).toEqual({ StringEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'THREATS_FOUND' } });
  });

  it('tags the retention role, and only it, as the one that may delete originals', () => {
    // Prepare
    const tagged = prod.stateless$.findResources('AWS::IAM::Role', {
      Properties: { Tags: Match.arrayWith([{ Key: EVIDENCE_DELETER_TAG.key, Value: EVIDENCE_DELETER_TAG.value }]) },
    });
    const retentionRoleId = prod.stateless.getLogicalId(prod.stateless.functions.retention.role!.node.defaultChild as never);

    // Assess
    expect(Object.keys(tagged)).toEqual([retentionRoleId]);
  });

  it('versions the evidence bucket, so an overwritten original keeps its earlier version', () => {
    prod.stateful$.hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
  });

  it('leaves dev deletable (its bucket is emptied on stack deletion)', () => {
    expect(evidencePolicy(dev).some((s) => s.Sid === 'OriginalsAreImmutable')).toBe(false);
  });

  it('hides attachments until scanned: the pipeline is told the scan is GuardDuty', () => {
    prod.stateless$.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('process attachments'),
      Environment: { Variables: Match.objectLike({ MALWARE_SCAN: 'guardduty' }) },
    });
  });
});
