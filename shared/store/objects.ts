import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { TipObject } from '../schemas/object.ts';
import { documents } from './clients/dynamo.ts';
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

/** Applies a coordinator's change to an object; false when it does not exist. */
export async function updateObject(
  objectId: string,
  changes: Partial<Pick<TipObject, 'status' | 'title' | 'description' | 'imageUrl'>>,
): Promise<TipObject | null> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  if (entries.length === 0) {
    // Nothing to change: answer with the stored object, not a cached copy.
    cache.delete(objectId);
    return getObject(objectId);
  }
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = entries.map(([key, value], index) => {
    names[`#f${index}`] = key;
    values[`:v${index}`] = value;
    return `#f${index} = :v${index}`;
  });
  try {
    const { Attributes } = await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { objectId },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(objectId)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    cache.delete(objectId);
    return TipObject.parse(Attributes);
  } catch (error) {
    if (isConditionalCheckFailed(error)) return null;
    throw error;
  }
}
