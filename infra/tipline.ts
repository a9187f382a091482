import type { App, Environment } from 'aws-cdk-lib';
import { Tags } from 'aws-cdk-lib';
import { loadConfig, type StageConfig } from '#infra/config.ts';
import { applyNagSuppressions } from '#infra/nag-suppressions.ts';
import { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { StatelessStack } from '#infra/stacks/stateless-stack.ts';
import { WebStack } from '#infra/stacks/web-stack.ts';
import { EdgeStack } from '#infra/stacks/edge-stack.ts';

export interface TiplineStacks {
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly edge: EdgeStack;
  readonly web: WebStack;
}

/**
 * Builds the three stacks of one stage into `app`. Shared by infra/app.ts (the CDK
 * CLI entry, which adds cdk-nag) and the infra tests (which do not).
 */
export function buildTipline(app: App, env?: Environment): TiplineStacks {
  const config = loadConfig(app.node);
  const environment: Environment = env ?? {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-1',
  };

  const stateful = new StatefulStack(app, `${config.prefix}-Stateful`, {
    env: environment,
    config,
    description: `Tipline ${config.stage}: data key, tables, evidence bucket, investigator user pool`,
    terminationProtection: config.prod,
  });
  const stateless = new StatelessStack(app, `${config.prefix}-Stateless`, {
    env: environment,
    config,
    description: `Tipline ${config.stage}: API, WAF, functions, queues, alarms`,
    terminationProtection: config.prod,
    tables: stateful.tables,
    buckets: stateful.buckets,
    dataKey: stateful.dataKey,
    userPool: stateful.userPool,
  });

  // CloudFront-scope WAF exists only in us-east-1; the site stack reads its ARN across regions.
  const edge = new EdgeStack(app, `${config.prefix}-Edge`, {
    env: { account: environment.account, region: 'us-east-1' },
    config,
    description: `Tipline ${config.stage}: CloudFront WAF (per-viewer rate limits)`,
    crossRegionReferences: true,
  });
  const web = new WebStack(app, `${config.prefix}-Web`, {
    env: environment,
    crossRegionReferences: true,
    config,
    webAclArn: edge.webAcl.webAcl.attrArn,
    description: `Tipline ${config.stage}: public form and console on CloudFront, API and images on the same origin`,
    api: stateless.api.api,
    originSecret: stateless.api.originSecret,
    mediaBucketName: stateful.buckets.evidence.bucketName,
    userPool: stateful.userPool,
  });

  for (const stack of [stateful, stateless, edge, web]) {
    Tags.of(stack).add('project', 'tipline');
    Tags.of(stack).add('stage', config.stage);
  }
  applyNagSuppressions({ stateful, stateless, web });
  return { config, stateful, stateless, edge, web };
}
