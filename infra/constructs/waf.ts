import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { limits, type RouteDef } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';

export interface TiplineWebAclProps {
  readonly config: StageConfig;
  /** REGIONAL for the API stage; CLOUDFRONT (us-east-1 only) for the site's distribution. */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Routes whose public POSTs get the tighter per-source rate. */
  readonly routes: readonly RouteDef[];
}

const isSubmission = (route: RouteDef): boolean => route.auth === 'public' && route.method === 'POST';

/**
 * Tipline's WAF rules, the same at the API and at CloudFront: body and query
 * size limits, per-source rate limits (counted inside WAF only, never
 * persisted), and the AWS common rule set with the rules that would block
 * real tips set to count. No logging configuration and no sampled requests:
 * both carry the client's address. No AWSManagedRulesAnonymousIpList and no
 * hosting-provider list: tipsters on Tor or a VPN are welcome.
 */
export class TiplineWebAcl extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: TiplineWebAclProps) {
    super(scope, id);
    const { config } = props;
    const name = `tipline-${config.stage}-${props.scope === 'REGIONAL' ? 'api' : 'edge'}`;
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: false,
    });
    // Behind CloudFront the regional WAF sees edge addresses, so it counts the
    // first X-Forwarded-For address instead (CloudFront appends the viewer's).
    // A direct caller can forge that header; the edge WAF, which sees the real
    // viewer, and the stage throttle bound what such a caller can do.
    const perSource =
      props.scope === 'REGIONAL'
        ? ({ aggregateKeyType: 'FORWARDED_IP', forwardedIpConfig: { headerName: 'X-Forwarded-For', fallbackBehavior: 'MATCH' } } as const)
        : ({ aggregateKeyType: 'IP' } as const);
    const block = (code: number): wafv2.CfnWebACL.RuleActionProperty => ({ block: { customResponse: { responseCode: code } } });
    const submissionPaths = [...new Set(props.routes.filter(isSubmission).map((route) => route.path))];
    const pathStatement = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'ENDS_WITH',
        searchString: path,
        textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
      },
    });
    const submissionScope: wafv2.CfnWebACL.StatementProperty | undefined =
      submissionPaths.length === 0
        ? undefined
        : {
            andStatement: {
              statements: [
                {
                  byteMatchStatement: {
                    fieldToMatch: { method: {} },
                    positionalConstraint: 'EXACTLY',
                    searchString: 'POST',
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
                submissionPaths.length === 1
                  ? pathStatement(submissionPaths[0] as string)
                  : { orStatement: { statements: submissionPaths.map(pathStatement) } },
              ],
            },
          };

    // Tip text is free prose in any language: body signatures (XSS, LFI, RFI,
    // SSRF patterns) and the 8 KB body limit would block real tips. They count
    // (visible in metrics) instead; the handlers never interpret the text.
    // NoUserAgent counts too: privacy tools may strip the header.
    const countInCommonRuleSet = [
      'SizeRestrictions_BODY',
      'SizeRestrictions_QUERYSTRING',
      'CrossSiteScripting_BODY',
      'GenericLFI_BODY',
      'GenericRFI_BODY',
      'EC2MetaDataSSRF_BODY',
      'NoUserAgent_HEADER',
    ];

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      scope: props.scope,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      // Inspect bodies up to 64 KB (the default is 16 KB) so the size rule
      // sees the real limit; larger bodies are oversize and match.
      associationConfig: {
        requestBody: { [props.scope === 'REGIONAL' ? 'API_GATEWAY' : 'CLOUDFRONT']: { defaultSizeInspectionLimit: 'KB_64' } },
      },
      rules: [
        {
          name: 'BodyTooLarge',
          priority: 0,
          action: block(413),
          visibilityConfig: visibility('BodyTooLarge'),
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
              comparisonOperator: 'GT',
              size: limits.maxBodyBytes,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
        },
        {
          name: 'QueryStringTooLarge',
          priority: 1,
          action: block(414),
          visibilityConfig: visibility('QueryStringTooLarge'),
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { queryString: {} },
              comparisonOperator: 'GT',
              size: 4096,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
        },
        ...(submissionScope === undefined
          ? []
          : [
              {
                name: 'SubmitRatePerSource',
                priority: 2,
                action: block(429),
                visibilityConfig: visibility('SubmitRatePerSource'),
                statement: {
                  rateBasedStatement: {
                    ...perSource,
                    limit: config.wafSubmitRateLimitPerSource,
                    evaluationWindowSec: 300,
                    scopeDownStatement: submissionScope,
                  },
                },
              },
            ]),
        {
          name: 'RatePerSource',
          priority: 3,
          action: block(429),
          visibilityConfig: visibility('RatePerSource'),
          statement: {
            rateBasedStatement: { ...perSource, limit: config.wafRateLimitPerSource, evaluationWindowSec: 300 },
          },
        },
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 4,
          overrideAction: { none: {} },
          visibilityConfig: visibility('AWSManagedRulesCommonRuleSet'),
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: countInCommonRuleSet.map((ruleName) => ({ name: ruleName, actionToUse: { count: {} } })),
            },
          },
        },
      ],
    });
  }
}
