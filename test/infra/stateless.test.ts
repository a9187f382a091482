import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buckets, functions, queues, tables } from '#shared/resources.ts';
import { access } from '#infra/access.ts';
import { build, PROD } from './helpers.ts';

const dev = build();
const prod = build(PROD);
const queueEntries = Object.entries(queues).map(([key, def]) => ({ key, ...def }));
const functionEntries = Object.entries(functions).map(([key, def]) => ({ key, ...def }));
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  dev.stateless.getLogicalId(construct.node.defaultChild as never);

describe('queues', () => {
  it.each(queueEntries)('$id: visibility timeout is at least 6x the consumer timeout', (def) => {
    // Prepare
    const consumerTimeout = functions[def.consumer].timeoutSeconds;
    // Act
    const ratio = def.visibilityTimeoutSeconds / consumerTimeout;
    // Assess
    expect(ratio).toBeGreaterThanOrEqual(6);
  });

  it.each(queueEntries)('$id: the queue has the visibility timeout of resources.ts', (def) => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const queueId = logicalId(dev.stateless.queues[def.key as keyof typeof queues].queue);
    // Assess
    expect(template.toJSON().Resources[queueId].Properties.VisibilityTimeout).toBe(def.visibilityTimeoutSeconds);
  });

  it.each(queueEntries)('$id: the DLQ is wired with maxReceiveCount from resources.ts', (def) => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const dlqId = logicalId(dev.stateless.queues[def.key as keyof typeof queues].dlq);
    // Assess
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: def.visibilityTimeoutSeconds,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: def.maxReceiveCount },
    });
  });

  it('every queue and DLQ is encrypted with the customer-managed data key', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const encrypted = template.findResources('AWS::SQS::Queue', {
      Properties: { KmsMasterKeyId: Match.anyValue(), KmsDataKeyReusePeriodSeconds: 3600 },
    });
    // Assess
    expect(Object.keys(encrypted)).toHaveLength(queueEntries.length * 2);
  });

  it('every queue and DLQ denies requests without TLS', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const policies = template.findResources('AWS::SQS::QueuePolicy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      },
    });
    // Assess
    const ttlFailureQueues = Object.values(tables).filter((table) => 'ttlStreamConsumer' in table).length;
    expect(Object.keys(policies)).toHaveLength(queueEntries.length * 2 + ttlFailureQueues);
  });

  it.each(queueEntries)('$id: the event source reports batch item failures and caps concurrency', (def) => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const consumerId = logicalId(dev.stateless.functions[def.consumer]);
    // Assess
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: consumerId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: def.maxConcurrency },
      BatchSize: def.batchSize,
      MaximumBatchingWindowInSeconds: def.maxBatchingWindowSeconds,
    });
  });
});

describe('functions', () => {
  it.each(functionEntries)('$id runs nodejs24.x on arm64 with the memory and timeout of resources.ts', (def) => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: def.description,
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: def.memoryMb,
      Timeout: def.timeoutSeconds,
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
    });
  });

  it.each(functionEntries)('$id receives every resource name and the Powertools settings', (def) => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const names = [
      ...Object.values(tables).map((table) => table.envVar),
      ...Object.values(queues).map((queue) => queue.envVar),
      ...Object.values(buckets).map((bucket) => bucket.envVar),
    ];
    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: def.description,
      Environment: {
        Variables: Match.objectLike({
          ...Object.fromEntries(names.map((name) => [name, Match.anyValue()])),
          POWERTOOLS_SERVICE_NAME: `tipline-${def.id.toLowerCase()}`,
          POWERTOOLS_LOG_LEVEL: Match.anyValue(),
        }),
      },
    });
  });

  it('dev log groups keep a week of logs', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const groups = template.findResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 7 } });
    // Assess
    expect(Object.keys(groups).length).toBeGreaterThanOrEqual(functionEntries.length);
  });

  it('prod log groups keep a month of logs and are retained', () => {
    // Prepare
    const template = prod.stateless$;
    // Act
    const groups = template.findResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 30 } });
    // Assess
    expect(Object.keys(groups).length).toBeGreaterThanOrEqual(functionEntries.length);
  });

  it('no function role carries an AWS managed policy', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] } },
    });
    // Assess
    expect(Object.values(roles).filter((role) => role.Properties.ManagedPolicyArns !== undefined)).toEqual([]);
  });

  it('the investigator may read the dedupe index, where the duplicate counts of its queues come from', () => {
    // Prepare
    const template = dev.stateless$;
    const roleId = logicalId(dev.stateless.functions.investigator.role as never);
    const dedupeArn = JSON.stringify(dev.stateless.resolve((dev.stateful.tables.dedupe as { tableArn: string }).tableArn));
    // Act
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } });
    const readStatements = Object.values(policies)
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown }[])
      .filter((statement) => statement.Action.includes('dynamodb:BatchGetItem'));
    // Assess
    expect(readStatements.some((statement) => JSON.stringify(statement.Resource).includes(dedupeArn))).toBe(true);
  });

  it('the dedupe function may send to the intake queue, for the delayed re-check of a late attachment', () => {
    // Prepare
    const template = dev.stateless$;
    const roleId = logicalId(dev.stateless.functions.dedupe.role as never);
    const intakeArn = JSON.stringify(dev.stateless.resolve(dev.stateless.queues.intake.queue.queueArn));
    // Act
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } });
    const sendStatements = Object.values(policies)
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string[] | string; Resource: unknown }[])
      .filter((statement) => ([] as string[]).concat(statement.Action).includes('sqs:SendMessage'));
    // Assess
    expect(sendStatements.some((statement) => JSON.stringify(statement.Resource).includes(intakeArn))).toBe(true);
  });

  it('only functions that access.ts allows to send may send to a queue', () => {
    // Prepare
    const template = dev.stateless$;
    // Stream consumers may also send to their on-failure queue (granted by the event source).
    const streamConsumers = Object.values(tables).flatMap((table) => ('ttlStreamConsumer' in table ? [table.ttlStreamConsumer] : []));
    const senders = [...new Set([...Object.entries(access).filter(([, rights]) => 'send' in rights).map(([key]) => key), ...streamConsumers])].sort();
    // Act
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']) })]) } },
    });
    const roleIds = Object.values(policies).flatMap((policy) => (policy.Properties.Roles as { Ref: string }[]).map((role) => role.Ref));
    // Assess
    expect(roleIds.map((id) => Object.keys(functions).find((key) => id.startsWith(`${functions[key as keyof typeof functions].id}Role`))).sort()).toEqual(
      senders,
    );
  });
});

describe('retention of expired tips', () => {
  it('streams the Tips table\'s TTL deletions (only) to the retention function, with a DLQ', () => {
    // Act
    const { stateless$, stateful$ } = build();

    // Assess
    stateful$.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'OLD_IMAGE' } });
    stateless$.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('dynamodb.amazonaws.com') }] },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});
