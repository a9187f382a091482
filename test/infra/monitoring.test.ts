import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { functions, queues } from '#shared/resources.ts';
import { build, PROD } from './helpers.ts';

const dev = build();
const prod = build(PROD);
const queueKeys = Object.keys(queues) as (keyof typeof queues)[];
const functionKeys = Object.keys(functions) as (keyof typeof functions)[];
const ref = (construct: { node: { defaultChild?: unknown } }) => dev.stateless.getLogicalId(construct.node.defaultChild as never);
const topicRef = () => ({ Ref: dev.stateless.getLogicalId(dev.stateless.monitoring.topic.node.defaultChild as never) });

describe('alarms', () => {
  it.each(queueKeys)('%s DLQ: alarm when any message is visible', (key) => {
    // Prepare
    const dlq = dev.stateless.queues[key].dlq;
    // Act (synthesised at import)
    // Assess
    dev.stateless$.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ref(dlq), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      AlarmActions: [topicRef()],
    });
  });

  it.each(queueKeys)('%s queue: alarm on the age of the oldest message', (key) => {
    // Prepare
    const queue = dev.stateless.queues[key].queue;
    // Act (synthesised at import)
    // Assess
    dev.stateless$.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ref(queue), 'QueueName'] } }],
      Threshold: dev.config.oldestMessageAlarmAge.toSeconds(),
      AlarmActions: [topicRef()],
    });
  });

  it.each(functionKeys.flatMap((key) => [{ key, metric: 'Errors' }, { key, metric: 'Throttles' }]))('$key: alarm on $metric', ({ key, metric }) => {
    // Prepare
    const fn = dev.stateless.functions[key];
    // Act (synthesised at import)
    // Assess
    dev.stateless$.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: metric,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: ref(fn) } }],
      Threshold: 0,
      AlarmActions: [topicRef()],
    });
  });

  it('API: alarm on 5xx', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Sum',
      Threshold: 0,
      AlarmActions: [topicRef()],
    });
  });

  it('the alarm topic is KMS-encrypted and TLS-only', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('the alarm topic uses its own key', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('subscribes alarmEmail when given', () => {
    // Prepare
    const template = prod.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });

  it('subscribes nobody without alarmEmail', () => {
    // Prepare
    const template = dev.stateless$;
    // Act
    const subscriptions = template.findResources('AWS::SNS::Subscription');
    // Assess
    expect(subscriptions).toEqual({});
  });

  it('has a dashboard', () => {
    // Prepare
    const template = dev.stateless$;
    // Act (synthesised at import)
    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'Tipline-dev' });
  });
});

describe('tracing cost', () => {
  it('samples one percent of Lambda traces with no reservoir', () => {
    // Act
    const { stateless$ } = build();

    // Assess
    stateless$.hasResourceProperties('AWS::XRay::SamplingRule', {
      SamplingRule: { FixedRate: 0.01, ReservoirSize: 0, ServiceType: 'AWS::Lambda::Function' },
    });
  });
});
