import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { queueKeysOf } from './queue-keys.ts';

const TABLE = tableName('tips');

/**
 * Sets the `<queue>#<status>` index keys of every routed tip to what its queue,
 * object and status say (shared/store/README.md, "Upgrading data written
 * before these indexes"): items routed before the keys existed get them, and
 * keys left stale by an older function triaging a tip during the upgrade are
 * put right. One Scan of the Tips table, page by page, and one conditional
 * update per item whose keys differ; the condition re-checks queue and status,
 * so a tip triaged or re-routed meanwhile keeps the keys its own write gave
 * it. Running it twice changes nothing the second time. Returns how many
 * items it scanned and updated.
 */
export async function backfillQueueKeys(): Promise<{ scanned: number; updated: number }> {
  let startKey: Record<string, unknown> | undefined;
  let scanned = 0;
  let updated = 0;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: TABLE,
        FilterExpression: 'attribute_exists(queueTime)',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      scanned += 1;
      const keyed = queueKeysOf(item);
      if (keyed === undefined || (item.queueStatus === keyed.queueStatus && item.queueObjectStatus === keyed.queueObjectStatus)) continue;
      try {
        await documents.send(
          new UpdateCommand({
            TableName: TABLE,
            Key: { tipId: item.tipId },
            UpdateExpression: 'SET queueStatus = :qs, queueObjectStatus = :qos',
            ConditionExpression: '#queue = :queue AND ' + (item.status === undefined ? 'attribute_not_exists(#status)' : '#status = :status'),
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
