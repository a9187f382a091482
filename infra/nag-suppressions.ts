import { Stack, Validations, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import type { StatelessStack } from '#infra/stacks/stateless-stack.ts';
import type { WebStack } from '#infra/stacks/web-stack.ts';

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
  malwareScanRole: {
    idPrefix: 'AwsSolutions-IAM5[Resource::',
    reason:
      'The GuardDuty Malware Protection for S3 role, as GuardDuty documents it: the EventBridge rule it manages is named ' +
      'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3<suffix> (suffix chosen by GuardDuty), and it scans and tags ' +
      'objects whose keys are random, so object rights cover the attachments/ prefix only.',
  },
  xray: {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'xray:PutTraceSegments and xray:PutTelemetryRecords (added by Lambda active tracing) do not support ' +
      'resource-level permissions, nor does translate:TranslateText (without a custom terminology), granted to ' +
      'the investigator role only (no Comprehend action: the source language is always explicit, never auto); ' +
      'every other statement of the function roles names exact ARNs.',
  },
  evidenceObjects: {
    idPrefix: 'AwsSolutions-IAM5[Resource::',
    reason:
      'S3 object ARNs are per key: presigned POST/GET URLs and uploads are signed by these roles for keys chosen at ' +
      'run time, so each statement covers <bucket ARN>/<prefix>/* for the key prefixes of shared/resources.ts that the ' +
      'function uses (object actions only, one bucket only).',
  },
  bucketAccessLogs: {
    id: 'AwsSolutions-S1',
    reason:
      'S3 server access logs record the requester IP address and user agent of every upload; DESIGN.md forbids ' +
      'storing either. No object-level request log is kept at all: CloudTrail S3 object events would record the ' +
      'same addresses. Who may touch which keys is decided by IAM (infra/access.ts) instead.',
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
  ttlFailureQueueIsDlq: {
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself the on-failure destination (dead-letter queue) of the Tips table stream consumer; a DLQ ' +
      'of a DLQ adds nothing. It holds the failed batch\'s stream coordinates only, and an alarm watches its depth.',
  },
  powSecretRotation: {
    id: 'AwsSolutions-SMG4',
    reason:
      'The proof-of-work key only signs challenges that expire within minutes; replacing it (cdk deploy after ' +
      'removing the secret) invalidates nothing but open challenges, so a rotation Lambda would add cost and no protection.',
  },
  attachmentKeySecretRotation: {
    id: 'AwsSolutions-SMG4',
    reason:
      'The attachment-key HMAC only binds an upload to the tip sent within two days of it; a rotation Lambda would ' +
      'refuse the keys of tipsters still filling in the form and protect nothing stored (tips keep the key, not the MAC check).',
  },
  receiptKeySecretRotation: {
    id: 'AwsSolutions-SMG4',
    reason:
      'Receipts are stored only as an HMAC under this key: rotating it would make every receipt ever handed out ' +
      'unusable (tipsters hold the receipt, nobody can re-hash it), so it is never rotated automatically.',
  },
  originSecretRotation: {
    id: 'AwsSolutions-SMG4',
    reason:
      'CloudFormation reads the origin secret only when it updates the API\'s WAF rule and the distribution\'s origin ' +
      'header; a rotation Lambda would change it under both and lock CloudFront out of the API. It is never sent to a ' +
      'client; it is replaced by deploying a new generation (-c originSecretGeneration=N, README Deploy).',
  },
  siteAccessLogs: {
    id: 'AwsSolutions-S1',
    reason:
      'The site bucket holds only the built public pages; its server access logs would record the requester IP of ' +
      'CloudFront fetches and deploys, and nothing about them needs an audit trail (the pages are rebuilt from git).',
  },
  distributionAccessLogs: {
    id: 'AwsSolutions-CFR3',
    reason:
      'CloudFront access logs record every viewer IP address and user agent, which would deanonymise tipsters ' +
      '(DESIGN.md: never store an IP). CloudFront and WAF metrics cover operations.',
  },
  distributionDefaultCertificate: {
    id: 'AwsSolutions-CFR4',
    reason:
      'Without a custom domain the distribution uses the default *.cloudfront.net certificate, for which CloudFront ' +
      'cannot enforce a minimum TLS version; browsers negotiate TLS 1.2+ anyway. A deployment with its own domain ' +
      'adds an ACM certificate and TLSv1.2_2021.',
  },
  distributionGeoRestriction: {
    id: 'AwsSolutions-CFR1',
    reason:
      'Tips are wanted from everywhere: an object can be recognised by anyone who travelled or lives abroad, and ' +
      'tipsters may use Tor or a VPN exiting in any country.',
  },
  siteDeploymentRole: {
    idPrefix: 'AwsSolutions-IAM',
    reason:
      'The CDK BucketDeployment custom resource (copies web/dist into the site bucket at deploy time) comes with ' +
      'AWSLambdaBasicExecutionRole and the S3 wildcards CDK generates for the asset and site buckets only; it runs ' +
      'only during deployments and has no access to tips.',
  },
  siteDeploymentRuntime: {
    id: 'AwsSolutions-L1',
    reason:
      'The runtime of the CDK BucketDeployment custom resource is chosen and updated by aws-cdk-lib, not by this app; ' +
      'it runs only during deployments.',
  },
  importedMediaBucketPolicy: {
    id: 'Annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
    reason:
      'The media bucket lives in the stateful stack, which grants this account\'s CloudFront read access to objects/* ' +
      'itself (StatefulStack); granting it from the web stack would make the stacks depend on each other.',
  },
} as const;

function acknowledge(scope: IConstruct, suppression: Suppression): void {
  Validations.of(scope).acknowledge({ id: suppression.id, reason: suppression.reason });
}

/** Acknowledgements that can be attached while the constructs are built. */
export function applyNagSuppressions(stacks: { stateful: StatefulStack; stateless: StatelessStack; web: WebStack }): void {
  const { stateful, stateless, web } = stacks;

  if (stateless.powSecret !== undefined) acknowledge(stateless.powSecret, REASONS.powSecretRotation);
  acknowledge(stateless.api.originSecretStore, REASONS.originSecretRotation);
  acknowledge(stateless.attachmentKeySecret, REASONS.attachmentKeySecretRotation);
  acknowledge(stateless.receiptKeySecret, REASONS.receiptKeySecretRotation);
  for (const queue of stateless.ttlFailureQueues) acknowledge(queue, REASONS.ttlFailureQueueIsDlq);
  acknowledge(web.siteBucket, REASONS.siteAccessLogs);
  for (const reason of [REASONS.distributionAccessLogs, REASONS.distributionDefaultCertificate, REASONS.distributionGeoRestriction]) {
    acknowledge(web.distribution, reason);
  }
  const mediaOrigin = web.distribution.node.tryFindChild('Origin3');
  if (mediaOrigin !== undefined) acknowledge(mediaOrigin, REASONS.importedMediaBucketPolicy);

  for (const bucket of Object.values(stateful.buckets)) acknowledge(bucket, REASONS.bucketAccessLogs);
  const scanRole = stateful.evidenceProtection.role;
  const evidenceId = stateful.getLogicalId(stateful.buckets.evidence.node.defaultChild as never);
  for (const resource of [
    `arn:aws:events:${stateful.region}:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`,
    `<${evidenceId}.Arn>/attachments/*`,
  ]) {
    acknowledge(scanRole, { id: `${REASONS.malwareScanRole.idPrefix}${resource}]`, reason: REASONS.malwareScanRole.reason });
  }

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

/**
 * The BucketDeployment custom resource is a singleton CDK adds at the stack
 * root; its IAM findings (managed policy, S3 wildcards whose rendering depends
 * on region and asset bucket) are acknowledged where it is found.
 */
export function acknowledgeSiteDeployment(root: IConstruct): void {
  for (const node of root.node.findAll()) {
    if (!node.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    acknowledge(node, REASONS.siteDeploymentRuntime);
    for (const child of node.node.findAll()) {
      if (child instanceof iam.CfnRole) {
        for (const arn of ([] as unknown[]).concat(Stack.of(child).resolve(child.managedPolicyArns) ?? [])) {
          acknowledge(child, { id: `${REASONS.siteDeploymentRole.idPrefix}4[Policy::${flattenCfnReference(arn)}]`, reason: REASONS.siteDeploymentRole.reason });
        }
      }
      if (!(child instanceof iam.CfnPolicy)) continue;
      const document = Stack.of(child).resolve(child.policyDocument) as { Statement?: { Action?: string | string[]; Resource?: unknown }[] };
      for (const statement of document.Statement ?? []) {
        for (const action of ([] as string[]).concat(statement.Action ?? [])) {
          if (action.includes('*')) acknowledge(child, { id: `${REASONS.siteDeploymentRole.idPrefix}5[Action::${action}]`, reason: REASONS.siteDeploymentRole.reason });
        }
        for (const resource of ([] as unknown[]).concat(statement.Resource ?? [])) {
          const flat = flattenCfnReference(resource);
          if (flat.includes('*')) acknowledge(child, { id: `${REASONS.siteDeploymentRole.idPrefix}5[Resource::${flat}]`, reason: REASONS.siteDeploymentRole.reason });
        }
      }
    }
  }
}

/** AwsSolutionsChecks plus the validation-time acknowledgements above. */
export class TiplineNagChecks extends AwsSolutionsChecks {
  public override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    acknowledgeObjectWildcards(scope);
    acknowledgeSiteDeployment(scope);
    return super.validateScope(scope);
  }
}
