import { randomBytes } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  type AttributeDefinition,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { IndexDef, KeyDef, QueueKey, TableDef } from '#shared/resources.ts';
import { buckets, queues, tables } from '#shared/resources.ts';
import { localBucketName, localDlqName, localQueueName, localTableName } from './names.ts';

export const LOCAL_REGION = 'us-east-1';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/**
 * What Secrets Manager holds on AWS: random, made once per process and never
 * written down (keys minted before a restart are refused, and the tipster uploads again).
 */
const attachmentKeySecret = randomBytes(32).toString('base64url');
/**
 * The receipt HMAC key (shared/receipts.ts), the same way: a restart makes the
 * receipts handed out before it unusable locally, never readable.
 */
const receiptKeySecret = randomBytes(32).toString('base64url');

export interface LocalResources {
  readonly env: Record<string, string>;
  readonly queueUrls: Record<QueueKey, { url: string; dlqUrl: string }>;
}

export interface BootstrapOptions {
  readonly dynamoEndpoint: string;
  readonly awsEndpoint: string;
  /** Tests shorten redelivery; the default is the same value CDK deploys. */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * Creates every table, queue and bucket declared in shared/resources.ts,
 * with the same keys, indexes and redrive settings CDK deploys. Idempotent:
 * on a restart with persisted state it finds everything already there.
 */
export async function bootstrap(options: BootstrapOptions): Promise<LocalResources> {
  const dynamo = new DynamoDBClient({ endpoint: options.dynamoEndpoint, region: LOCAL_REGION, credentials });
  const sqs = new SQSClient({ endpoint: options.awsEndpoint, region: LOCAL_REGION, credentials, useQueueUrlAsEndpoint: false });
  const s3 = new S3Client({ endpoint: options.awsEndpoint, region: LOCAL_REGION, credentials, forcePathStyle: true });
  try {
    for (const key of Object.keys(tables) as (keyof typeof tables)[]) {
      await ensureTable(dynamo, localTableName(key), tables[key]);
    }
    const queueUrls = {} as Record<QueueKey, { url: string; dlqUrl: string }>;
    for (const key of Object.keys(queues) as QueueKey[]) {
      const def = queues[key];
      const dlq = await sqs.send(
        new CreateQueueCommand({
          QueueName: localDlqName(key),
          Attributes: { MessageRetentionPeriod: String(def.dlqRetentionDays * 86_400) },
        }),
      );
      const dlqUrl = dlq.QueueUrl!;
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
      const main = await sqs.send(
        new CreateQueueCommand({
          QueueName: localQueueName(key),
          Attributes: {
            VisibilityTimeout: String(options.visibilityTimeoutSeconds ?? def.visibilityTimeoutSeconds),
            MessageRetentionPeriod: String(def.retentionDays * 86_400),
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes!.QueueArn, maxReceiveCount: def.maxReceiveCount }),
          },
        }),
      );
      queueUrls[key] = { url: main.QueueUrl!, dlqUrl };
    }
    for (const key of Object.keys(buckets) as (keyof typeof buckets)[]) {
      const Bucket = localBucketName(key);
      try {
        await s3.send(new HeadBucketCommand({ Bucket }));
      } catch {
        await s3.send(new CreateBucketCommand({ Bucket }));
      }
    }
    return { env: handlerEnvironment(options, queueUrls), queueUrls };
  } finally {
    dynamo.destroy();
    sqs.destroy();
    s3.destroy();
  }
}

/** The environment a deployed function would get, pointed at the emulators. */
function handlerEnvironment(
  options: BootstrapOptions,
  queueUrls: Record<QueueKey, { url: string; dlqUrl: string }>,
): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
    AWS_ENDPOINT_URL_SQS: options.awsEndpoint,
    AWS_ENDPOINT_URL_S3: options.awsEndpoint,
    TIPLINE_S3_PATH_STYLE: 'true',
    TIPLINE_STAGE: 'local',
    ATTACHMENT_KEY_SECRET: attachmentKeySecret,
    RECEIPT_KEY_SECRET: receiptKeySecret,
    // No GuardDuty locally: attachments are shown as "not scanned (local stack)".
    MALWARE_SCAN: 'none',
  };
  for (const key of Object.keys(tables) as (keyof typeof tables)[]) env[tables[key].envVar] = localTableName(key);
  for (const key of Object.keys(queues) as QueueKey[]) env[queues[key].envVar] = queueUrls[key].url;
  for (const key of Object.keys(buckets) as (keyof typeof buckets)[]) env[buckets[key].envVar] = localBucketName(key);
  return env;
}

async function ensureTable(client: DynamoDBClient, name: string, def: TableDef): Promise<void> {
  const attributes = new Map<string, AttributeDefinition>();
  const addKey = (key: KeyDef | undefined): void => {
    if (key !== undefined) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  };
  const keySchema = (partition: KeyDef, sort: KeyDef | undefined): KeySchemaElement[] => [
    { AttributeName: partition.name, KeyType: 'HASH' },
    ...(sort === undefined ? [] : [{ AttributeName: sort.name, KeyType: 'RANGE' as const }]),
  ];
  addKey(def.partitionKey);
  addKey(def.sortKey);
  def.globalSecondaryIndexes.forEach((index: IndexDef) => {
    addKey(index.partitionKey);
    addKey(index.sortKey);
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes.values()],
        KeySchema: keySchema(def.partitionKey, def.sortKey),
        ...(def.globalSecondaryIndexes.length === 0
          ? {}
          : {
              GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((index) => ({
                IndexName: index.indexName,
                KeySchema: keySchema(index.partitionKey, index.sortKey),
                Projection:
                  index.projection === undefined
                    ? { ProjectionType: 'ALL' }
                    : index.projection.length === 0
                      ? { ProjectionType: 'KEYS_ONLY' }
                      : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] },
              })),
            }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Table ${name} did not become ACTIVE`);
}
