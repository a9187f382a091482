import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { documents } from './clients.ts';
import { isConditionalCheckFailed } from './conditions.ts';

const TABLE = tableName('idempotency');
const TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyRecord {
  readonly tipId: string;
  readonly submittedAt: string;
  readonly requestHash: string;
}

/**
 * Claims an Idempotency-Key for a new tip id. When the key was already
 * claimed, returns the earlier claim so the caller can repeat that response.
 */
export async function claimIdempotencyKey(
  keyHash: string,
  claim: IdempotencyRecord,
  now: number = Date.now(),
): Promise<{ fresh: true } | { fresh: false; record: IdempotencyRecord }> {
  const pk = `tips#${keyHash}`;
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { pk, ...claim, expiresAt: Math.floor(now / 1000) + TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { fresh: true };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { pk }, ConsistentRead: true }));
  if (Item === undefined) throw new Error('Idempotency record vanished between write and read');
  return {
    fresh: false,
    record: { tipId: String(Item.tipId), submittedAt: String(Item.submittedAt), requestHash: String(Item.requestHash) },
  };
}

/**
 * Marks a proof-of-work challenge as used, once: a conditional put of its hash
 * that expires with the challenge. Returns false when it was used before.
 */
export async function claimPowChallenge(challengeHash: string, expiresAtSeconds: number): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { pk: `pow#${challengeHash}`, expiresAt: expiresAtSeconds },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
