import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { operationOf } from '#shared/api/openapi.ts';
import { limits, routes } from '#shared/resources.ts';
import { build } from './helpers.ts';
import { methodOf } from './helpers.ts';

const WEB_ORIGIN = 'https://form.example.org';
const dev = build({ webOrigin: WEB_ORIGIN });
const investigatorRoutes = routes.filter((route) => route.auth === 'investigator');
const publicRoutes = routes.filter((route) => route.auth === 'public');
const submitRoute = routes.find((route) => route.function === 'submitTip');
const label = (route: (typeof routes)[number]) => `${route.method} ${route.path}`;
const authorizerId = () => dev.stateless.getLogicalId(dev.stateless.api.authorizer.node.defaultChild as never);

describe('REST API routes', () => {
  it.each(investigatorRoutes.map((route) => ({ route, name: label(route) })))('$name uses the Cognito user-pool authorizer', ({ route }) => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const method = methodOf(template, route);
    // Assess
    expect(method.properties).toMatchObject({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: authorizerId() } });
  });

  it.each(publicRoutes.map((route) => ({ route, name: label(route) })))('$name is public: no authorizer', ({ route }) => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const method = methodOf(template, route);
    // Assess
    expect({ type: method.properties.AuthorizationType, authorizer: method.properties.AuthorizerId }).toEqual({
      type: 'NONE',
      authorizer: undefined,
    });
  });

  it('the authorizer trusts the investigator user pool', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [Match.anyValue()],
    });
  });

  it('POST /tips validates JSON bodies against the tip model (application/json only)', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const method = methodOf(template, submitRoute!);
    // Assess
    expect({ validator: method.properties.RequestValidatorId !== undefined, models: Object.keys(method.properties.RequestModels as object) }).toEqual({
      validator: true,
      models: ['application/json'],
    });
  });

  it('the tip model is generated from the handler\'s schema: the size limits only (a missing or mistyped field reaches the handler, whose 400 names it)', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      ContentType: 'application/json',
      Schema: {
        $schema: 'http://json-schema.org/draft-04/schema#',
        title: Match.anyValue(),
        properties: Match.objectLike({
          objectId: { maxLength: 64 },
          text: { maxLength: limits.maxBodyBytes },
          language: { maxLength: 35 },
        }),
      },
    });
  });

  it('every public route with a body, and no other, has a generated model', () => {
    // Prepare
    const template = dev.stateless$;
    const expected = routes.filter((route) => route.auth === 'public' && operationOf(route)?.body !== undefined).length;
    // Act
    const models = Object.keys(template.findResources('AWS::ApiGateway::Model'));
    // Assess
    expect(models).toHaveLength(expected);
    expect(expected).toBeGreaterThanOrEqual(2);
  });

  it('the request validator checks bodies and parameters', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
  });

  it('path parameters such as {country} are declared as required', () => {
    // Prepare
    const route = routes.find((candidate) => candidate.path.includes('{country}'))!;
    // Act
    const method = methodOf(dev.stateless$, route);
    // Assess
    expect(method.properties.RequestParameters).toEqual({ 'method.request.path.country': true });
  });
});

describe('REST API stage', () => {
  it('throttles the stage and, tighter, POST /tips', () => {
    // Prepare
    const { apiThrottle, submitThrottle } = dev.config;
    // Act (synthesised at import)
    // Assess
    dev.stateless$.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([
        Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: apiThrottle.rate, ThrottlingBurstLimit: apiThrottle.burst }),
        Match.objectLike({ HttpMethod: 'POST', ResourcePath: '/~1tips', ThrottlingRateLimit: submitThrottle.rate, ThrottlingBurstLimit: submitThrottle.burst }),
      ]),
    });
  });

  it('access logs carry no caller identity (no source IP, user agent or identity fields)', () => {
    // Prepare
    const stage = Object.values(dev.stateless$.findResources('AWS::ApiGateway::Stage'))[0]!;
    // Act
    const format = String(stage.Properties.AccessLogSetting.Format);
    // Assess
    expect({
      sourceIp: format.includes('sourceIp'),
      userAgent: format.includes('userAgent'),
      identity: format.includes('$context.identity'),
      claims: format.includes('claims'),
      epochMillis: format.includes('requestTimeEpoch'),
    }).toEqual({ sourceIp: false, userAgent: false, identity: false, claims: false, epochMillis: false });
  });

  it('access logs keep request id, resource path, status, latency, length and integration error', () => {
    // Prepare
    const stage = Object.values(dev.stateless$.findResources('AWS::ApiGateway::Stage'))[0]!;
    // Act
    const fields = Object.values(JSON.parse(String(stage.Properties.AccessLogSetting.Format)) as Record<string, string>);
    // Assess
    expect(fields).toEqual(
      expect.arrayContaining([
        '$context.requestId',
        '$context.resourcePath',
        '$context.status',
        '$context.responseLatency',
        '$context.responseLength',
        '$context.integration.error',
      ]),
    );
  });

  it('execution logging, data tracing and X-Ray are off at the API (they record headers / the client address)', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: false,
      MethodSettings: Match.arrayWith([Match.objectLike({ LoggingLevel: 'OFF', DataTraceEnabled: false })]),
    });
  });

  it('answers CORS preflights for the web origin only', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: Match.objectLike({
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({ 'method.response.header.Access-Control-Allow-Origin': `'${WEB_ORIGIN}'` }),
          }),
        ],
      }),
    });
  });
});

describe('WAF', () => {
  const acl = () => Object.values(dev.stateless$.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
  const rules = () => acl().Rules as { Name: string; Statement: Record<string, unknown>; VisibilityConfig: { SampledRequestsEnabled: boolean } }[];

  it('blocks bodies over the 64 KB limit, oversize bodies included', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      AssociationConfig: { RequestBody: { API_GATEWAY: { DefaultSizeInspectionLimit: 'KB_64' } } },
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: { Block: Match.anyValue() },
          Statement: {
            SizeConstraintStatement: Match.objectLike({
              FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
              ComparisonOperator: 'GT',
              Size: limits.maxBodyBytes,
            }),
          },
        }),
      ]),
    });
  });

  it('has no anonymous-IP or hosting-provider rule (Tor and VPN users are welcome)', () => {
    // Prepare
    const serialized = JSON.stringify(acl());
    // Act
    const found = ['AnonymousIpList', 'HostingProvider', 'AmazonIpReputationList'].filter((name) => serialized.includes(name));
    // Assess
    expect(found).toEqual([]);
  });

  it('keeps no sampled requests and has no logging configuration (they would hold client IPs)', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const sampled = [acl().VisibilityConfig, ...rules().map((rule) => rule.VisibilityConfig)].filter((config) => config.SampledRequestsEnabled);
    // Assess
    expect({ sampled, logging: Object.keys(template.findResources('AWS::WAFv2::LoggingConfiguration')) }).toEqual({ sampled: [], logging: [] });
  });

  it('is associated with the API stage', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const aclId = dev.stateless.getLogicalId(dev.stateless.api.webAcl);
    // Assess
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
      ResourceArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
  });
});
