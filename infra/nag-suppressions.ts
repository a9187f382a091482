import { Stack, Validations, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import type { StatelessStack } from '#infra/stacks/stateless-stack.ts';

/**
 * Every cdk-nag (AwsSolutions) acknowledgement of the app, each with its
 * reason. The README's Deploy section lists the same table for reviewers; a test checks
 * that a synth with the checks enabled reports nothing else.
 */
export interface Suppression {
  readonly id: string;
  readonly reason: string;
}

export const REASONS = {
  xray: {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'xray:PutTraceSegments and xray:PutTelemetryRecords (added by Lambda active tracing) do not support ' +
      'resource-level permissions; every other statement of the function roles names exact ARNs.',
  },
  evidenceObjects: {
    idPrefix: 'AwsSolutions-IAM5[Resource::',
    reason:
      'S3 object ARNs are per key: presigned POST/GET URLs for evidence attachments are signed by these roles for ' +
      'keys chosen at run time, so the statement covers <bucket ARN>/* (object actions only, one bucket only).',
  },
  bucketAccessLogs: {
    id: 'AwsSolutions-S1',
    reason:
      'S3 server access logs record the requester IP address and user agent of every upload; DESIGN.md forbids ' +
      'storing either. Object-level audit, if needed, is CloudTrail data events (which identify the IAM role, not tipsters).',
  },
  apiGatewayCloudWatchRole: {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    reason:
      'The account-level API Gateway role that writes access logs; AWS publishes this managed policy for exactly ' +
      'that purpose and API Gateway needs log-group creation rights it cannot know in advance.',
  },
  executionLogs: {
    id: 'AwsSolutions-APIG6',
    reason:
      'API Gateway execution logs can contain request headers (X-Forwarded-For, User-Agent) and are off by design ' +
      '(anonymity rules). Access logs with a custom format that omits caller identity, Lambda logs and metrics cover operations.',
  },
  publicRouteAuthorization: {
    id: 'AwsSolutions-APIG4',
    reason:
      'Public route (auth: public in shared/resources.ts): anonymous tipsters and the public form call it without ' +
      'an account by design. Protected by WAF (size and per-source rate rules), stage and method throttling and the request validator.',
  },
  publicRouteCognito: {
    id: 'AwsSolutions-COG4',
    reason:
      'Public route (auth: public in shared/resources.ts): tipsters are anonymous, so there is no Cognito user to ' +
      'authorize. Every investigator route uses the Cognito user-pool authorizer (tested in test/infra).',
  },
} as const;

function acknowledge(scope: IConstruct, suppression: Suppression): void {
  Validations.of(scope).acknowledge({ id: suppression.id, reason: suppression.reason });
}

/** Acknowledgements that can be attached while the constructs are built. */
export function applyNagSuppressions(stacks: { stateful: StatefulStack; stateless: StatelessStack }): void {
  const { stateful, stateless } = stacks;

  for (const bucket of Object.values(stateful.buckets)) acknowledge(bucket, REASONS.bucketAccessLogs);

  for (const fn of Object.values(stateless.functions)) acknowledge(fn.role ?? fn, REASONS.xray);

  const api = stateless.api.api;
  const cloudWatchRole = api.node.tryFindChild('CloudWatchRole');
  if (cloudWatchRole !== undefined) acknowledge(cloudWatchRole, REASONS.apiGatewayCloudWatchRole);
  acknowledge(api.deploymentStage, REASONS.executionLogs);

  for (const [route, method] of stateless.api.methods) {
    if (route.auth !== 'public') continue;
    acknowledge(method, REASONS.publicRouteAuthorization);
    acknowledge(method, REASONS.publicRouteCognito);
  }
}

/**
 * IAM5 findings name the resource as CloudFormation renders it, and a
 * cross-stack bucket ARN only gets its final form (an imported output) once
 * references are resolved at synth. These are acknowledged at validation
 * time: exactly the `<bucket>/*` resources of statements that grant S3
 * object actions and nothing else.
 */
export function acknowledgeObjectWildcards(root: IConstruct): void {
  for (const node of root.node.findAll()) {
    if (!(node instanceof iam.CfnPolicy)) continue;
    const document = Stack.of(node).resolve(node.policyDocument) as {
      Statement?: { Effect?: string; Action?: string | string[]; Resource?: unknown }[];
    };
    for (const statement of document.Statement ?? []) {
      const actions = ([] as string[]).concat(statement.Action ?? []);
      if (statement.Effect !== 'Allow' || actions.length === 0 || !actions.every((action) => action.startsWith('s3:'))) continue;
      if (actions.some((action) => action.includes('*') || action.includes('Bucket'))) continue;
      for (const resource of ([] as unknown[]).concat(statement.Resource ?? [])) {
        const flat = flattenCfnReference(resource);
        if (!flat.endsWith('/*') || flat.slice(0, -2).includes('*')) continue;
        acknowledge(node, { id: `${REASONS.evidenceObjects.idPrefix}${flat}]`, reason: REASONS.evidenceObjects.reason });
      }
    }
  }
}

/** AwsSolutionsChecks plus the validation-time acknowledgements above. */
export class TiplineNagChecks extends AwsSolutionsChecks {
  public override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    acknowledgeObjectWildcards(scope);
    return super.validateScope(scope);
  }
}
