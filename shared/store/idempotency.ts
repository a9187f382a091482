import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';

const TABLE = tableName('idempotency');
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
