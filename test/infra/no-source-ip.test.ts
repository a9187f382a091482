/**
 * Issue 19: a CDK comment recommended CloudTrail data events for object
 * audit, which would record the source IP and user agent of every tipster's
 * upload. Nothing in the synthesised stacks may record a caller's address:
 * no data-event trail, no S3 server access logs, no CloudFront standard or
 * real-time logs, no WAF logging, no API access-log field naming the caller.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { REASONS } from '#infra/nag-suppressions.ts';
import { build, cdkJsonContext, PROD } from './helpers.ts';

type Resource = { Type: string; Properties?: Record<string, any> };

/** API Gateway access-log variables that name the caller or its network path. */
const CALLER_VARIABLES = /\$context\.identity\.|sourceIp|userAgent|X-Forwarded-For|\$context\.authorizer\.claims/i;

/** Every resource of a template that would write down where a request came from, as "<type>: <why>". */
export function sourceAddressRecorders(template: Template): string[] {
  const resources = Object.values((template.toJSON() as { Resources?: Record<string, Resource> }).Resources ?? {});
  return resources.flatMap((resource): string[] => {
    const properties = resource.Properties ?? {};
    switch (resource.Type) {
      case 'AWS::CloudTrail::Trail': {
        const selectors = [...(properties.EventSelectors ?? []), ...(properties.AdvancedEventSelectors ?? [])];
        const dataEvents = selectors.some((selector: Record<string, any>) =>
          (selector.DataResources ?? []).length > 0 ||
          (selector.FieldSelectors ?? []).some((field: { Field: string; Equals?: string[] }) => field.Field === 'eventCategory' && field.Equals?.includes('Data')),
        );
        return dataEvents ? ['AWS::CloudTrail::Trail: data events'] : [];
      }
      case 'AWS::S3::Bucket':
        return properties.LoggingConfiguration === undefined ? [] : ['AWS::S3::Bucket: server access logs'];
      case 'AWS::CloudFront::Distribution': {
        const config = properties.DistributionConfig ?? {};
        const behaviors = [config.DefaultCacheBehavior ?? {}, ...(config.CacheBehaviors ?? [])];
        return [
          ...(config.Logging === undefined ? [] : ['AWS::CloudFront::Distribution: standard logs']),
          ...(behaviors.some((behavior: Record<string, unknown>) => behavior.RealtimeLogConfigArn !== undefined) ? ['AWS::CloudFront::Distribution: real-time logs'] : []),
        ];
      }
      case 'AWS::CloudFront::RealtimeLogConfig':
        return ['AWS::CloudFront::RealtimeLogConfig: real-time logs'];
      case 'AWS::Logs::DeliverySource':
        return ['AWS::Logs::DeliverySource: vended logs'];
      case 'AWS::WAFv2::LoggingConfiguration':
        return ['AWS::WAFv2::LoggingConfiguration: WAF logs'];
      case 'AWS::ApiGateway::Stage': {
        const format = JSON.stringify(properties.AccessLogSetting?.Format ?? '');
        return CALLER_VARIABLES.test(format) ? ['AWS::ApiGateway::Stage: access log names the caller'] : [];
      }
      default:
        return [];
    }
  });
}

const stages = { dev: build(), prod: build(PROD) };

describe('nothing records a caller address', () => {
  it.each(Object.entries(stages))('%s: no trail with data events, no access logs of S3, CloudFront, WAF or API naming the caller', (_stage, built) => {
    // Prepare
    const templates = [built.stateful$, built.stateless$, built.edge$, built.web$];
    // Act
    const recorders = templates.flatMap(sourceAddressRecorders);
    // Assess
    expect(recorders).toEqual([]);
  });

  it('the check finds each kind of recorder when it is there', () => {
    // Prepare: a stack with everything the check must refuse
    const stack = new Stack(new App({ context: cdkJsonContext }), 'Recorders', { env: { region: 'eu-west-1' } });
    const logBucket = new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    const logged = new s3.Bucket(stack, 'Logged', { serverAccessLogsBucket: logBucket });
    new cloudtrail.Trail(stack, 'Trail').addS3EventSelector([{ bucket: logged }]);
    new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(logged) }, enableLogging: true, logBucket: logBucket });
    const api = new apigw.RestApi(stack, 'Api', {
      deployOptions: {
        accessLogDestination: new apigw.LogGroupLogDestination(new logs.LogGroup(stack, 'AccessLogs')),
        accessLogFormat: apigw.AccessLogFormat.custom(JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp' })),
      },
    });
    api.root.addMethod('GET');
    // Act
    const recorders = sourceAddressRecorders(Template.fromStack(stack));
    // Assess
    expect(recorders.sort()).toEqual([
      'AWS::ApiGateway::Stage: access log names the caller',
      'AWS::CloudFront::Distribution: standard logs',
      'AWS::CloudTrail::Trail: data events',
      'AWS::S3::Bucket: server access logs',
    ]);
  });

  it('no cdk-nag acknowledgement points to CloudTrail data events (they record the requester IP of every upload)', () => {
    // Prepare
    const reasons = Object.values(REASONS).map((entry) => entry.reason);
    // Act
    const advising = reasons.filter((reason) => /CloudTrail data events/i.test(reason));
    // Assess
    expect(advising).toEqual([]);
  });
});
