import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import type { IntakeMessage, QueueItem, TriageStatus } from '../schemas/tip.ts';
import { tables } from '../resources.ts';
import { documents } from './clients.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const TABLE = tableName('tips');
const [BY_QUEUE_TIME] = tables.tips.globalSecondaryIndexes;

export interface EvidenceCopy extends IntakeMessage {
  readonly receipt: string;
  readonly textSha256: string;
}

/**
 * Writes the raw submission once. It is the evidence copy: later stages add
 * attributes but never touch these, and a retried submission cannot replace it.
 * Returns false when the tip already existed (a retry with the same tip id).
 */
export async function putEvidenceCopy(tip: EvidenceCopy): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...tip, pipeline: 'received' },
        ConditionExpression: 'attribute_not_exists(tipId)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function getTip(tipId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { tipId }, ConsistentRead: true }));
  return Item;
}

export interface DedupeOutcome {
  readonly clusterId: string;
  readonly duplicateOf: string | null;
  readonly similarity: number;
  readonly reason: string;
}

/**
 * Records the dedupe decision on the tip. A duplicate also bumps its cluster
 * head's `duplicates` counter. The two writes are separate single-item updates
 * (no transactions), so the duplicate carries `dupCountPending` until the bump
 * is done: a redelivery after a crash in between finishes the job, and the
 * head remembers the last duplicate it counted so a retry is not counted twice.
 */
export async function recordDedupe(tipId: string, outcome: DedupeOutcome, now: string): Promise<'recorded' | 'already'> {
  const isDuplicate = outcome.duplicateOf !== null;
  let state: 'recorded' | 'already' = 'recorded';
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId },
        UpdateExpression:
          'SET clusterId = :c, duplicateOf = :d, similarity = :s, dedupeReason = :r, dedupedAt = :t, pipeline = :p' +
          (isDuplicate ? ', dupCountPending = :true' : ''),
        ConditionExpression: 'attribute_exists(tipId) AND attribute_not_exists(clusterId)',
        ExpressionAttributeValues: {
          ':c': outcome.clusterId,
          ':d': outcome.duplicateOf,
          ':s': outcome.similarity,
          ':r': outcome.reason,
          ':t': now,
          ':p': 'deduplicated',
          ...(isDuplicate ? { ':true': true } : {}),
        },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    state = 'already';
  }
  if (isDuplicate) await countDuplicateIfPending(tipId, outcome.duplicateOf);
  return state;
}

async function countDuplicateIfPending(tipId: string, headId: string | null): Promise<void> {
  if (headId === null) return;
  const tip = await getTip(tipId);
  if (tip === undefined || tip.dupCountPending !== true) return;
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId: headId },
        UpdateExpression: 'ADD duplicates :one SET lastCountedDuplicate = :dup',
        ConditionExpression: 'attribute_exists(tipId) AND (attribute_not_exists(lastCountedDuplicate) OR lastCountedDuplicate <> :dup)',
        ExpressionAttributeValues: { ':one': 1, ':dup': tipId },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  await documents.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: { tipId },
      UpdateExpression: 'REMOVE dupCountPending',
    }),
  );
}

export interface ClassificationRecord {
  readonly country: string | null;
  readonly confidence: number;
  readonly candidates: readonly unknown[];
  readonly language: string | null;
  /** Routing queue: a country code or `unrouted`. */
  readonly queue: string;
}

/** Zero-padded so the confidence index sorts numerically as a string. */
export const confidenceKey = (confidence: number, tipId: string): string =>
  `${Math.round(Math.min(1, Math.max(0, confidence)) * 10_000)
    .toString()
    .padStart(5, '0')}#${tipId}`;

/**
 * Writes the classification once. The triage status is only initialised,
 * never overwritten, so re-running the pipeline cannot undo an investigator's
 * decision; a redelivered message finds `classifiedAt` and changes nothing.
 */
export async function recordClassification(
  tip: { tipId: string; submittedAt: string },
  result: ClassificationRecord,
  now: string,
): Promise<'recorded' | 'already'> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId: tip.tipId },
        UpdateExpression:
          'SET country = :country, confidence = :conf, candidates = :cands, detectedLanguage = :lang, ' +
          '#queue = :queue, queueTime = :qt, queueConfidence = :qc, classifiedAt = :now, pipeline = :p, ' +
          '#status = if_not_exists(#status, :new), version = if_not_exists(version, :one)',
        ConditionExpression: 'attribute_exists(clusterId) AND attribute_not_exists(classifiedAt)',
        ExpressionAttributeNames: { '#queue': 'queue', '#status': 'status' },
        ExpressionAttributeValues: {
          ':country': result.country,
          ':conf': result.confidence,
          ':cands': result.candidates,
          ':lang': result.language,
          ':queue': result.queue,
          ':qt': `${tip.submittedAt}#${tip.tipId}`,
          ':qc': confidenceKey(result.confidence, tip.tipId),
          ':now': now,
          ':p': 'classified',
          ':new': 'new',
          ':one': 1,
        },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'already';
    throw error;
  }
}

export interface QueuePage {
  readonly items: QueueItem[];
  readonly nextCursor: string | null;
}

export async function queryQueue(queue: string, limit: number, cursor: string | undefined): Promise<QueuePage> {
  const startKey = decodeCursor(cursor, ['tipId', 'queue', 'queueTime']);
  const page = await documents.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: BY_QUEUE_TIME.indexName,
      KeyConditionExpression: '#queue = :queue',
      ExpressionAttributeNames: { '#queue': 'queue' },
      ExpressionAttributeValues: { ':queue': queue },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const items = (page.Items ?? []).map(toQueueItem);
  return { items, nextCursor: encodeCursor(page.LastEvaluatedKey as Record<string, string> | undefined) };
}

function toQueueItem(item: Record<string, unknown>): QueueItem {
  return {
    tipId: String(item.tipId),
    objectId: String(item.objectId),
    text: String(item.text),
    country: String(item.queue),
    confidence: Number(item.confidence ?? 0),
    submittedAt: String(item.submittedAt),
    status: String(item.status ?? 'new') as TriageStatus,
    duplicates: Number(item.duplicates ?? 0),
  };
}
