import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * SDK clients, built once per execution environment and reused across
 * invocations. Endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables,
 * so the same code talks to AWS or to the local emulators.
 *
 * Timeouts stay well below the shortest Lambda timeout (10 s) so a stuck
 * connection fails into a retry instead of killing the invocation; the
 * standard retry strategy backs off with jitter on throttling and 5xx.
 */
const requestHandler = new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 3_000 });
const common = { maxAttempts: 4, retryMode: 'standard', requestHandler } as const;

export const dynamo = new DynamoDBClient(common);

export const documents = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const sqs = new SQSClient({
  ...common,
  // Queue URLs from the local emulator name a host that does not resolve
  // offline; the regional endpoint (or AWS_ENDPOINT_URL_SQS) is always right.
  useQueueUrlAsEndpoint: false,
});

export const s3 = new S3Client({
  ...common,
  forcePathStyle: process.env.TIPLINE_S3_PATH_STYLE === 'true',
});
