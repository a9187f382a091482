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
// Each client is marked pure, and its options are side-effect-free literals
// (no spread, no environment read inside the call), so esbuild drops the
// clients a function never uses and, with them, the whole client package:
// S3 ships with the investigator function alone, SQS with the two senders.
const requestHandler = /* @__PURE__ */ new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 3_000 });
const s3PathStyle = process.env.TIPLINE_S3_PATH_STYLE === 'true';

export const dynamo = /* @__PURE__ */ new DynamoDBClient({ maxAttempts: 4, retryMode: 'standard', requestHandler });

export const documents = /* @__PURE__ */ DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const sqs = /* @__PURE__ */ new SQSClient({
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler,
  // Queue URLs from the local emulator name a host that does not resolve
  // offline; the regional endpoint (or AWS_ENDPOINT_URL_SQS) is always right.
  useQueueUrlAsEndpoint: false,
});

export const s3 = /* @__PURE__ */ new S3Client({
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler,
  forcePathStyle: s3PathStyle,
});
