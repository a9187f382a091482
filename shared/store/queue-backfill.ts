import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { withQueueKeys } from './queue-keys.ts';

const TABLE = tableName('tips');

/**
 * Gives every tip routed before the `<queue>#<status>` index keys existed
 * those keys (shared/store/README.md, "Upgrading a deployed stack"): one Scan
 * of the Tips table, page by page, and one conditional update per item that
 * lacks them. The condition re-checks queue and status, so a tip triaged or
 * re-routed meanwhile keeps the keys its own write gave it; running it twice
 * changes nothing the second time. Returns how many items it updated.
 */
export async function backfillQueueKeys(): Promise<{ scanned: number; updated: number }> {
  let startKey: Record<string, unknown> | undefined;
  let scanned = 0;
  let updated = 0;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: TABLE,
        FilterExpression: 'attribute_exists(queueTime) AND attribute_not_exists(queueStatus)',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      scanned += 1;
      const keyed = withQueueKeys(item);
      if (keyed === item) continue;
      try {
        await documents.send(
          new UpdateCommand({
            TableName: TABLE,
            Key: { tipId: item.tipId },
            UpdateExpression: 'SET queueStatus = :qs, queueObjectStatus = :qos',
            ConditionExpression:
              'attribute_not_exists(queueStatus) AND #queue = :queue AND ' + (item.status === undefined ? 'attribute_not_exists(#status)' : '#status = :status'),
            ExpressionAttributeNames: { '#queue': 'queue', '#status': 'status' },
            ExpressionAttributeValues: {
              ':qs': keyed.queueStatus,
              ':qos': keyed.queueObjectStatus,
              ':queue': item.queue,
              ...(item.status === undefined ? {} : { ':status': item.status }),
            },
          }),
        );
        updated += 1;
      } catch (error) {
        // Changed meanwhile: its own write set the keys.
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return { scanned, updated };
}
