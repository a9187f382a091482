import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { limits, type RouteDef } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';

/** Added by CloudFront to every request for the API (it overwrites a viewer's header of that name). */
export const ORIGIN_SECRET_HEADER = 'X-Tipline-Origin-Secret';

/** The header CloudFront adds to every request it sends to the API, and the value the API's WAF demands. */
export interface OriginSecret {
  readonly headerName: string;
  /** A CloudFormation dynamic reference to the secret (never the value itself in a template). */
  readonly value: string;
}

export interface TiplineWebAclProps {
  readonly config: StageConfig;
  /**
   * CLOUDFRONT (us-east-1 only): the rules every viewer meets, per-viewer rate
   * limits included. REGIONAL: the API stage's guard behind CloudFront.
   */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Routes whose public POSTs get the tighter per-viewer rate (CLOUDFRONT). */
  readonly routes: readonly RouteDef[];
  /** REGIONAL only: requests without this header and value are blocked. */
  readonly originSecret?: OriginSecret;
}

/** The web ACL's name, also the `WebACL` dimension of its CloudWatch metrics. */
export const webAclName = (config: StageConfig, scope: TiplineWebAclProps['scope']): string =>
  `tipline-${config.stage}-${scope === 'REGIONAL' ? 'api' : 'edge'}`;

const isSubmission = (route: RouteDef): boolean => route.auth === 'public' && route.method === 'POST';

/**
 * Tipline's two web ACLs. Counting is inside WAF only, never persisted. No
 * logging configuration and no sampled requests: both carry the client's
 * address. No AWSManagedRulesAnonymousIpList and no hosting-provider list:
 * tipsters on Tor or a VPN are welcome.
 *
 * - CLOUDFRONT, where every viewer arrives: body and query size limits,
 *   per-viewer rate limits keyed on the address CloudFront itself accepted the
 *   connection from (a header such as X-Forwarded-For is the client's to
 *   write, so nothing here reads one), and the AWS common rule set.
 * - REGIONAL, on the API stage: first, a request without CloudFront's secret
 *   origin header is blocked, so the execute-api endpoint answers nobody but
 *   this stage's distribution and nothing can reach the API past the edge
 *   rules; then the size limits again and one global cap on the whole API.
 *   Behind CloudFront every request comes from an edge address, so a
 *   per-source rule here would throttle whole edge locations, never a caller.
 */
export class TiplineWebAcl extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: TiplineWebAclProps) {
    super(scope, id);
    const { config } = props;
    const regional = props.scope === 'REGIONAL';
    if (regional !== (props.originSecret !== undefined)) {
      throw new Error('The REGIONAL web ACL needs the origin secret, and only it takes one');
    }
    const name = webAclName(config, props.scope);
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: false,
    });
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

    // The routes that take a receipt (issue 14): a tight per-source rate so receipts cannot be guessed in bulk.
    const guessPaths = [...new Set(props.routes.filter((route) => route.guessable === true).map((route) => route.path))];
    const guessScope: wafv2.CfnWebACL.StatementProperty | undefined =
      guessPaths.length === 0
        ? undefined
        : guessPaths.length === 1
          ? pathStatement(guessPaths[0] as string)
          : { orStatement: { statements: guessPaths.map(pathStatement) } };

    type Rule = Omit<wafv2.CfnWebACL.RuleProperty, 'priority' | 'visibilityConfig'>;
    const sizeRules: Rule[] = [
      {
        name: 'BodyTooLarge',
        action: block(413),
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
        action: block(414),
        statement: {
          sizeConstraintStatement: {
            fieldToMatch: { queryString: {} },
            comparisonOperator: 'GT',
            size: 4096,
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
      },
    ];

    const rules: Rule[] = [];
    if (props.originSecret !== undefined) {
      // Exact, case-sensitive, untransformed: the value is a long random secret.
      const fromCloudFront: wafv2.CfnWebACL.StatementProperty = {
        byteMatchStatement: {
          fieldToMatch: { singleHeader: { Name: props.originSecret.headerName.toLowerCase() } },
          positionalConstraint: 'EXACTLY',
          searchString: props.originSecret.value,
          textTransformations: [{ priority: 0, type: 'NONE' }],
        },
      };
      rules.push(
        { name: 'NotFromCloudFront', action: block(403), statement: { notStatement: { statement: fromCloudFront } } },
        ...sizeRules,
        // API Gateway applies the stage throttle to each method on its own, so
        // the methods together could take many times that rate; this one
        // counter, over every source, bounds the API as a whole.
        {
          name: 'GlobalRate',
          action: block(429),
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'CONSTANT',
              limit: config.wafGlobalRateLimit,
              evaluationWindowSec: 300,
              scopeDownStatement: fromCloudFront,
            },
          },
        },
      );
    } else {
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
      rules.push(
        ...sizeRules,
        ...(submissionScope === undefined
          ? []
          : [
              {
                name: 'SubmitRatePerSource',
                action: block(429),
                statement: {
                  rateBasedStatement: {
                    aggregateKeyType: 'IP',
                    limit: config.wafSubmitRateLimitPerSource,
                    evaluationWindowSec: 300,
                    scopeDownStatement: submissionScope,
                  },
                },
              },
            ]),
        ...(guessScope === undefined
          ? []
          : [
              {
                name: 'GuessRatePerSource',
                action: block(429),
                statement: {
                  rateBasedStatement: {
                    aggregateKeyType: 'IP',
                    limit: config.wafGuessRateLimitPerSource,
                    evaluationWindowSec: 300,
                    scopeDownStatement: guessScope,
                  },
                },
              },
            ]),
        {
          name: 'RatePerSource',
          action: block(429),
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: config.wafRateLimitPerSource, evaluationWindowSec: 300 } },
        },
        {
          name: 'AWSManagedRulesCommonRuleSet',
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: countInCommonRuleSet.map((ruleName) => ({ name: ruleName, actionToUse: { count: {} } })),
            },
          },
        },
      );
    }

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      scope: props.scope,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      // Inspect bodies up to 64 KB (the default is 16 KB) so the size rule
      // sees the real limit; larger bodies are oversize and match.
      associationConfig: {
        requestBody: { [regional ? 'API_GATEWAY' : 'CLOUDFRONT']: { defaultSizeInspectionLimit: 'KB_64' } },
      },
      rules: rules.map((rule, priority) => ({ ...rule, priority, visibilityConfig: visibility(rule.name) })),
    });
  }
}
