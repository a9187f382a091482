import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand, QueryCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulators } from '#local/emulators.ts';
import { localTableName } from '#local/names.ts';
import { startLocalStack, type LocalStack } from '#local/stack.ts';
import { startTestStack } from '../support/stack.ts';

/** A routed tip as the version before the `<queue>#<status>` keys wrote it: `queue` and the sort keys only. */
const oldRoutedTip = (tipId: string, status: string | undefined, extra: Record<string, unknown> = {}) => ({
  tipId,
  objectId: 'obj-101',
  text: `tip ${tipId}`,
  submittedAt: '2026-11-30T10:00:00Z',
  queue: 'NL',
  queueTime: `2026-11-30T10:00:00Z#${tipId}`,
  queueConfidence: `08000#${tipId}`,
  confidence: 0.8,
  pipeline: 'classified',
  version: 1,
  ...(status === undefined ? {} : { status }),
  ...extra,
});
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const TIP_A = '01JDQ8ZB3W4X5Y6Z7A8B9C0D1E';
const TIP_B = '01JDQ8ZB3W4X5Y6Z7A8B9C0D1F';
const DUPLICATE = '01JDQ8ZB3W4X5Y6Z7A8B9C0D1G';
const TIP_C = '01JDQ8ZB3W4X5Y6Z7A8B9C0D1H';

describe('queue index keys for tips written before them', () => {
  const dirs: string[] = [];
  const stacks: LocalStack[] = [];
  afterAll(async () => {
    for (const stack of stacks) await stack.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds a persisted local table made with the old queue indexes, and its tips are in their queues', async () => {
    // Prepare: a data directory as the previous version left it (the old byQueueTime / byQueueConfidence indexes).
    const dataDir = mkdtempSync(join(tmpdir(), 'tipline-upgrade-'));
    dirs.push(dataDir);
    const old = await startEmulators({ dataDir });
    const client = new DynamoDBClient({ endpoint: old.dynamoEndpoint, region: 'us-east-1', credentials });
    const name = localTableName('tips');
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'tipId', AttributeType: 'S' },
          { AttributeName: 'queue', AttributeType: 'S' },
          { AttributeName: 'queueTime', AttributeType: 'S' },
          { AttributeName: 'queueConfidence', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'tipId', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          { IndexName: 'byQueueTime', KeySchema: [{ AttributeName: 'queue', KeyType: 'HASH' }, { AttributeName: 'queueTime', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
          { IndexName: 'byQueueConfidence', KeySchema: [{ AttributeName: 'queue', KeyType: 'HASH' }, { AttributeName: 'queueConfidence', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
        ],
      }),
    );
    // dynalite answers CreateTable while the table is CREATING; a put before ACTIVE fails on a loaded machine.
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: name });
    await client.send(new PutItemCommand({ TableName: name, Item: marshall(oldRoutedTip(TIP_A, 'in_review', { conversationTips: new Set([DUPLICATE]) })) }));
    await client.send(new PutItemCommand({ TableName: name, Item: marshall(oldRoutedTip(TIP_B, undefined)) }));
    await client.send(new PutItemCommand({ TableName: name, Item: marshall({ tipId: DUPLICATE, objectId: 'obj-101', text: 'copy', submittedAt: '2026-11-30T10:01:00Z', duplicateOf: TIP_A }) }));
    client.destroy();
    await old.stop();

    // Act: this version starts on that directory.
    const stack = await startLocalStack({ dataDir, persist: true, port: 0, visibilityTimeoutSeconds: 2 });
    stacks.push(stack);
    const { queryQueue, getTip } = await import('#shared/store/tips.ts');
    const inReview = await queryQueue('NL', { limit: 10, sort: 'time', status: 'in_review' });
    const fresh = await queryQueue('NL', { limit: 10, sort: 'confidence', status: 'new' });
    const all = await queryQueue('NL', { limit: 10, sort: 'time', objectId: 'obj-101' });

    // Assess: every item is back, routed tips in their status partitions, the duplicate in none, sets still sets.
    expect(inReview.items.map((item) => item.tipId)).toEqual([TIP_A]);
    expect(fresh.items.map((item) => item.tipId)).toEqual([TIP_B]);
    expect(all.items.map((item) => item.tipId).sort()).toEqual([TIP_A, TIP_B]);
    expect((await getTip(DUPLICATE))?.duplicateOf).toBe(TIP_A);
    expect((await getTip(TIP_A))?.conversationTips).toEqual(new Set([DUPLICATE]));
    expect(readdirSync(dataDir).filter((file) => file.startsWith('rebuild-'))).toEqual([]);
  });

  it('finishes a rebuild interrupted mid-delete (the table left DELETING) from its backup on the next start', async () => {
    // Prepare: an old table, its backup written, then a DeleteTable whose removal never completes before the "crash".
    const dataDir = mkdtempSync(join(tmpdir(), 'tipline-upgrade-crash-'));
    dirs.push(dataDir);
    const dynalite = createRequire(import.meta.url)('dynalite') as (options: Record<string, unknown>) => import('node:net').Server;
    const server = dynalite({ createTableMs: 0, deleteTableMs: 600_000, path: join(dataDir, 'dynamodb') });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    const address = server.address() as import('node:net').AddressInfo;
    const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${address.port}`, region: 'us-east-1', credentials });
    const name = localTableName('tips');
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'tipId', AttributeType: 'S' }, { AttributeName: 'queue', AttributeType: 'S' }, { AttributeName: 'queueTime', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'tipId', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [{ IndexName: 'byQueueTime', KeySchema: [{ AttributeName: 'queue', KeyType: 'HASH' }, { AttributeName: 'queueTime', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: name });
    const item = marshall(oldRoutedTip(TIP_C, 'in_review'));
    await client.send(new PutItemCommand({ TableName: name, Item: item }));
    writeFileSync(join(dataDir, `rebuild-${name}.jsonl`), `${JSON.stringify(item)}\n`, { mode: 0o600 });
    await client.send(new DeleteTableCommand({ TableName: name }));
    const stateAtCrash = (await client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus;
    client.destroy();
    await new Promise((done) => server.close(done));

    // Act
    const stack = await startLocalStack({ dataDir, persist: true, port: 0, visibilityTimeoutSeconds: 2 });
    stacks.push(stack);
    // Its own client: the store modules of this process are bound to the first test's stack.
    const reader = new DynamoDBClient({ endpoint: stack.env.AWS_ENDPOINT_URL_DYNAMODB!, region: 'us-east-1', credentials });
    const inReview = await reader.send(
      new QueryCommand({ TableName: name, IndexName: 'byQueueStatusTime', KeyConditionExpression: 'queueStatus = :qs', ExpressionAttributeValues: { ':qs': { S: 'NL#in_review' } } }),
    );
    reader.destroy();

    // Assess
    expect(stateAtCrash).toBe('DELETING');
    expect(inReview.Items?.map((entry) => entry.tipId?.S)).toEqual([TIP_C]);
    expect(readdirSync(dataDir).filter((file) => file.startsWith('rebuild-'))).toEqual([]);
  });

  it('backfills missing keys and puts stale ones right on a live table (the AWS upgrade), once', async () => {
    // Prepare
    const stack = await startTestStack();
    stacks.push(stack);
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { tableName } = await import('#shared/config.ts');
    const { queryQueue } = await import('#shared/store/tips.ts');
    const { backfillQueueKeys } = await import('#shared/store/queue-backfill.ts');
    await documents.send(new PutCommand({ TableName: tableName('tips'), Item: oldRoutedTip(TIP_A, 'actionable') }));
    // Keys left stale by an older function that triaged the tip after they were set: they say `new`.
    await documents.send(
      new PutCommand({ TableName: tableName('tips'), Item: { ...oldRoutedTip(TIP_B, 'actionable'), queueStatus: 'NL#new', queueObjectStatus: 'NL#obj-101#new' } }),
    );
    const before = await queryQueue('NL', { limit: 10, sort: 'time', status: 'actionable' });

    // Act
    const first = await backfillQueueKeys();
    const second = await backfillQueueKeys();
    const after = await queryQueue('NL', { limit: 10, sort: 'time', status: 'actionable' });

    // Assess
    expect(before.items).toEqual([]);
    expect(first.updated).toBe(2);
    expect(second.updated).toBe(0);
    expect(after.items.map((item) => item.tipId).sort()).toEqual([TIP_A, TIP_B]);
  });
});
