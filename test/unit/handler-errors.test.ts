import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buckets, functions, queues, tables } from '#shared/resources.ts';
import { lambdaContext } from '#local/lambda-context.ts';

// Error paths the emulators cannot produce on demand: throttling that outlasts
// the SDK's retries. Everything else is tested against the emulators.
const dynamo = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);

type Handler<E, R> = (event: E, context: Context) => Promise<R>;
let submit: Handler<APIGatewayProxyEvent, APIGatewayProxyResult>;
let dedupe: Handler<SQSEvent, SQSBatchResponse>;
let classify: Handler<SQSEvent, SQSBatchResponse>;

beforeAll(async () => {
  for (const table of Object.values(tables)) process.env[table.envVar] = `test-${table.id}`;
  for (const queue of Object.values(queues)) process.env[queue.envVar] = `https://sqs.local/000/${queue.id}`;
  for (const bucket of Object.values(buckets)) process.env[bucket.envVar] = `test-${bucket.id}`;
  process.env.AWS_REGION = 'us-east-1';
  // Shared by the attachments and submit functions (shared/attachment-keys.ts); CDK must set it on AWS, local/bootstrap.ts sets it locally.
  process.env.ATTACHMENT_KEY_SECRET = 'test-attachment-key-secret';
  // The receipt HMAC key (shared/receipts.ts), required by the submit, follow-up and investigator functions.
  process.env.RECEIPT_KEY_SECRET = 'test-receipt-key-secret';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  submit = (await import('#functions/submit-tip/handler.ts')).handler as never;
  dedupe = (await import('#functions/dedupe/handler.ts')).handler as never;
  classify = (await import('#functions/classify/handler.ts')).handler as never;
});

beforeEach(() => {
  dynamo.reset();
  sqs.reset();
});

function sqsRecord(messageId: string, body: string): SQSEvent['Records'][number] {
  return {
    messageId,
    receiptHandle: 'r',
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1', SenderId: 's', ApproximateFirstReceiveTimestamp: '1' },
    messageAttributes: {},
    md5OfBody: 'x',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:intake',
    awsRegion: 'us-east-1',
  };
}

const throttled = () => new ProvisionedThroughputExceededException({ message: 'Rate exceeded for table test-Tips', $metadata: {} });

function tipRequest(): APIGatewayProxyEvent {
  return {
    body: JSON.stringify({ objectId: 'obj-1', text: 'From Portugal' }),
    headers: { 'content-type': 'application/json' },
    httpMethod: 'POST',
    isBase64Encoded: false,
    path: '/tips',
    resource: '/tips',
    pathParameters: null,
    queryStringParameters: null,
    multiValueHeaders: {},
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {} as APIGatewayProxyEvent['requestContext'],
  };
}

describe('POST /tips when DynamoDB throttles', () => {
  it('answers a generic 500 without internals and queues nothing', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: { objectId: 'obj-1', title: 't', description: '', imageUrl: '', status: 'published', createdAt: 'x' } });
    dynamo.on(PutCommand).rejects(throttled());

    // Act
    const response = await submit(tipRequest(), lambdaContext(functions.submitTip));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({ error: 'Internal server error' });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });
});

describe('POST /tips when DynamoDB is slower than the Lambda deadline', () => {
  it('answers 503 with Retry-After a second before the deadline, not a gateway timeout', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: { objectId: 'obj-1', title: 't', description: '', imageUrl: '', status: 'published', createdAt: 'x' } });
    dynamo.on(PutCommand).callsFake(() => new Promise((resolve) => setTimeout(() => resolve({}), 5_000)));
    const deadline = Date.now() + 1_300;
    const context = { ...lambdaContext(functions.submitTip), getRemainingTimeInMillis: () => deadline - Date.now() };
    const started = Date.now();

    // Act
    const response = await submit(tipRequest(), context);

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('classify consumer when DynamoDB throttles one tip', () => {
  it('reports only that message as a batch item failure', async () => {
    // Prepare
    const message = (tipId: string) =>
      sqsRecord(`m-${tipId}`, JSON.stringify({ tipId, objectId: 'obj-1', text: `Seen in Lisbon ${tipId}`, submittedAt: '2026-11-23T10:00:00Z', dedupeReason: 'new' }));
    const ok = '01KAAAAAAAAAAAAAAAAAAAAAAA';
    const bad = '01KBBBBBBBBBBBBBBBBBBBBBBB';
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(UpdateCommand, { Key: { tipId: bad } }).rejects(throttled());
    // The classified tip's search terms (shared/store/search.ts).
    dynamo.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });

    // Act
    const response = await classify({ Records: [message(ok), message(bad)] }, lambdaContext(functions.classify));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: `m-${bad}` }]);
  });
});

describe('dedupe consumer', () => {
  it('reports a distinct tip whose forward to the classify queue failed, and only that one', async () => {
    // Prepare
    const message = (tipId: string, text: string) =>
      sqsRecord(`m-${tipId}`, JSON.stringify({ tipId, objectId: 'obj-1', text, submittedAt: '2026-11-23T10:00:00Z' }));
    const ok = '01KAAAAAAAAAAAAAAAAAAAAAAA';
    const bad = '01KBBBBBBBBBBBBBBBBBBBBBBB';
    dynamo.on(PutCommand).resolves({});
    dynamo.on(BatchGetCommand).resolves({ Responses: {}, UnprocessedKeys: {} });
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'x', MD5OfMessageBody: 'x' }], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] });

    // Act
    const response = await dedupe(
      { Records: [message(ok, 'A towel from a market in Porto.'), message(bad, 'The bag is from a shop in Gdansk, phone 58 123 45 67.')] },
      lambdaContext(functions.dedupe),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: `m-${bad}` }]);
  });

  it('reports a malformed message without failing the others', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const event: SQSEvent = { Records: [sqsRecord('poison', '{"not":"a tip"}')] };

    // Act
    const response = await dedupe(event, lambdaContext(functions.dedupe));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
  });
});
