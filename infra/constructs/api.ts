import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { gatewayModel, operationId, operationOf } from '#shared/api/openapi.ts';
import { routes, type FunctionKey, type RouteDef } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';
import type { TiplineFunction } from '#infra/constructs/tipline-function.ts';
import { ORIGIN_SECRET_HEADER, TiplineWebAcl, type OriginSecret } from '#infra/constructs/waf.ts';
import { POW_HEADER } from '#shared/pow.ts';

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
 * caller identity, CORS for the web origin, and a regional WAF web ACL that
 * answers only requests carrying CloudFront's origin secret.
 */
export class TiplineApi extends Construct {
  public readonly api: apigw.RestApi;
  public readonly accessLogs: logs.LogGroup;
  public readonly authorizer: apigw.CognitoUserPoolsAuthorizer;
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly methods: ReadonlyMap<RouteDef, apigw.Method>;
  /**
   * What CloudFront must send for the API to answer (the web stack adds it to
   * its API origin); the value stays in Secrets Manager and reaches the WAF
   * rule and the distribution as dynamic references, never in a template.
   */
  public readonly originSecret: OriginSecret;
  /** The Secrets Manager secret behind `originSecret`. */
  public readonly originSecretStore: secretsmanager.Secret;

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
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'If-Match', POW_HEADER],
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

    // Coarse edge check on public JSON bodies, generated from the handler's own
    // zod schema (shared/api/openapi.ts gatewayModel: structure and size only;
    // the handler has the exact rules and names the field). A model is bound to
    // application/json only: API Gateway skips body validation for content
    // types without a model, so form-encoded tips still reach the handler.
    const models = new Map<RouteDef, apigw.IModel>();
    for (const route of routeDefs.filter((candidate) => candidate.auth === 'public')) {
      const operation = operationOf(route);
      const schema = operation === undefined ? undefined : gatewayModel(operation);
      if (schema === undefined) continue;
      const modelName = `${operationId(operation!)[0]!.toUpperCase()}${operationId(operation!).slice(1)}Body`;
      models.set(route, this.api.addModel(modelName, { contentType: 'application/json', modelName, schema: { schema: apigw.JsonSchemaVersion.DRAFT4, title: modelName, ...schema } as apigw.JsonSchema }));
    }

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
        ...(models.has(route) ? { requestModels: { 'application/json': models.get(route)! } } : {}),
      });
      methods.set(route, method);
    }
    this.methods = methods;

    // Why a secret header and not `disableExecuteApiEndpoint`: CloudFront reaches
    // a REST API through exactly that execute-api hostname, so turning it off
    // needs a custom domain (a certificate and DNS the operator owns), which is
    // itself public: it would move the open door, not close it. A private API is
    // out of CloudFront's reach, and a resource policy on CloudFront's address
    // ranges admits anyone's distribution. The header, checked by the WAF that
    // API Gateway evaluates first, admits only this stage's distribution.
    // CloudFormation reads the value only when it updates the WAF rule or the
    // distribution, so replacing it means a new secret (a new generation).
    const generation = config.originSecretGeneration;
    this.originSecretStore = new secretsmanager.Secret(this, generation === 1 ? 'OriginSecret' : `OriginSecret${generation}`, {
      description: `Tipline ${config.stage}: header value CloudFront sends to the API; the API's WAF blocks requests without it`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    this.originSecret = { headerName: ORIGIN_SECRET_HEADER, value: this.originSecretStore.secretValue.unsafeUnwrap() };
    this.webAcl = new TiplineWebAcl(this, 'Waf', { config, scope: 'REGIONAL', routes: routeDefs, originSecret: this.originSecret }).webAcl;
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
