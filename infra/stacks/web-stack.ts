import { join } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { routes } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';
import { REPO_ROOT } from '#infra/bundling.ts';
import type { OriginSecret } from '#infra/constructs/waf.ts';

export interface WebStackProps extends StackProps {
  readonly config: StageConfig;
  readonly api: apigw.RestApi;
  /** Sent with every request to the API: its WAF blocks requests without it. */
  readonly originSecret: OriginSecret;
  /**
   * Bucket holding object images under `objects/`. Its own stack grants this
   * account's CloudFront read access to that prefix (see StatefulStack), so no
   * policy here points back at it and the stacks stay acyclic.
   */
  readonly mediaBucketName: string;
  readonly userPool: cognito.IUserPool;
  /** CloudFront-scope web ACL (created in us-east-1 by EdgeStack). */
  readonly webAclArn: string;
  /**
   * Built site (`npm run build:web`).
   * @default web/dist in the repository
   */
  readonly siteDirectory?: string;
}

/** The same Content-Security-Policy the local stack sends (local/static.ts). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * On AWS a tip's attachment is posted straight to the evidence bucket (a
 * presigned POST), and the console's thumbnails are presigned GETs of the
 * viewing copies in it (shared/store/attachment-media.ts), so that one origin
 * is added to connect-src and img-src; locally the adapter serves S3 on the
 * page's origin and the policy stays as above.
 */
export function siteContentSecurityPolicy(evidenceOrigin: string): string {
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${evidenceOrigin}`).replace("img-src 'self' data: blob:", `img-src 'self' data: blob: ${evidenceOrigin}`);
}

/** Path patterns CloudFront sends to the API, derived from the routes so a new route is never missed. */
export function apiPathPatterns(): string[] {
  const patterns = new Set<string>();
  for (const route of routes) {
    const [, first] = route.path.split('/');
    if (first === undefined || first === '') continue;
    patterns.add(route.path.split('/').length > 2 ? `/${first}/*` : `/${first}`);
  }
  return [...patterns].sort();
}

/**
 * The public form and the investigator console: a private S3 bucket behind
 * CloudFront (origin access control), with the API and the object images on
 * the same origin so the pages need no CORS and a strict CSP holds. No
 * CloudFront access logs: they would record tipsters' addresses.
 */
export class WebStack extends Stack {
  public readonly siteBucket: s3.Bucket;
  public readonly distribution: cloudfront.Distribution;
  public readonly consoleClient: cognito.UserPoolClient;
  public readonly authDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.siteBucket = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [{ id: 'noncurrent-versions', noncurrentVersionExpiration: Duration.days(30) }],
      // The site is rebuilt from the repository on every deploy.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: siteContentSecurityPolicy(`https://${props.mediaBucketName}.s3.${Aws.REGION}.amazonaws.com`),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    // `/console` is a page of its own; `/media/objects/…` maps onto the bucket's `objects/…`.
    const rewrite = new cloudfront.Function(this, 'Rewrite', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        'function handler(event) { var r = event.request; ' +
          "if (r.uri === '/console' || r.uri === '/console/') { r.uri = '/console.html'; } " +
          "else if (r.uri.indexOf('/media/') === 0) { r.uri = r.uri.substring(6); } " +
          'return r; }',
      ),
    });
    const viewerRequest = [{ function: rewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }];

    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: new origins.RestApiOrigin(props.api, { customHeaders: { [props.originSecret.headerName]: props.originSecret.value } }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {};
    for (const pattern of apiPathPatterns()) additionalBehaviors[pattern] = apiBehavior;
    additionalBehaviors['/media/objects/*'] = {
      origin: origins.S3BucketOrigin.withOriginAccessControl(s3.Bucket.fromBucketName(this, 'Media', props.mediaBucketName), {
        originAccessLevels: [cloudfront.AccessLevel.READ],
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      functionAssociations: viewerRequest,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Tipline ${config.stage}: public form, console, API and object images`,
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: false,
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: viewerRequest,
      },
      additionalBehaviors,
    });
    const siteUrl = `https://${this.distribution.distributionDomainName}`;

    // The hosted UI for investigators; the console reads the id token from the URL fragment.
    this.authDomain = new cognito.UserPoolDomain(this, 'AuthDomain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: `${config.prefix.toLowerCase()}-${Aws.ACCOUNT_ID}` },
    });
    this.consoleClient = new cognito.UserPoolClient(this, 'ConsoleClient', {
      userPool: props.userPool,
      userPoolClientName: 'console-web',
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { implicitCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [`${siteUrl}/console`],
        logoutUrls: [`${siteUrl}/console`],
      },
    });

    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.siteBucket,
      sources: [
        s3deploy.Source.asset(props.siteDirectory ?? join(REPO_ROOT, 'web', 'dist')),
        s3deploy.Source.jsonData('assets/config.json', {
          authMode: 'cognito',
          cognitoDomain: `${this.authDomain.domainName}.auth.${Aws.REGION}.amazoncognito.com`,
          clientId: this.consoleClient.userPoolClientId,
          redirectUri: `${siteUrl}/console`,
        }),
      ],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/console.html', '/assets/*'],
      memoryLimit: 256,
    });

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'ConsoleUrl', { value: `${siteUrl}/console` });
  }
}
