import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  ScanCommand,
  type AttributeValue,
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  type AttributeDefinition,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { IndexDef, KeyDef, QueueKey, TableDef } from '#shared/resources.ts';
import { buckets, queues, tables } from '#shared/resources.ts';
import { withQueueKeys } from '#shared/store/queue-keys.ts';
import { writeDurably } from './durable-file.ts';
import { localBucketName, localDlqName, localQueueName, localTableName } from './names.ts';

export const LOCAL_REGION = 'us-east-1';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/**
 * What Secrets Manager holds on AWS: random, made once per process and never
 * written down (keys minted before a restart are refused, and the tipster uploads again).
 */
const attachmentKeySecret = randomBytes(32).toString('base64url');
/**
 * The receipt HMAC key (shared/receipts.ts). Unlike the upload key it is kept
 * in the data directory (mode 0600, beside the JWT key): a tipster's receipt
 * must still open the conversation after the stack restarts, and the key
 * protects nothing the directory does not already hold (the tips), since it
 * only lets one check a guessed receipt of 80 random bits, never derive one.
 * Without a data directory (in-memory emulators), random per process.
 */
function receiptKeySecret(dataDir: string | undefined): string {
  if (dataDir === undefined) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'receipt-key');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    // 32 random bytes in base64url; anything else is a damaged file, and a guessable key would be worse than none.
    if (!/^[A-Za-z0-9_-]{43}$/.test(kept)) throw new Error(`${file} does not hold a receipt key (32 bytes, base64url): restore it from a backup, or delete it to make a new one (receipts handed out before then stop working)`);
    return kept;
  }
  const key = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeDurably(file, key);
  return key;
}

export interface LocalResources {
  readonly env: Record<string, string>;
  readonly queueUrls: Record<QueueKey, { url: string; dlqUrl: string }>;
}

export interface BootstrapOptions {
  readonly dynamoEndpoint: string;
  readonly awsEndpoint: string;
  /** Tests shorten redelivery; the default is the same value CDK deploys. */
  readonly visibilityTimeoutSeconds?: number;
  /** The persisted data directory, where a table rebuild keeps its backup until done; none for in-memory emulators. */
  readonly dataDir?: string;
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
      await ensureTable(dynamo, key, localTableName(key), tables[key], options.dataDir);
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
    RECEIPT_KEY_SECRET: receiptKeySecret(options.dataDir),
    // No GuardDuty locally: attachments are shown as "not scanned (local stack)".
    MALWARE_SCAN: 'none',
  };
  for (const key of Object.keys(tables) as (keyof typeof tables)[]) env[tables[key].envVar] = localTableName(key);
  for (const key of Object.keys(queues) as QueueKey[]) env[queues[key].envVar] = queueUrls[key].url;
  for (const key of Object.keys(buckets) as (keyof typeof buckets)[]) env[buckets[key].envVar] = localBucketName(key);
  return env;
}

function createTableInput(name: string, def: TableDef): ConstructorParameters<typeof CreateTableCommand>[0] {
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
  return {
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
      };
}

/**
 * Upgrades of the items a rebuilt table holds (see rebuildTable): each adds
 * the attributes an index of the current definition is keyed on.
 */
const ITEM_UPGRADES: Partial<Record<keyof typeof tables, (item: Record<string, unknown>) => Record<string, unknown>>> = {
  tips: withQueueKeys,
};

async function ensureTable(client: DynamoDBClient, key: keyof typeof tables, name: string, def: TableDef, dataDir: string | undefined): Promise<void> {
  const backup = dataDir === undefined ? undefined : join(dataDir, `rebuild-${name}.jsonl`);
  // A rebuild that did not finish: its backup holds every item, written before the delete. The table may be
  // anything from whole to half deleted (dynalite leaves it DELETING when the process stops mid-delete), so it
  // is dropped and made again from the definition, and the backup's items are put back.
  if (backup !== undefined && existsSync(backup)) {
    process.stderr.write(`tipline: finishing the interrupted rebuild of local table ${name} from ${backup}\n`);
    await recreateTable(client, name, def);
    await restoreItems(client, key, name, backup);
    return;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(name, def)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const have = (Table?.GlobalSecondaryIndexes ?? []).flatMap((index) => (index.IndexName === undefined ? [] : [index.IndexName])).sort();
    const want = def.globalSecondaryIndexes.map((index: IndexDef) => index.indexName).sort();
    if (have.join() !== want.join()) {
      await waitActive(client, name);
      await rebuildTable(client, key, name, def, backup, `indexes ${have.join(', ') || 'none'} -> ${want.join(', ')}`);
    }
  }
  await waitActive(client, name);
}

/**
 * A data directory from an earlier version (`npm start` persists .local/) can
 * hold a table whose indexes the definition has since changed. DynamoDB adds
 * or drops one index per UpdateTable; dynalite does neither. The local table
 * is small, so it is rebuilt: every item read and written, fsynced, to a
 * backup file in the data directory (raw attribute values, so sets stay sets)
 * before the table is deleted, the table recreated from the definition, the
 * items put back through the table's upgrade, the backup removed last. A
 * crash anywhere after the backup leaves it, and the next start finishes the
 * rebuild from it (ensureTable; puts of whole items, so repeating one changes
 * nothing): nothing accepted is lost. Without a data directory (in-memory
 * emulators) the items stay in memory. Only index names are compared: a
 * changed projection under the same name needs a new index name.
 */
async function rebuildTable(client: DynamoDBClient, key: keyof typeof tables, name: string, def: TableDef, backup: string | undefined, why: string): Promise<void> {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: name, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  process.stderr.write(`tipline: rebuilding local table ${name} (${items.length} items): ${why}\n`);
  if (backup === undefined) {
    await recreateTable(client, name, def);
    await putItems(client, name, items, key);
    return;
  }
  const lines = items.map((item) =>
    JSON.stringify(item, (_key, value: unknown) => {
      if (value instanceof Uint8Array) throw new Error(`Rebuilding ${name}: binary attributes are not supported`);
      return value;
    }),
  );
  writeDurably(backup, lines.map((line) => `${line}\n`).join(''));
  await recreateTable(client, name, def);
  await restoreItems(client, key, name, backup);
}

/** Drops the table in whatever state it is (also DELETING, or missing) and creates it from the definition. */
async function recreateTable(client: DynamoDBClient, name: string, def: TableDef): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: name }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && !(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.send(new DescribeTableCommand({ TableName: name }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) break;
      throw error;
    }
    if (attempt >= 200) throw new Error(`Table ${name} was not deleted`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await client.send(new CreateTableCommand(createTableInput(name, def)));
  await waitActive(client, name);
}

async function restoreItems(client: DynamoDBClient, key: keyof typeof tables, name: string, backup: string): Promise<void> {
  const items = readFileSync(backup, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, AttributeValue>);
  await putItems(client, name, items, key);
  rmSync(backup);
}

async function putItems(client: DynamoDBClient, name: string, items: readonly Record<string, AttributeValue>[], key: keyof typeof tables | undefined): Promise<void> {
  const upgrade = key === undefined ? undefined : ITEM_UPGRADES[key];
  const upgraded = items.map((item) => (upgrade === undefined ? item : marshall(upgrade(unmarshall(item)), { removeUndefinedValues: true })));
  for (let offset = 0; offset < upgraded.length; offset += 25) {
    let requests: BatchWriteItemCommandInput['RequestItems'] = { [name]: upgraded.slice(offset, offset + 25).map((item) => ({ PutRequest: { Item: item } })) };
    for (let attempt = 0; requests !== undefined && Object.keys(requests).length > 0; attempt += 1) {
      if (attempt > 8) throw new Error(`Rebuilding ${name}: items left unprocessed after 9 attempts`);
      const response: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: requests }));
      requests = response.UnprocessedItems;
    }
  }
}

async function waitActive(client: DynamoDBClient, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Table ${name} did not become ACTIVE`);
}
