import { Match } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiPathPatterns, CONTENT_SECURITY_POLICY } from '#infra/stacks/web-stack.ts';
import { SECURITY_HEADERS } from '#local/static.ts';
import { routes } from '#shared/resources.ts';
import { build, type Built } from './helpers.ts';

let built: Built;

beforeAll(() => {
  built = build();
});

describe('web stack: site on CloudFront', () => {
  it('sends every API route to the API on the same origin', () => {
    // Prepare
    const patterns = apiPathPatterns();

    // Act
    const uncovered = routes.filter((route) => !patterns.some((pattern) => (pattern.endsWith('/*') ? route.path.startsWith(pattern.slice(0, -1)) : route.path === pattern)));

    // Assess
    expect(uncovered).toEqual([]);
    for (const pattern of patterns) {
      built.web$.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: pattern, AllowedMethods: Match.arrayWith(['PATCH', 'POST']) })]),
        }),
      });
    }
  });

  it('neither caches API answers nor forwards the Host header to the API', () => {
    // Prepare: the managed policies' ids, from CDK itself.
    const expected = { CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId, OriginRequestPolicyId: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId };

    // Act
    const [distribution] = Object.values(built.web$.findResources('AWS::CloudFront::Distribution')) as { Properties: { DistributionConfig: { CacheBehaviors: Record<string, unknown>[] } } }[];
    const api = distribution!.Properties.DistributionConfig.CacheBehaviors.filter((behavior) => apiPathPatterns().includes(behavior.PathPattern as string));

    // Assess
    expect(api.map((behavior) => behavior.PathPattern)).toEqual(apiPathPatterns());
    for (const behavior of api) expect({ CachePolicyId: behavior.CachePolicyId, OriginRequestPolicyId: behavior.OriginRequestPolicyId }).toEqual(expected);
  });

  it('writes no access logs (they would hold viewer addresses)', () => {
    const [distribution] = Object.values(built.web$.findResources('AWS::CloudFront::Distribution'));
    expect((distribution as { Properties: { DistributionConfig: Record<string, unknown> } }).Properties.DistributionConfig.Logging).toBeUndefined();
  });

  it('attaches the CloudFront-scope WAF', () => {
    built.web$.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: Match.anyValue() }),
    });
  });

  it('sends the same Content-Security-Policy as the local stack', () => {
    // Assess
    expect(CONTENT_SECURITY_POLICY).toBe(SECURITY_HEADERS['content-security-policy']);
    const [policy] = Object.values(built.web$.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(
      (policy as { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: unknown } } } }).Properties
        .ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    // The same policy, with the evidence bucket's origin allowed for attachment uploads only.
    expect(csp).toContain("connect-src 'self' https://");
    expect(csp).toContain("script-src 'self'; style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets the console show attachment thumbnails from the evidence bucket, and images from nowhere else', () => {
    // Prepare: the policy as deployed, each CloudFormation token (bucket name, region) shown as <token>.
    const [policy] = Object.values(built.web$.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const value = (policy as { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } } } } }).Properties
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const parts = typeof value === 'string' ? [value] : ((value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1] ?? []);
    const csp = parts.map((part) => (typeof part === 'string' ? part : '<token>')).join('');

    // Act
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

    // Assess: the presigned viewing-copy links (shared/store/attachment-media.ts) are on the bucket's own origin.
    const bucketOrigin = 'https://<token>.s3.<token>.amazonaws.com';
    expect(directive('img-src')).toBe(`img-src 'self' data: blob: ${bucketOrigin}`);
    expect(directive('connect-src')).toBe(`connect-src 'self' ${bucketOrigin}`);
  });

  it('keeps the local img-src to the page origin (the local S3 links are served on it)', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toContain("img-src 'self' data: blob:;");
  });

  it('keeps the site bucket private behind origin access control', () => {
    built.web$.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    built.web$.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
  });

  it('lets CloudFront read only object images from the evidence bucket', () => {
    built.stateful$.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudFrontReadsObjectImages',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Resource: { 'Fn::Join': ['', [Match.anyValue(), '/objects/*']] },
          }),
        ]),
      }),
    });
  });

  it('configures the console for the Cognito hosted UI with an implicit-flow client', () => {
    built.web$.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['implicit'],
      GenerateSecret: false,
    });
  });
});

describe('edge stack: CloudFront WAF in us-east-1', () => {
  it('is a CLOUDFRONT-scope web ACL with per-viewer rate limits and no anonymous-IP list', () => {
    // Prepare
    const acl = built.edge$.findResources('AWS::WAFv2::WebACL');
    const json = JSON.stringify(acl);

    // Assess
    expect(built.edge.region).toBe('us-east-1');
    built.edge$.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([Match.objectLike({ Name: 'RatePerSource', Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) } })]),
    });
    expect(json).not.toMatch(/AnonymousIpList|HostingProvider/);
  });

  it('counts (does not block) the common rule set body checks that free-text tips trip', () => {
    // Prepare
    const [acl] = Object.values(built.edge$.findResources('AWS::WAFv2::WebACL'));
    const rules = acl!.Properties.Rules as { Name: string; Statement: { ManagedRuleGroupStatement?: { RuleActionOverrides: unknown[] } } }[];
    // Act
    const overrides = rules.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet')?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides;
    // Assess
    expect(overrides).toContainEqual({ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } });
  });
});
