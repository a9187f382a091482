import { SQSClient } from '@aws-sdk/client-sqs';
import { requestHandler } from './http.ts';

/** The SQS client, built once per execution environment. See ./http.ts for the shared settings. */
export const sqs = /* @__PURE__ */ new SQSClient({
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler,
  // Queue URLs from the local emulator name a host that does not resolve
  // offline; the regional endpoint (or AWS_ENDPOINT_URL_SQS) is always right.
  useQueueUrlAsEndpoint: false,
});
