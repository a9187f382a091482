import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createLogger } from '#shared/logger.ts';
import { retireExpiredTip } from '#shared/tips/expire.ts';

const logger = createLogger('retention');

/**
 * Tips table stream, filtered by the event source to deletions made by TTL:
 * an expired (dismissed) tip takes its attachment with it and hands its
 * cluster to its oldest duplicate (shared/tips/expire.ts). Every step is safe
 * to repeat, so a failed record is reported and the stream retries it.
 */
async function retentionHandler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'REMOVE' || record.dynamodb?.OldImage === undefined) continue;
    const expired = unmarshall(record.dynamodb.OldImage as Record<string, AttributeValue>);
    try {
      const outcome = await retireExpiredTip(expired);
      logger.info('expired tip cleaned up', { ...outcome });
    } catch (error) {
      logger.error('cleanup failed, will be retried', { tipId: expired.tipId, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().use(injectLambdaContext(logger)).handler(retentionHandler);
