import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { TipObject, type ObjectStatus, type ObjectText } from '../schemas/object.ts';
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

/** The stored object, never a cached copy: for a coordinator's change, which must start from what is there. */
export async function getStoredObject(objectId: string): Promise<TipObject | null> {
  cache.delete(objectId);
  return getObject(objectId);
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

/** A coordinator's change to an object (functions/investigator/routes/objects.ts checks who and what). */
export interface ObjectUpdate {
  /** A lifecycle step, applied only if the object is still in `from` (shared/objects/lifecycle.ts). */
  readonly status?: { readonly from: ObjectStatus; readonly to: ObjectStatus };
  /** The English texts, which every language falls back to. */
  readonly title?: string;
  readonly description?: string;
  /** One other language's texts, replacing that language's pair. */
  readonly translation?: { readonly lang: string; readonly text: ObjectText };
}

/**
 * Applies a coordinator's change in one conditional write: `missing` when there is no such object,
 * `moved` when its status is no longer the one the step starts from (another coordinator moved it).
 */
export async function updateObject(objectId: string, update: ObjectUpdate): Promise<TipObject | 'missing' | 'moved'> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const set = (path: string[], value: unknown): void => {
    const index = sets.length;
    const refs = path.map((part, depth) => {
      names[`#f${index}_${depth}`] = part;
      return `#f${index}_${depth}`;
    });
    values[`:v${index}`] = value;
    sets.push(`${refs.join('.')} = :v${index}`);
  };
  if (update.status !== undefined) set(['status'], update.status.to);
  if (update.title !== undefined) set(['title'], update.title);
  if (update.description !== undefined) set(['description'], update.description);
  if (update.translation !== undefined) {
    // A nested SET needs the map to exist: create it empty once (a no-op when it exists or the object does not).
    await createTranslationsMap(objectId);
    set(['translations', update.translation.lang], update.translation.text);
  }
  cache.delete(objectId);
  if (sets.length === 0) {
    // Nothing to change: answer with the stored object, not a cached copy.
    return (await getObject(objectId)) ?? 'missing';
  }
  let condition = 'attribute_exists(objectId)';
  if (update.status !== undefined) {
    names['#from'] = 'status';
    values[':from'] = update.status.from;
    condition += ' AND #from = :from';
  }
  try {
    const { Attributes } = await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { objectId },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    cache.delete(objectId);
    return TipObject.parse(Attributes);
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    cache.delete(objectId);
    return (await getObject(objectId)) === null ? 'missing' : 'moved';
  }
}

async function createTranslationsMap(objectId: string): Promise<void> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { objectId },
        UpdateExpression: 'SET translations = :empty',
        ConditionExpression: 'attribute_exists(objectId) AND attribute_not_exists(translations)',
        ExpressionAttributeValues: { ':empty': {} },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
