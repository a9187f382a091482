import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionKey, QueueKey } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';
import type { TiplineFunction } from '#infra/constructs/tipline-function.ts';
import { webAclName } from '#infra/constructs/waf.ts';

export interface WorkQueue {
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;
}

export interface MonitoringProps {
  readonly config: StageConfig;
  readonly functions: Record<FunctionKey, TiplineFunction>;
  readonly queues: Record<QueueKey, WorkQueue>;
  readonly stage: apigw.Stage;
  readonly webAclName: string;
  /**
   * Other dead-letter queues to alarm on (the table stream consumers' on-failure queues).
   * @default none
   */
  readonly extraDeadLetterQueues?: readonly sqs.IQueue[];
}

/**
 * Alarms to an encrypted SNS topic (optional e-mail subscription) and one
 * dashboard. Every alarm treats missing data as OK: an idle pipeline is healthy.
 */
export class Monitoring extends Construct {
  public readonly topic: sns.Topic;
  public readonly alarms: cloudwatch.Alarm[] = [];
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;

    // CloudWatch cannot publish to a topic under the AWS-managed SNS key, so
    // the topic gets its own small key that the CloudWatch service may use.
    const topicKey = new kms.Key(this, 'AlarmTopicKey', {
      description: `Tipline ${config.stage}: alarm topic`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy: config.removalPolicy,
    });
    topicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarms',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `Tipline ${config.stage} alarms`,
      masterKey: topicKey,
      enforceSSL: true,
    });
    if (config.alarmEmail !== undefined) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    }
    const action = new SnsAction(this.topic);

    const alarm = (idSuffix: string, metric: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm => {
      const created = new cloudwatch.Alarm(this, idSuffix, {
        alarmName: `${config.prefix}-${idSuffix}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    const fiveMinutes = Duration.minutes(5);
    for (const [key, { queue, dlq }] of Object.entries(props.queues)) {
      alarm(
        `${key}-dlq-depth`,
        dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        0,
        `Messages in the ${key} dead-letter queue: inspect, fix, then redrive (README, Deploy).`,
      );
      alarm(
        `${key}-oldest-message-age`,
        queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum' }),
        config.oldestMessageAlarmAge.toSeconds(),
        `The ${key} queue is falling behind (oldest message older than ${config.oldestMessageAlarmAge.toMinutes()} minutes).`,
      );
    }
    for (const [index, failures] of (props.extraDeadLetterQueues ?? []).entries()) {
      alarm(
        `stream-failures-${index}`,
        failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        0,
        'A table stream batch failed its cleanup repeatedly (e.g. attachments of expired tips): inspect the retention function logs.',
      );
    }
    for (const [key, fn] of Object.entries(props.functions)) {
      alarm(`${key}-errors`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 0, `${fn.def.id} function errors.`);
      alarm(`${key}-throttles`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), 0, `${fn.def.id} function throttled.`);
    }
    const api5xx = props.stage.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    alarm('api-5xx', api5xx, 0, 'The API answered with 5xx errors.');

    // Dashboard
    const wafMetric = (metricName: string, rule: string): cloudwatch.Metric =>
      new cloudwatch.Metric({
        namespace: 'AWS/WAFV2',
        metricName,
        dimensionsMap: { WebACL: props.webAclName, Region: Stack.of(this).region, Rule: rule },
        statistic: 'Sum',
        period: fiveMinutes,
      });
    // The CloudFront-scope web ACL (edge stack) reports in us-east-1, without a Region dimension.
    const edgeWafMetric = (metricName: string, rule: string): cloudwatch.Metric =>
      new cloudwatch.Metric({
        namespace: 'AWS/WAFV2',
        metricName,
        region: 'us-east-1',
        dimensionsMap: { WebACL: webAclName(config, 'CLOUDFRONT'), Rule: rule },
        statistic: 'Sum',
        period: fiveMinutes,
      });
    const fns = Object.values(props.functions);
    const queueEntries = Object.entries(props.queues);

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${config.prefix}`,
      defaultInterval: Duration.hours(6),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        left: [
          props.stage.metricCount({ period: fiveMinutes, statistic: 'Sum', label: 'requests' }),
          props.stage.metricClientError({ period: fiveMinutes, statistic: 'Sum', label: '4xx' }),
          props.stage.metricServerError({ period: fiveMinutes, statistic: 'Sum', label: '5xx' }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (p50 / p99)',
        left: [
          props.stage.metricLatency({ period: fiveMinutes, statistic: 'p50', label: 'p50' }),
          props.stage.metricLatency({ period: fiveMinutes, statistic: 'p99', label: 'p99' }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'WAF',
        left: [
          edgeWafMetric('AllowedRequests', 'ALL').with({ label: 'edge: allowed' }),
          edgeWafMetric('BlockedRequests', 'ALL').with({ label: 'edge: blocked' }),
          edgeWafMetric('BlockedRequests', 'SubmitRatePerSource').with({ label: 'edge: rate-limited tips' }),
          edgeWafMetric('CountedRequests', 'AWSManagedRulesCommonRuleSet').with({ label: 'edge: counted (CRS)' }),
          wafMetric('BlockedRequests', 'NotFromCloudFront').with({ label: 'API: not via CloudFront' }),
          wafMetric('BlockedRequests', 'GlobalRate').with({ label: 'API: global cap' }),
        ],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Function invocations',
        left: fns.map((fn) => fn.metricInvocations({ period: fiveMinutes, statistic: 'Sum', label: fn.def.id })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function errors and throttles',
        left: fns.map((fn) => fn.metricErrors({ period: fiveMinutes, statistic: 'Sum', label: `${fn.def.id} errors` })),
        right: fns.map((fn) => fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum', label: `${fn.def.id} throttles` })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration p99 (ms)',
        left: fns.map((fn) => fn.metricDuration({ period: fiveMinutes, statistic: 'p99', label: fn.def.id })),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Queue depth',
        left: queueEntries.map(([key, { queue }]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: key }),
        ),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Oldest message age (s)',
        left: queueEntries.map(([key, { queue }]) =>
          queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum', label: key }),
        ),
        width: 8,
      }),
      new cloudwatch.SingleValueWidget({
        title: 'Dead-letter queues',
        metrics: queueEntries.map(([key, { dlq }]) =>
          dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: `${key} DLQ` }),
        ),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
    );
  }
}
