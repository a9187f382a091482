/**
 * The evidence bucket is never public. fauxqs (the local S3) serves unsigned
 * GETs (it has no IAM or ACLs; see test/integration/security.test.ts), so the
 * guarantee is asserted here, on the synthesised templates of every stage:
 * every bucket blocks all public access, grants nothing through a canned ACL,
 * and no bucket policy allows anyone ("*") anything.
 */
import { describe, expect, it } from 'vitest';
import { build, PROD } from './helpers.ts';

type Resource = { Type: string; Properties?: Record<string, any> };

const stages = { dev: build(), prod: build(PROD) };

function resourcesOf(template: { toJSON(): unknown }, type: string): Resource[] {
  const resources = (template.toJSON() as { Resources?: Record<string, Resource> }).Resources ?? {};
  return Object.values(resources).filter((resource) => resource.Type === type);
}

const isEveryone = (principal: unknown): boolean =>
  principal === '*' || (typeof principal === 'object' && principal !== null && Object.values(principal).some((value) => value === '*' || (Array.isArray(value) && value.includes('*'))));

describe.each(Object.entries(stages))('%s: no bucket is public', (_stage, built) => {
  it('blocks all public access on every bucket and uses no public canned ACL', () => {
    // Prepare
    const buckets = [...resourcesOf(built.stateful$, 'AWS::S3::Bucket'), ...resourcesOf(built.stateless$, 'AWS::S3::Bucket')];

    // Assess
    expect(buckets.length).toBeGreaterThan(0);
    for (const bucket of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']).not.toContain(bucket.Properties?.AccessControl);
      expect(bucket.Properties?.WebsiteConfiguration).toBeUndefined();
    }
  });

  it('has no bucket policy statement that allows everyone', () => {
    // Prepare
    const policies = [...resourcesOf(built.stateful$, 'AWS::S3::BucketPolicy'), ...resourcesOf(built.stateless$, 'AWS::S3::BucketPolicy')];

    // Act
    const allowsEveryone = policies.flatMap((policy) =>
      ((policy.Properties?.PolicyDocument?.Statement ?? []) as { Effect: string; Principal?: unknown; Condition?: unknown }[]).filter(
        (statement) => statement.Effect === 'Allow' && isEveryone(statement.Principal),
      ),
    );

    // Assess
    expect(allowsEveryone).toEqual([]);
  });
});
