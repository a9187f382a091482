import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createLogger } from '#shared/logger.ts';
import { deleteAttachment } from '#shared/store/media.ts';
import { leftoversOf } from '#shared/tips/retention.ts';

const logger = createLogger('retention');

/**
 * Tips table stream, filtered by the event source to deletions made by TTL:
 * an expired (dismissed) tip takes its attachment with it. Deleting a missing
 * object succeeds, so a retried record changes nothing.
 */
async function retentionHandler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'REMOVE' || record.dynamodb?.OldImage === undefined) continue;
    const expired = unmarshall(record.dynamodb.OldImage as Record<string, AttributeValue>);
    try {
      for (const key of leftoversOf(expired)) await deleteAttachment(key);
      logger.info('expired tip cleaned up', { tipId: expired.tipId });
    } catch (error) {
      logger.error('cleanup failed, will be retried', { tipId: expired.tipId, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().use(injectLambdaContext(logger)).handler(retentionHandler);
