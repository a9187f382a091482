import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buckets, functions, queues, tables } from '#shared/resources.ts';
import { successionOf, type ClusterMember } from '#shared/tips/retention.ts';
import { lambdaContext } from '#local/lambda-context.ts';

// The TTL stream is AWS-only; the flow itself runs against the emulators in test/integration/retention.test.ts.
const s3 = mockClient(S3Client);
const dynamo = mockClient(DynamoDBDocumentClient);
let retention: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

beforeAll(async () => {
  for (const table of Object.values(tables)) process.env[table.envVar] = `test-${table.id}`;
  for (const queue of Object.values(queues)) process.env[queue.envVar] = `https://sqs.local/000/${queue.id}`;
  for (const bucket of Object.values(buckets)) process.env[bucket.envVar] = `test-${bucket.id}`;
  process.env.AWS_REGION = 'us-east-1';
  retention = (await import('#functions/retention/handler.ts')).handler as never;
});

beforeEach(() => {
  s3.reset();
  dynamo.reset();
  // An expired tip with nothing in the index and no duplicates.
  dynamo.on(BatchGetCommand).resolves({ Responses: {} });
  dynamo.on(QueryCommand).resolves({ Items: [] });
  dynamo.on(DeleteCommand).resolves({});
});

function removal(sequence: string, image: Record<string, unknown>): DynamoDBRecord {
  const oldImage = Object.fromEntries(Object.entries(image).map(([key, value]) => [key, { S: String(value) }]));
  return {
    eventName: 'REMOVE',
    dynamodb: { SequenceNumber: sequence, OldImage: oldImage as never },
    userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  };
}

const expiredTip = (tipId: string, extra: Record<string, unknown> = {}) => ({ tipId, objectId: 'obj-towel', text: 'A towel from Faro, Portugal.', ...extra });

describe('retention consumer (Tips table TTL deletions)', () => {
  it('deletes the attachment of an expired tip, and nothing for a tip without one', async () => {
    // Prepare
    s3.on(DeleteObjectCommand).resolves({});
    const event = { Records: [removal('1', expiredTip('A', { attachmentKey: 'attachments/2026-11-23/x' })), removal('2', expiredTip('B'))] };

    // Act
    const response = await retention(event, lambdaContext(functions.retention));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input.Key)).toEqual(['attachments/2026-11-23/x']);
  });

  it('removes the cluster counter of an expired tip that had no duplicates', async () => {
    // Act
    const response = await retention({ Records: [removal('7', expiredTip('D'))] }, lambdaContext(functions.retention));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(dynamo.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key)).toEqual([{ pk: 'obj-towel#C#D' }]);
  });

  it('reports the record whose cleanup failed so the stream retries it', async () => {
    // Prepare
    s3.on(DeleteObjectCommand).rejects(new Error('SlowDown'));

    // Act
    const response = await retention({ Records: [removal('42', expiredTip('C', { attachmentKey: 'attachments/2026-11-23/y' }))] }, lambdaContext(functions.retention));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '42' }]);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(1);
  });

  it('reports an old image that is not a tip instead of skipping it silently', async () => {
    // Act
    const response = await retention({ Records: [removal('9', { tipId: 'E' })] }, lambdaContext(functions.retention));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '9' }]);
  });
});

describe('successionOf', () => {
  const member = (tipId: string, submittedAt: string, duplicateOf: string | null = 'R'): ClusterMember => ({ tipId, submittedAt, duplicateOf });

  it('picks the oldest duplicate by submission time, then tip id, and leaves the others to re-point', () => {
    // Prepare
    const members = [member('B', '2026-01-02T00:00:00Z'), member('C', '2026-01-01T00:00:00Z'), member('A', '2026-01-02T00:00:00Z')];

    // Act
    const { successor, others } = successionOf('R', members);

    // Assess
    expect(successor?.tipId).toBe('C');
    expect(others.map((m) => m.tipId)).toEqual(['A', 'B']);
  });

  it('ignores members that no longer point at the expired tip, and the expired tip itself', () => {
    // Act
    const result = successionOf('R', [member('X', '2026-01-01T00:00:00Z', 'P'), member('Y', '2026-01-01T00:00:00Z', null), member('R', '2025-01-01T00:00:00Z')]);

    // Assess
    expect(result).toEqual({ successor: null, others: [] });
  });

  it('chooses the same successor whatever order the index returns, and keeps every member once (property)', () => {
    const members = fc.uniqueArray(
      fc.record({
        tipId: fc.stringMatching(/^[A-Z0-9]{1,4}$/),
        submittedAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-01-02T00:00:00Z'),
        duplicateOf: fc.constantFrom<string | null>('R', 'R', 'P', null),
      }),
      { selector: (m) => m.tipId, maxLength: 12 },
    );
    fc.assert(
      fc.property(members, fc.infiniteStream(fc.nat()), (list, seeds) => {
        // Prepare
        const shuffled = [...list].sort(() => (seeds.next().value % 3) - 1);
        // Act
        const a = successionOf('R', list);
        const b = successionOf('R', [...shuffled, ...shuffled]);
        // Assess
        const pointing = list.filter((m) => m.duplicateOf === 'R' && m.tipId !== 'R');
        expect(b).toEqual(a);
        expect([a.successor, ...a.others].filter((m) => m !== null).map((m) => m.tipId).sort()).toEqual(pointing.map((m) => m.tipId).sort());
        for (const other of a.others) expect(`${a.successor!.submittedAt}#${a.successor!.tipId}` <= `${other.submittedAt}#${other.tipId}`).toBe(true);
      }),
    );
  });
});
