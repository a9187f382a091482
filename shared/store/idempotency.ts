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

/**
 * Binds an attachment key to one tip: a conditional put that succeeds when no
 * tip has the key yet, or when this very tip has it (a retry with the same
 * Idempotency-Key, whose tip id is the same). False when another tip has it.
 * Expires after the key can no longer be bound (shared/attachment-keys.ts).
 */
export async function claimAttachment(attachmentKey: string, tipId: string, expiresAtSeconds: number): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { pk: `attachment#${attachmentKey}`, tipId, expiresAt: expiresAtSeconds },
        ConditionExpression: 'attribute_not_exists(pk) OR tipId = :tipId',
        ExpressionAttributeValues: { ':tipId': tipId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
