import '../schemas/zod-config.ts';
import * as z from 'zod/mini';
import { BatchWriteCommand, PutCommand, QueryCommand, UpdateCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors.ts';
import { limits, tables } from '../resources.ts';
import { StoredMessage, type MessageAuthor } from '../schemas/followup.ts';
import { StoredTip } from '../schemas/stored.ts';
import type { AuditEntry } from '../tips/triage.ts';
import { rollHistory } from './audit.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { getTip } from './tips.ts';

const MESSAGES = tableName('messages');
const TIPS = tableName('tips');
const BY_RECEIPT = tables.tips.globalSecondaryIndexes.find((index) => index.indexName === 'byReceipt')!;

/**
 * The tip a receipt belongs to, by the receipt's keyed hash (shared/receipts.ts):
 * one query of the keys-only byReceipt index, the same read for a known and an
 * unknown receipt. The index is eventually consistent: a receipt used within a
 * second of its tip's acceptance may not be found yet (the page says to retry).
 */
export async function tipIdByReceiptHash(hash: string): Promise<string | undefined> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: TIPS,
      IndexName: BY_RECEIPT.indexName,
      KeyConditionExpression: 'receiptHash = :h',
      ExpressionAttributeValues: { ':h': hash },
      Limit: 1,
    }),
  );
  const tipId = Items?.[0]?.tipId;
  return typeof tipId === 'string' ? tipId : undefined;
}

/** A tip's conversation, oldest first (bounded by `limits.maxMessagesPerTip`). */
export async function listMessages(tipId: string): Promise<StoredMessage[]> {
  const messages: StoredMessage[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({ TableName: MESSAGES, KeyConditionExpression: 'tipId = :t', ExpressionAttributeValues: { ':t': tipId }, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) {
      const parsed = StoredMessage.safeParse(item);
      if (parsed.success) messages.push(parsed.data);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return messages;
}

export interface NewMessage {
  readonly from: MessageAuthor;
  readonly text: string;
  /** To the second (isoSecond). */
  readonly sentAt: string;
  /** The investigator's username; never set for the tipster. */
  readonly by?: string;
}

const Counted = z.object({ messageCount: z.number().check(z.int(), z.gte(1)) });

/**
 * Appends a message to a tip's conversation. No transactions, so the order keeps
 * it whole: first one conditional UpdateItem on the tip takes the next position
 * (`messageCount`), appends the audit entry and sets or clears the unread mark,
 * bumping `version` on a triaged tip as every audited change does (a roll of
 * the history compares versions, shared/store/audit.ts); then the message is
 * put at that position. A crash between the two leaves a position unused and
 * an audit entry without its message, never a message without its entry, and
 * the caller got no 201, so it sends again.
 */
export async function appendMessage(tip: StoredTip, message: NewMessage, audit: AuditEntry): Promise<StoredMessage> {
  const tipId = tip.tipId;
  let item: StoredTip | undefined = tip;
  for (let attempt = 0; attempt < 3 && item !== undefined; attempt += 1) {
    await rollHistory(item);
    const versioned = typeof item.version === 'number';
    try {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: TIPS,
          Key: { tipId },
          UpdateExpression:
            `SET history = list_append(if_not_exists(history, :empty), :entry), messageCount = if_not_exists(messageCount, :zero) + :one` +
            (versioned ? ', version = version + :one' : '') +
            (message.from === 'tipster' ? ', unreadReply = :true' : ' REMOVE unreadReply'),
          ConditionExpression:
            `attribute_exists(tipId) AND ${versioned ? 'version = :version' : 'attribute_not_exists(version)'} ` +
            'AND (attribute_not_exists(history) OR size(history) < :maxHistory) ' +
            'AND (attribute_not_exists(messageCount) OR messageCount < :maxMessages)',
          ExpressionAttributeValues: {
            ':empty': [],
            ':entry': [audit],
            ':zero': 0,
            ':one': 1,
            ':maxHistory': limits.maxHistoryEntries,
            ':maxMessages': limits.maxMessagesPerTip,
            ...(versioned ? { ':version': item.version } : {}),
            ...(message.from === 'tipster' ? { ':true': true } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const { messageCount } = Counted.parse(Attributes);
      const stored: StoredMessage = { tipId, seq: messageCount - 1, ...message };
      await documents.send(new PutCommand({ TableName: MESSAGES, Item: stored, ConditionExpression: 'attribute_not_exists(seq)' }));
      return stored;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    item = await getTip(tipId);
    if (typeof item?.messageCount === 'number' && item.messageCount >= limits.maxMessagesPerTip) {
      throw new TooManyRequestsError(`This conversation has reached ${limits.maxMessagesPerTip} messages`);
    }
  }
  if (item === undefined) throw new NotFoundError('No such tip');
  throw new ConflictError('The tip is changing right now; try again');
}

/**
 * Marks a duplicate's first tip as having an unread tipster reply and records
 * which of its duplicates has a conversation (`conversationTips`), so the
 * first tip's investigators, who work the cluster, see it in their queue.
 */
export async function markClusterReply(headId: string, duplicateId: string): Promise<void> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId: headId },
        UpdateExpression: 'SET unreadReply = :true ADD conversationTips :ids',
        ConditionExpression: 'attribute_exists(tipId)',
        ExpressionAttributeValues: { ':true': true, ':ids': new Set([duplicateId]) },
      }),
    );
  } catch (error) {
    // The first tip expired meanwhile: retention promotes a duplicate, whose own mark is set.
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

const Inheritance = z.object({ conversationTips: StoredTip.shape.conversationTips, unreadReply: StoredTip.shape.unreadReply });

/**
 * When a cluster's first tip expires, the duplicate promoted in its place
 * inherits what linked the cluster's conversations to it: the duplicates whose
 * tipsters wrote (`conversationTips`, less the heir itself, whose own
 * conversation is on it) and, if any remain, the unread mark. A duplicate whose
 * tipster wrote after the first tip was deleted and before it was re-pointed
 * could not mark the first tip (markClusterReply found none): its own unread
 * mark, still set as nobody opened it, counts it in. Later messages reach the
 * heir through the re-pointed duplicates. Adding to a set and setting the mark
 * again change nothing, so a retried expiry is safe; it reads each other
 * duplicate once, on a first tip's expiry only.
 */
export async function inheritConversations(heirId: string, image: Record<string, unknown>, others: readonly string[]): Promise<void> {
  // Only these two fields: the stream image of an unfinished item lacks others a StoredTip requires.
  const expired = Inheritance.parse(image);
  const ids = new Set([...(expired.conversationTips ?? [])].filter((tipId) => tipId !== heirId));
  let unread = expired.unreadReply === true;
  for (const tipId of others) {
    if ((await getTip(tipId))?.unreadReply !== true) continue;
    ids.add(tipId);
    unread = true;
  }
  if (ids.size === 0) return;
  await documents.send(
    new UpdateCommand({
      TableName: TIPS,
      Key: { tipId: heirId },
      UpdateExpression: `${unread ? 'SET unreadReply = :true ' : ''}ADD conversationTips :ids`,
      ConditionExpression: 'attribute_exists(tipId)',
      ExpressionAttributeValues: { ':ids': ids, ...(unread ? { ':true': true } : {}) },
    }),
  );
}

/** Clears the unread mark once an investigator has opened the tip (only if set: a read costs no write otherwise). */
export async function markRead(tipId: string): Promise<void> {
  try {
    await documents.send(
      new UpdateCommand({ TableName: TIPS, Key: { tipId }, UpdateExpression: 'REMOVE unreadReply', ConditionExpression: 'unreadReply = :true', ExpressionAttributeValues: { ':true': true } }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

const BATCH_WRITE_LIMIT = 25;

/**
 * Deletes a tip's conversation when the tip expires: messages share the tip's
 * retention. Deleting a missing message succeeds, so a retried expiry deletes what is left.
 */
export async function deleteMessages(tipId: string): Promise<number> {
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({ TableName: MESSAGES, KeyConditionExpression: 'tipId = :t', ExpressionAttributeValues: { ':t': tipId }, ProjectionExpression: 'tipId, seq', ExclusiveStartKey: startKey }),
    );
    const keys = (page.Items ?? []).map((item) => ({ tipId, seq: item.seq as number }));
    for (let offset = 0; offset < keys.length; offset += BATCH_WRITE_LIMIT) {
      let requests: BatchWriteCommandOutput['UnprocessedItems'] = { [MESSAGES]: keys.slice(offset, offset + BATCH_WRITE_LIMIT).map((Key) => ({ DeleteRequest: { Key } })) };
      for (let attempt = 0; (requests?.[MESSAGES]?.length ?? 0) > 0; attempt += 1) {
        if (attempt > 8) throw new Error('DynamoDB left message deletes unprocessed after 9 attempts');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
        requests = (await documents.send(new BatchWriteCommand({ RequestItems: requests }))).UnprocessedItems;
      }
    }
    deleted += keys.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return deleted;
}

/** The duplicates of a first tip whose tipsters wrote (for the investigator's view of the cluster). */
export const conversationTipsOf = (item: StoredTip): string[] => [...(item.conversationTips ?? [])].sort();
