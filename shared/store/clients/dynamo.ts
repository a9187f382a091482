import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requestHandler } from './http.ts';

/**
 * The DynamoDB client and the document client on top of it (which shares its
 * middleware stack), built once per execution environment and reused across
 * invocations. See ./http.ts for the shared settings.
 */
export const dynamo = /* @__PURE__ */ new DynamoDBClient({ maxAttempts: 4, retryMode: 'standard', requestHandler });

export const documents = /* @__PURE__ */ DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
