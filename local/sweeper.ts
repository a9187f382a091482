import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import { tableName } from '#shared/config.ts';
import { tables, type TableKey } from '#shared/resources.ts';
import { documents } from '#shared/store/clients/dynamo.ts';
import { isConditionalCheckFailed } from '#shared/store/conditions.ts';
import { leftoversOf } from '#shared/tips/retention.ts';

/**
 * DynamoDB's TTL, locally (dynalite has none): deletes items whose TTL
 * attribute is in the past, and a deleted tip's attachment with it. Like TTL it is lazy, and the delete is conditional
 * so an item whose expiry was cleared meanwhile (a reopened tip) survives.
 */
export async function sweepExpired(nowSeconds: number = Math.floor(Date.now() / 1000)): Promise<number> {
  let deleted = 0;
  for (const key of Object.keys(tables) as TableKey[]) {
    const def = tables[key];
    if (!('timeToLiveAttribute' in def)) continue;
    const ttl = def.timeToLiveAttribute;
    const table = tableName(key);
    const keyName = def.partitionKey.name;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: '#ttl < :now',
          ExpressionAttributeNames: { '#ttl': ttl, '#key': keyName, ...(key === 'tips' ? { '#attachment': 'attachmentKey' } : {}) },
          ExpressionAttributeValues: { ':now': nowSeconds },
          ProjectionExpression: key === 'tips' ? '#key, #attachment' : '#key',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        try {
          await documents.send(
            new DeleteCommand({
              TableName: table,
              Key: { [keyName]: item[keyName] },
              ConditionExpression: '#ttl < :now',
              ExpressionAttributeNames: { '#ttl': ttl },
              ExpressionAttributeValues: { ':now': nowSeconds },
            }),
          );
          deleted += 1;
          // What the TTL stream consumer does on AWS (functions/retention).
          if (key === 'tips') {
            const { deleteAttachment } = await import('#shared/store/media.ts');
            for (const leftover of leftoversOf(item)) await deleteAttachment(leftover);
          }
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
  }
  return deleted;
}

export function startSweeper(logger: Logger, intervalMs = 60_000): () => void {
  const timer = setInterval(() => {
    sweepExpired()
      .then((deleted) => {
        if (deleted > 0) logger.info('expired items removed', { deleted });
      })
      .catch((error: unknown) => logger.warn('sweep failed', { error: error as Error }));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
