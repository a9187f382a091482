// Walking-skeleton dedupe: exact match per object after light normalisation.
// Replaced by the shared/dedupe engine.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#shared/config.ts';
import { sha256Hex } from '#shared/ids.ts';
import { documents } from '#shared/store/clients.ts';
import { isConditionalCheckFailed } from '#shared/store/conditions.ts';
import type { DedupeOutcome } from '#shared/store/tips.ts';

const TABLE = tableName('dedupe');

export async function dedupeTip(tip: { tipId: string; objectId: string; text: string }): Promise<DedupeOutcome> {
  const normalised = tip.text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const pk = `${tip.objectId}#h#${sha256Hex(normalised)}`;
  try {
    await documents.send(new PutCommand({ TableName: TABLE, Item: { pk, tipId: tip.tipId }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return { clusterId: tip.tipId, duplicateOf: null, similarity: 1, reason: 'new' };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { pk }, ConsistentRead: true }));
  const first = String(Item?.tipId);
  if (first === tip.tipId) return { clusterId: tip.tipId, duplicateOf: null, similarity: 1, reason: 'new' };
  return { clusterId: first, duplicateOf: first, similarity: 1, reason: 'exact' };
}
