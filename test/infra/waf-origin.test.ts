/**
 * Issue 19, finding 4: behind CloudFront the regional WAF counted the first
 * X-Forwarded-For address, and the execute-api endpoint answered anyone, so a
 * caller rotating that header drained the limits every tipster shares. These
 * tests pin the fix: rate limits count only addresses AWS itself sees, and
 * the API answers only requests that came through this stage's CloudFront.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { build, type Built } from './helpers.ts';

const dev = build();

type Statement = Record<string, any>;
type Rule = { Name: string; Priority: number; Action?: Record<string, unknown>; Statement: Statement };
type Acl = { Scope: string; Rules: Rule[] };

const aclsOf = (template: Template): Acl[] =>
  Object.values(template.findResources('AWS::WAFv2::WebACL')).map((resource) => resource.Properties as Acl);
const regionalAcl = (built: Built = dev): Acl => aclsOf(built.stateless$).find((acl) => acl.Scope === 'REGIONAL')!;
const edgeAcl = (): Acl => aclsOf(dev.edge$).find((acl) => acl.Scope === 'CLOUDFRONT')!;

/** Every rate-based statement of a rule, nested ones included. */
function rateStatements(node: unknown): Statement[] {
  if (node === null || typeof node !== 'object') return [];
  const own = 'RateBasedStatement' in node ? [(node as Statement).RateBasedStatement as Statement] : [];
  return [...own, ...Object.values(node).flatMap(rateStatements)];
}

/**
 * CloudFormation renders a secret reference as `{{resolve:secretsmanager:<arn>…}}`,
 * the ARN being a Ref in its own stack and another stack's output elsewhere. Returns
 * the logical id of the secret in the stateless stack either way.
 */
function secretBehind(value: unknown, built: Built = dev): string | undefined {
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })?.['Fn::Join'];
  if (join === undefined || !String(join[1][0]).startsWith('{{resolve:secretsmanager:')) return undefined;
  const reference = join[1][1] as { Ref?: string; 'Fn::ImportValue'?: string; 'Fn::GetStackOutput'?: { StackName: string; OutputName: string } };
  if (reference.Ref !== undefined) return reference.Ref;
  const outputs = (built.stateless$.toJSON() as { Outputs?: Record<string, { Value: { Ref?: string }; Export?: { Name: string } }> }).Outputs ?? {};
  const read = reference['Fn::GetStackOutput'];
  if (read !== undefined) return read.StackName === built.stateless.stackName ? outputs[read.OutputName]?.Value.Ref : undefined;
  return Object.values(outputs).find((output) => output.Export?.Name === reference['Fn::ImportValue'])?.Value.Ref;
}

describe('WAF rate limits count addresses, never a header the client sets', () => {
  it('no rate-based rule of any web ACL aggregates on a forwarded-IP header or other request header', () => {
    // Prepare
    const statements = [...aclsOf(dev.stateless$), ...aclsOf(dev.edge$)].flatMap((acl) => acl.Rules.flatMap((rule) => rateStatements(rule.Statement)));
    // Act
    const keyedOnHeaders = statements
      .filter((statement) => !['IP', 'CONSTANT'].includes(statement.AggregateKeyType) || statement.ForwardedIPConfig !== undefined || statement.CustomKeys !== undefined)
      .map((statement) => statement.AggregateKeyType);
    // Assess
    expect({ rateRules: statements.length > 0, keyedOnHeaders }).toEqual({ rateRules: true, keyedOnHeaders: [] });
  });

  it('the edge WAF limits each viewer address, submissions more tightly than everything else', () => {
    // Prepare
    const { wafRateLimitPerSource, wafSubmitRateLimitPerSource } = dev.config;
    // Act
    const perViewer = edgeAcl()
      .Rules.flatMap((rule) => rateStatements(rule.Statement))
      .filter((statement) => statement.AggregateKeyType === 'IP')
      .map((statement) => ({ limit: statement.Limit, scoped: statement.ScopeDownStatement !== undefined }));
    // Assess
    expect(wafSubmitRateLimitPerSource).toBeLessThan(wafRateLimitPerSource);
    expect(perViewer).toEqual(
      expect.arrayContaining([
        { limit: wafRateLimitPerSource, scoped: false },
        { limit: wafSubmitRateLimitPerSource, scoped: true },
      ]),
    );
  });
});

describe('CloudFront is the only way into the API', () => {
  const originRule = (built: Built = dev): Rule | undefined =>
    regionalAcl(built).Rules.find((rule) => rule.Statement.NotStatement?.Statement?.ByteMatchStatement?.FieldToMatch?.SingleHeader !== undefined);

  it('the regional WAF blocks, before any other rule, every request without the exact origin secret', () => {
    // Prepare
    const rules = regionalAcl().Rules;
    // Act
    const rule = originRule();
    const match = rule?.Statement.NotStatement.Statement.ByteMatchStatement;
    // Assess
    expect({
      found: rule !== undefined,
      blocks: rule?.Action?.Block !== undefined,
      first: rule !== undefined && rules.every((other) => other === rule || other.Priority > rule.Priority),
      exact: match?.PositionalConstraint,
      untransformed: match?.TextTransformations,
      fromSecretsManager: secretBehind(match?.SearchString) !== undefined,
    }).toEqual({ found: true, blocks: true, first: true, exact: 'EXACTLY', untransformed: [{ Priority: 0, Type: 'NONE' }], fromSecretsManager: true });
  });

  it('CloudFront adds that header, with that secret, to every request it sends to the API', () => {
    // Prepare
    const match = originRule()?.Statement.NotStatement.Statement.ByteMatchStatement;
    const [distribution] = Object.values(dev.web$.findResources('AWS::CloudFront::Distribution'));
    const origins = distribution!.Properties.DistributionConfig.Origins as { DomainName: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[];
    // Act
    const apiOrigins = origins.filter((origin) => JSON.stringify(origin.DomainName).includes('execute-api'));
    const sent = apiOrigins.map((origin) =>
      (origin.OriginCustomHeaders ?? []).map((header) => ({ name: header.HeaderName.toLowerCase(), secret: secretBehind(header.HeaderValue) })),
    );
    // Assess
    expect(apiOrigins.length).toBeGreaterThan(0);
    expect(sent).toEqual(apiOrigins.map(() => [{ name: String(match?.FieldToMatch.SingleHeader.Name), secret: secretBehind(match?.SearchString) }]));
  });

  it('a new generation (-c originSecretGeneration=2) replaces the secret, and the WAF and CloudFront both take the new one', () => {
    // Prepare
    const rotated = build({ originSecretGeneration: 2 });
    // Act
    const before = secretBehind(originRule()?.Statement.NotStatement.Statement.ByteMatchStatement.SearchString);
    const after = secretBehind(originRule(rotated)?.Statement.NotStatement.Statement.ByteMatchStatement.SearchString, rotated);
    const [distribution] = Object.values(rotated.web$.findResources('AWS::CloudFront::Distribution'));
    const sent = (distribution!.Properties.DistributionConfig.Origins as { OriginCustomHeaders?: { HeaderValue: unknown }[] }[])
      .flatMap((origin) => origin.OriginCustomHeaders ?? [])
      .map((header) => secretBehind(header.HeaderValue, rotated));
    // Assess
    expect({ replaced: after !== undefined && after !== before, sent }).toEqual({ replaced: true, sent: [after] });
  });

  it('the regional WAF caps the whole API with one counter for every source together', () => {
    // Prepare
    const rules = regionalAcl().Rules;
    // Act
    const caps = rules
      .filter((rule) => rule.Action?.Block !== undefined)
      .flatMap((rule) => rateStatements(rule.Statement))
      .filter((statement) => statement.AggregateKeyType === 'CONSTANT')
      .map((statement) => statement.Limit);
    // Assess
    expect(caps).toEqual([dev.config.wafGlobalRateLimit]);
  });
});
