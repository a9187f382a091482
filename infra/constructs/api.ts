import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { limits, routes, type FunctionKey, type RouteDef } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';
import type { TiplineFunction } from '#infra/constructs/tipline-function.ts';

export interface TiplineApiProps {
  readonly config: StageConfig;
  readonly functions: Record<FunctionKey, TiplineFunction>;
  readonly userPool: IUserPool;
  /** Defaults to `routes` from shared/resources.ts (tests may pass their own). */
  readonly routes?: readonly RouteDef[];
}

/**
 * API Gateway access-log line. Deliberately without `$context.identity.*`
 * (source IP, user agent, Cognito identity), `$context.authorizer.claims.*`
 * and `$context.requestTimeEpoch` (milliseconds): DESIGN.md's anonymity rules
 * allow nothing that identifies a caller and no time finer than the second.
 */
export const ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  stage: '$context.stage',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLatency: '$context.responseLatency',
  responseLength: '$context.responseLength',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  integrationError: '$context.integration.error',
  integrationErrorMessage: '$context.integrationErrorMessage',
  errorType: '$context.error.responseType',
  errorMessage: '$context.error.message',
  validationError: '$context.error.validationErrorString',
  authorizerError: '$context.authorizer.error',
  wafResponseCode: '$context.wafResponseCode',
};

/** `{country}` → `method.request.path.country` for every placeholder of a path. */
export function pathParameters(path: string): Record<string, boolean> {
  return Object.fromEntries([...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => [`method.request.path.${match[1]}`, true]));
}

/** Public routes that accept submissions get the tighter per-method throttle. */
const isSubmission = (route: RouteDef): boolean => route.auth === 'public' && route.method === 'POST';

/**
 * The REST API generated from `routes`: Lambda proxy integrations, the Cognito
 * authorizer on every `auth: 'investigator'` route, a validator and JSON model
 * on the tip submission, stage and per-method throttling, access logs without
 * caller identity, CORS for the web origin, and a regional WAF web ACL.
 */
export class TiplineApi extends Construct {
  public readonly api: apigw.RestApi;
  public readonly accessLogs: logs.LogGroup;
  public readonly authorizer: apigw.CognitoUserPoolsAuthorizer;
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly methods: ReadonlyMap<RouteDef, apigw.Method>;

  constructor(scope: Construct, id: string, props: TiplineApiProps) {
    super(scope, id);
    const { config } = props;
    const routeDefs = props.routes ?? routes;

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });

    const methodOptions: Record<string, apigw.MethodDeploymentOptions> = {};
    for (const route of routeDefs.filter(isSubmission)) {
      methodOptions[`${route.path}/${route.method}`] = {
        throttlingRateLimit: config.submitThrottle.rate,
        throttlingBurstLimit: config.submitThrottle.burst,
      };
    }

    const allowMethods = [...new Set(routeDefs.map((route) => route.method)), 'OPTIONS'];
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: `tipline-${config.stage}`,
      description: `Tipline ${config.stage}: public tip intake and the investigator API`,
      endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
      // Access logging needs the account-level CloudWatch role.
      cloudWatchRole: true,
      deployOptions: {
        stageName: config.stage,
        throttlingRateLimit: config.apiThrottle.rate,
        throttlingBurstLimit: config.apiThrottle.burst,
        methodOptions,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
        // Execution logs and X-Ray segments of API Gateway record request
        // headers / the client address; both stay off (see nag-suppressions.ts).
        loggingLevel: apigw.MethodLoggingLevel.OFF,
        dataTraceEnabled: false,
        tracingEnabled: false,
        metricsEnabled: false,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [config.webOrigin],
        allowMethods,
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
        maxAge: Duration.hours(1),
      },
    });

    // Errors raised by API Gateway itself (throttling, validation, auth) must
    // also be readable by the form, or the browser reports a CORS failure.
    for (const type of [apigw.ResponseType.DEFAULT_4XX, apigw.ResponseType.DEFAULT_5XX]) {
      this.api.addGatewayResponse(`Cors${type.responseType}`, {
        type,
        responseHeaders: { 'Access-Control-Allow-Origin': `'${config.webOrigin}'`, Vary: "'Origin'" },
      });
    }

    const validator = this.api.addRequestValidator('Validator', {
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    // Coarse edge check on JSON bodies; the handler (zod) has the exact rules.
    // The model is bound to application/json only: API Gateway skips body
    // validation for content types without a model, so form-encoded tips
    // (application/x-www-form-urlencoded, also accepted by the handler) pass
    // through to the handler's own validation.
    const tipModel = this.api.addModel('TipSubmission', {
      contentType: 'application/json',
      modelName: 'TipSubmission',
      schema: {
        schema: apigw.JsonSchemaVersion.DRAFT4,
        title: 'TipSubmission',
        type: apigw.JsonSchemaType.OBJECT,
        required: ['objectId', 'text'],
        properties: {
          objectId: { type: apigw.JsonSchemaType.STRING, minLength: 1, maxLength: 64 },
          // A coarse guard only: the handler trims before counting, so the exact
          // 5,000-character rule (with a field-naming 400) lives there.
          text: { type: apigw.JsonSchemaType.STRING, minLength: 1, maxLength: limits.maxBodyBytes },
          language: { type: apigw.JsonSchemaType.STRING, maxLength: 35 },
        },
      },
    });

    this.authorizer = new apigw.CognitoUserPoolsAuthorizer(this, 'Investigators', {
      authorizerName: 'investigators',
      cognitoUserPools: [props.userPool],
      identitySource: apigw.IdentitySource.header('Authorization'),
      resultsCacheTtl: Duration.minutes(5),
    });

    const methods = new Map<RouteDef, apigw.Method>();
    for (const route of routeDefs) {
      const resource = this.api.root.resourceForPath(route.path);
      const integration = new apigw.LambdaIntegration(props.functions[route.function], { proxy: true, allowTestInvoke: false });
      const investigator = route.auth === 'investigator';
      const method = resource.addMethod(route.method, integration, {
        ...(investigator
          ? { authorizer: this.authorizer, authorizationType: apigw.AuthorizationType.COGNITO }
          : { authorizationType: apigw.AuthorizationType.NONE }),
        requestValidator: validator,
        requestParameters: pathParameters(route.path),
        ...(route.function === 'submitTip' ? { requestModels: { 'application/json': tipModel } } : {}),
      });
      methods.set(route, method);
    }
    this.methods = methods;

    this.webAcl = this.createWebAcl(config, routeDefs);
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }

  /**
   * Regional WAF in front of the stage. No logging configuration: WAF logs
   * carry the client IP and headers. Sampled requests are off for the same
   * reason (the console keeps them, with IPs, for three hours); only metrics.
   * No AWSManagedRulesAnonymousIpList / hosting-provider list: tipsters on
   * Tor or a VPN are welcome.
   */
  private createWebAcl(config: StageConfig, routeDefs: readonly RouteDef[]): wafv2.CfnWebACL {
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: false,
    });
    const block = (code: number): wafv2.CfnWebACL.RuleActionProperty => ({ block: { customResponse: { responseCode: code } } });
    const submissionPaths = [...new Set(routeDefs.filter(isSubmission).map((route) => route.path))];
    const pathStatement = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'ENDS_WITH',
        searchString: path,
        textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
      },
    });
    const submissionScope: wafv2.CfnWebACL.StatementProperty | undefined = submissionPaths.length === 0 ? undefined : {
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

    return new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `tipline-${config.stage}-api`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`tipline-${config.stage}-api`),
      // Inspect bodies up to 64 KB (default for API Gateway is 16 KB) so the
      // size rule sees the real limit; larger bodies are oversize and match.
      associationConfig: { requestBody: { API_GATEWAY: { defaultSizeInspectionLimit: 'KB_64' } } },
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
        // Rate limits count per source address inside WAF only; nothing is persisted.
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
                    aggregateKeyType: 'IP',
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
            rateBasedStatement: { aggregateKeyType: 'IP', limit: config.wafRateLimitPerSource, evaluationWindowSec: 300 },
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
              ruleActionOverrides: countInCommonRuleSet.map((name) => ({ name, actionToUse: { count: {} } })),
            },
          },
        },
      ],
    });
  }
}
