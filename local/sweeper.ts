import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import { tableName } from '#shared/config.ts';
import { tables, type TableKey } from '#shared/resources.ts';
import { documents } from '#shared/store/clients/dynamo.ts';
import { isConditionalCheckFailed } from '#shared/store/conditions.ts';

/**
 * Deleted tips whose retention flow failed, retried at the next sweep (on AWS
 * the stream retries the record). Held in memory only, like the stream's
 * 24 hours: a restart in between leaves the dedupe stage's own check
 * (an index entry naming a missing tip is dropped) as the safety net.
 */
const unfinished = new Map<string, Record<string, unknown>>();

/** What the TTL stream consumer does on AWS (functions/retention), on the deleted item. */
async function retire(item: Record<string, unknown>): Promise<void> {
  const { retireExpiredTip } = await import('#shared/tips/expire.ts');
  unfinished.set(String(item.tipId), item);
  await retireExpiredTip(item);
  unfinished.delete(String(item.tipId));
}

/**
 * DynamoDB's TTL, locally (dynalite has none): deletes items whose TTL
 * attribute is in the past and, for a tip, runs the same retention flow as
 * the TTL stream consumer on the deleted item (shared/tips/expire.ts). Like
 * TTL it is lazy, and the delete is conditional so an item whose expiry was
 * cleared meanwhile (a reopened tip) survives.
 */
export async function sweepExpired(nowSeconds: number = Math.floor(Date.now() / 1000)): Promise<number> {
  let deleted = 0;
  // One tip whose flow keeps failing must not hold back the others: it is retried next time, and reported.
  const failures: unknown[] = [];
  const tryRetire = (item: Record<string, unknown>): Promise<void> => retire(item).catch((error: unknown) => void failures.push(error));
  for (const item of [...unfinished.values()]) await tryRetire(item);
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
          ExpressionAttributeNames: { '#ttl': ttl, '#key': keyName },
          ExpressionAttributeValues: { ':now': nowSeconds },
          ProjectionExpression: '#key',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        try {
          const { Attributes } = await documents.send(
            new DeleteCommand({
              TableName: table,
              Key: { [keyName]: item[keyName] },
              ConditionExpression: '#ttl < :now',
              ExpressionAttributeNames: { '#ttl': ttl },
              ExpressionAttributeValues: { ':now': nowSeconds },
              // The old image, as the TTL stream delivers it on AWS.
              ReturnValues: 'ALL_OLD',
            }),
          );
          deleted += 1;
          if (key === 'tips' && Attributes !== undefined) await tryRetire(Attributes);
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
  }
  if (failures.length > 0) throw new AggregateError(failures, `retention failed for ${failures.length} expired tip(s); retried at the next sweep`);
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
