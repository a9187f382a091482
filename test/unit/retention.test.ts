import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buckets, functions, queues, tables } from '#shared/resources.ts';
import { lambdaContext } from '#local/lambda-context.ts';

const s3 = mockClient(S3Client);
let retention: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

beforeAll(async () => {
  for (const table of Object.values(tables)) process.env[table.envVar] = `test-${table.id}`;
  for (const queue of Object.values(queues)) process.env[queue.envVar] = `https://sqs.local/000/${queue.id}`;
  for (const bucket of Object.values(buckets)) process.env[bucket.envVar] = `test-${bucket.id}`;
  process.env.AWS_REGION = 'us-east-1';
  retention = (await import('#functions/retention/handler.ts')).handler as never;
});

beforeEach(() => s3.reset());

function removal(sequence: string, image: Record<string, unknown>): DynamoDBRecord {
  const oldImage = Object.fromEntries(Object.entries(image).map(([key, value]) => [key, { S: String(value) }]));
  return {
    eventName: 'REMOVE',
    dynamodb: { SequenceNumber: sequence, OldImage: oldImage as never },
    userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  };
}

describe('retention consumer (Tips table TTL deletions)', () => {
  it('deletes the attachment of an expired tip, and nothing for a tip without one', async () => {
    // Prepare
    s3.on(DeleteObjectCommand).resolves({});
    const event = { Records: [removal('1', { tipId: 'A', attachmentKey: 'attachments/2026-11-23/x' }), removal('2', { tipId: 'B' })] };

    // Act
    const response = await retention(event, lambdaContext(functions.retention));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input.Key)).toEqual(['attachments/2026-11-23/x']);
  });

  it('reports the record whose cleanup failed so the stream retries it', async () => {
    // Prepare
    s3.on(DeleteObjectCommand).rejects(new Error('SlowDown'));

    // Act
    const response = await retention({ Records: [removal('42', { tipId: 'C', attachmentKey: 'attachments/2026-11-23/y' })] }, lambdaContext(functions.retention));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '42' }]);
  });
});
