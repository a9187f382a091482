import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { TipObject } from '../schemas/object.ts';
import { documents } from './clients.ts';
import { isConditionalCheckFailed } from './conditions.ts';

const TABLE = tableName('objects');

/**
 * Objects change rarely and every tip checks one, so a short in-memory
 * cache saves a read per tip; a publish or retire shows within CACHE_MS.
 */
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; object: TipObject | null }>();

export async function getObject(objectId: string, now: number = Date.now()): Promise<TipObject | null> {
  const hit = cache.get(objectId);
  if (hit !== undefined && now - hit.at < CACHE_MS) return hit.object;
  const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { objectId } }));
  const object = Item === undefined ? null : TipObject.parse(Item);
  cache.set(objectId, { at: now, object });
  return object;
}

export async function listObjects(): Promise<TipObject[]> {
  const items: TipObject[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.push(TipObject.parse(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items.sort((a, b) => a.objectId.localeCompare(b.objectId));
}

/** Creates the object unless it exists; returns whether it was created. */
export async function createObject(object: TipObject): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: TipObject.parse(object),
        ConditionExpression: 'attribute_not_exists(objectId)',
      }),
    );
    cache.delete(object.objectId);
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
