import type { App, Environment } from 'aws-cdk-lib';
import { Tags } from 'aws-cdk-lib';
import { loadConfig, type StageConfig } from '#infra/config.ts';
import { applyNagSuppressions } from '#infra/nag-suppressions.ts';
import { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { StatelessStack } from '#infra/stacks/stateless-stack.ts';

export interface TiplineStacks {
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Builds both stacks of one stage into `app`. Shared by infra/app.ts (the CDK
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

  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'tipline');
    Tags.of(stack).add('stage', config.stage);
  }
  applyNagSuppressions({ stateful, stateless });
  return { config, stateful, stateless };
}
