import { CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as xray from 'aws-cdk-lib/aws-xray';
import type { Construct } from 'constructs';
import { EVIDENCE_DELETER_TAG } from '#infra/constructs/evidence-protection.ts';
import {
  buckets,
  functions,
  queues,
  tables,
  type BucketKey,
  type FunctionKey,
  type KeyPrefixDef,
  type QueueKey,
  type TableDef,
  type TableKey,
} from '#shared/resources.ts';
import { access, type FunctionAccess, type ObjectGrant } from '#infra/access.ts';
import type { StageConfig } from '#infra/config.ts';
import { TiplineApi } from '#infra/constructs/api.ts';
import { Monitoring, type WorkQueue } from '#infra/constructs/monitoring.ts';
import { TiplineFunction } from '#infra/constructs/tipline-function.ts';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** From the stateful stack (cross-stack references). */
  readonly tables: Record<TableKey, dynamodb.ITable>;
  readonly buckets: Record<BucketKey, s3.IBucket>;
  readonly dataKey: kms.IKey;
  readonly userPool: cognito.IUserPool;
}

const keysOf = <K extends string>(record: Record<K, unknown>): K[] => Object.keys(record) as K[];

/**
 * The pipeline, safe to destroy and redeploy: work queues and DLQs, the
 * functions, the REST API with its WAF, alarms and the dashboard. Generated
 * from shared/resources.ts; per-function IAM comes from infra/access.ts.
 */
export class StatelessStack extends Stack {
  public readonly queues: Record<QueueKey, WorkQueue>;
  public readonly functions: Record<FunctionKey, TiplineFunction>;
  public readonly api: TiplineApi;
  public readonly monitoring: Monitoring;
  /** Where TTL-stream records land when their cleanup keeps failing. */
  public readonly ttlFailureQueues: sqs.Queue[] = [];
  /** Signs proof-of-work challenges; only when `powDifficulty` > 0. */
  public readonly powSecret: secretsmanager.Secret | undefined;
  /** HMAC key the attachments function signs attachment keys with and the submit function checks (shared/attachment-keys.ts). */
  public readonly attachmentKeySecret: secretsmanager.Secret;
  /** HMAC key of receipts (shared/receipts.ts): the submit function hashes a new receipt with it, the functions that find a tip by receipt hash what they are given. */
  public readonly receiptKeySecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.queues = Object.fromEntries(keysOf(queues).map((key) => [key, this.createQueue(key, props)])) as Record<
      QueueKey,
      WorkQueue
    >;

    // Every function gets every resource name: shared/store modules resolve
    // names at import time, so a handler importing a store it does not call
    // would otherwise fail at cold start. Access itself is IAM, per function.
    const environment: Record<string, string> = {
      ...Object.fromEntries(keysOf(tables).map((key) => [tables[key].envVar, props.tables[key].tableName])),
      ...Object.fromEntries(keysOf(queues).map((key) => [queues[key].envVar, this.queues[key].queue.queueUrl])),
      ...Object.fromEntries(keysOf(buckets).map((key) => [buckets[key].envVar, props.buckets[key].bucketName])),
      // For CORS headers on proxy responses (API Gateway only answers preflights).
      WEB_ORIGIN: config.webOrigin,
    };

    // X-Ray's default rule traces the first request each second and 5 % after:
    // at an appeal's usual trickle that is nearly every tip ($5 per million
    // traces). One percent, with no reservoir, still shows where time goes.
    new xray.CfnSamplingRule(this, 'TraceSampling', {
      samplingRule: {
        ruleName: `${config.prefix}-1pct`.slice(0, 32),
        priority: 100,
        fixedRate: 0.01,
        reservoirSize: 0,
        serviceName: '*',
        serviceType: 'AWS::Lambda::Function',
        host: '*',
        httpMethod: '*',
        urlPath: '*',
        resourceArn: '*',
        version: 1,
      },
    });

    // Proof of work, when switched on: the HMAC secret lives in Secrets Manager and
    // reaches the submit function through a CloudFormation dynamic reference.
    this.powSecret =
      config.powDifficulty > 0
        ? new secretsmanager.Secret(this, 'PowSecret', {
            description: 'HMAC key signing proof-of-work challenges for POST /tips',
            generateSecretString: { passwordLength: 48, excludePunctuation: true },
          })
        : undefined;
    const powEnvironment: Record<string, string> =
      this.powSecret === undefined
        ? {}
        : { POW_DIFFICULTY: String(config.powDifficulty), POW_SECRET: this.powSecret.secretValue.unsafeUnwrap() };

    // Attachment keys are signed so that POST /tips takes only keys the attachments
    // function issued; both functions read the key through a dynamic reference.
    this.attachmentKeySecret = new secretsmanager.Secret(this, 'AttachmentKeySecret', {
      description: 'HMAC key binding attachment keys to the upload the API issued',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const attachmentKeyEnvironment = { ATTACHMENT_KEY_SECRET: this.attachmentKeySecret.secretValue.unsafeUnwrap() };
    // Receipts are stored only as an HMAC under this key, so a dump of the tables reveals none;
    // the functions that hash a receipt read it through a dynamic reference.
    this.receiptKeySecret = new secretsmanager.Secret(this, 'ReceiptKeySecret', {
      description: 'HMAC key under which the Tips table keeps receipts (never the receipts themselves)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const receiptKeyEnvironment = { RECEIPT_KEY_SECRET: this.receiptKeySecret.secretValue.unsafeUnwrap() };
    const extraEnvironment: Partial<Record<FunctionKey, Record<string, string>>> = {
      submitTip: { ...powEnvironment, ...attachmentKeyEnvironment, ...receiptKeyEnvironment },
      attachments: attachmentKeyEnvironment,
      // The follow-up routes take the same proof of work as POST /tips when it is on.
      followup: { ...powEnvironment, ...receiptKeyEnvironment },
      // POST /investigator/receipts/lookup hashes the receipt a tipster quotes.
      investigator: receiptKeyEnvironment,
      // Attachments stay hidden from the console until GuardDuty tags them clean (infra/constructs/evidence-protection.ts).
      dedupe: { MALWARE_SCAN: 'guardduty' },
    };

    this.functions = Object.fromEntries(
      keysOf(functions).map((key) => {
        const fn = new TiplineFunction(this, functions[key].id, {
          def: functions[key],
          config,
          environment: { ...environment, ...extraEnvironment[key], ...(config.translate && (access[key] as FunctionAccess).translate === true ? { TRANSLATE_ENABLED: 'true' } : {}) },
        });
        this.grant(fn, access[key], props);
        return [key, fn];
      }),
    ) as Record<FunctionKey, TiplineFunction>;
    // The one role the evidence bucket's Deny lets delete an original: retention, when its tip expires.
    Tags.of(this.functions.retention.role!).add(EVIDENCE_DELETER_TAG.key, EVIDENCE_DELETER_TAG.value);

    for (const key of keysOf(queues)) {
      const def = queues[key];
      this.functions[def.consumer].addEventSource(
        new SqsEventSource(this.queues[key].queue, {
          batchSize: def.batchSize,
          maxBatchingWindow: Duration.seconds(def.maxBatchingWindowSeconds),
          maxConcurrency: def.maxConcurrency,
          reportBatchItemFailures: true,
        }),
      );
    }

    // TTL deletions only (the service deletes them, not a user): clean up what the
    // expired item pointed to. Failures go to a DLQ after a few retries.
    for (const key of keysOf(tables)) {
      const def = tables[key] as TableDef;
      if (def.ttlStreamConsumer === undefined) continue;
      // Lambda puts only the failed batch's stream coordinates here, never tip
      // data, so SQS-managed encryption suffices (and needs no key grants).
      const failures = new sqs.Queue(this, `${def.id}TtlFailures`, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      this.ttlFailureQueues.push(failures);
      this.functions[def.ttlStreamConsumer].addEventSource(
        new DynamoEventSource(props.tables[key], {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: 100,
          retryAttempts: 5,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(failures),
          filters: [
            lambda.FilterCriteria.filter({
              eventName: lambda.FilterRule.isEqual('REMOVE'),
              userIdentity: { type: lambda.FilterRule.isEqual('Service'), principalId: lambda.FilterRule.isEqual('dynamodb.amazonaws.com') },
            }),
          ],
        }),
      );
    }

    this.api = new TiplineApi(this, 'Http', { config, functions: this.functions, userPool: props.userPool });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      functions: this.functions,
      queues: this.queues,
      extraDeadLetterQueues: this.ttlFailureQueues,
      stage: this.api.api.deploymentStage,
      webAclName: this.api.webAcl.name as string,
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.api.url,
      description: "CloudFront's origin only: answers 403 to any request that did not come through the site (use SiteUrl)",
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    for (const key of keysOf(queues)) {
      new CfnOutput(this, `${queues[key].id}QueueUrl`, { value: this.queues[key].queue.queueUrl });
      new CfnOutput(this, `${queues[key].id}DlqArn`, { value: this.queues[key].dlq.queueArn });
    }
  }

  private createQueue(key: QueueKey, props: StatelessStackProps): WorkQueue {
    const def = queues[key];
    // Tip text travels in these messages: same customer-managed key as the
    // tables. An hour of data-key reuse keeps KMS calls to a handful per hour.
    const encryption = {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.dataKey,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
    } as const;
    const dlq = new sqs.Queue(this, `${def.id}Dlq`, {
      ...encryption,
      retentionPeriod: Duration.days(def.dlqRetentionDays),
    });
    const queue = new sqs.Queue(this, `${def.id}Queue`, {
      ...encryption,
      visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(def.retentionDays),
      deadLetterQueue: { queue: dlq, maxReceiveCount: def.maxReceiveCount },
    });
    return { queue, dlq };
  }

  private grant(fn: TiplineFunction, rights: FunctionAccess, props: StatelessStackProps): void {
    for (const key of rights.read ?? []) fn.readTable(props.tables[key], tables[key]);
    for (const key of rights.write ?? []) fn.writeTable(props.tables[key]);
    for (const key of rights.update ?? []) fn.updateTable(props.tables[key]);
    for (const key of rights.send ?? []) fn.sendTo(this.queues[key].queue);
    const objectGrants = (grant: ObjectGrant | undefined): [s3.IBucket, string[]][] =>
      (Object.keys(grant ?? {}) as BucketKey[]).map((key) => {
        const prefixes = buckets[key].prefixes as Record<string, KeyPrefixDef>;
        return [props.buckets[key], (grant?.[key] ?? []).map((name: string) => prefixes[name]!.prefix)];
      });
    for (const [bucket, prefixes] of objectGrants(rights.readObjects)) fn.readObjects(bucket, prefixes);
    for (const [bucket, prefixes] of objectGrants(rights.writeObjects)) fn.writeObjects(bucket, prefixes);
    for (const [bucket, prefixes] of objectGrants(rights.uploadObjects)) fn.uploadObjects(bucket, prefixes);
    for (const [bucket, prefixes] of objectGrants(rights.deleteObjects)) fn.deleteObjects(bucket, prefixes);
    for (const [bucket, prefixes] of objectGrants(rights.readTags)) fn.readTags(bucket, prefixes);
    if (rights.translate === true && props.config.translate) {
      fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'MachineTranslation', actions: ['translate:TranslateText'], resources: ['*'] }));
    }
  }
}
