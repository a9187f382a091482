import '../schemas/zod-config.ts';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type BatchGetCommandOutput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import type { DedupeDecision } from '../dedupe/index.ts';
import type { QueueName } from '../schemas/common.ts';
import { ClusterMember, ObjectIndexEntry, parseStored, QueueIndexEntry, StoredTip } from '../schemas/stored.ts';
import type { IntakeMessage, QueueItem, TriageStatus } from '../schemas/tip.ts';
import { INITIAL_STATUS, statusOf } from '../tips/transitions.ts';
import { tables } from '../resources.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { confidenceKey, queueKeys } from './queue-keys.ts';
import { queueIndexPage, type QueuePageQuery } from './queue-page.ts';

const TABLE = tableName('tips');
const indexNamed = (name: string) => tables.tips.globalSecondaryIndexes.find((index) => index.indexName === name)!;
const BY_OBJECT = indexNamed('byObject');
const BY_CLUSTER = indexNamed('byCluster');

export interface EvidenceCopy extends IntakeMessage {
  /** The receipt's keyed hash (shared/receipts.ts), never the receipt: the key of the byReceipt index. */
  readonly receiptHash: string;
  readonly textSha256: string;
  /** Hash of objectId, text, language and attachment: tells a retry from a reused Idempotency-Key. */
  readonly requestHash: string;
  /** S3 key of the tip's optional attachment (evidence bucket). */
  readonly attachmentKey?: string;
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

/** A stored tip as the Tips table holds it (parsed through its schema), or undefined. */
export const toStoredTip = (item: Record<string, unknown>): StoredTip => parseStored(StoredTip, item, 'tip');

export async function getTip(tipId: string): Promise<StoredTip | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { tipId }, ConsistentRead: true }));
  return Item === undefined ? undefined : toStoredTip(Item);
}

async function dedupeStateOf(tipId: string): Promise<{ duplicateOf?: unknown } | undefined> {
  const { Item } = await documents.send(
    new GetCommand({ TableName: TABLE, Key: { tipId }, ConsistentRead: true, ProjectionExpression: 'tipId, duplicateOf' }),
  );
  return Item;
}

/**
 * Whether a tip can lead a cluster: it exists (it has not expired) and is no
 * duplicate, or is a duplicate whose first tip has expired (retention files
 * it in the index just before promoting it, shared/tips/expire.ts). The
 * deduplicator asks before attaching a tip to it.
 */
export async function isClusterRoot(tipId: string): Promise<boolean> {
  const item = await dedupeStateOf(tipId);
  if (item === undefined) return false;
  if (typeof item.duplicateOf !== 'string') return true;
  return (await dedupeStateOf(item.duplicateOf)) === undefined;
}

/**
 * Re-points a duplicate from an expired first tip to its cluster's new one,
 * once: the condition makes a retry (or a duplicate already moved) a no-op.
 * Its similarity was measured against the expired tip, so it goes.
 */
export async function repointDuplicate(tipId: string, from: string, to: string): Promise<'moved' | 'already'> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId },
        UpdateExpression: 'SET clusterId = :to, duplicateOf = :to REMOVE similarity',
        ConditionExpression: 'duplicateOf = :from',
        ExpressionAttributeValues: { ':from': from, ':to': to },
      }),
    );
    return 'moved';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'already';
    throw error;
  }
}

/**
 * Records that a tip duplicates an earlier one, once. Only duplicates are
 * written here: a distinct tip's dedupe result travels with it to the
 * classifier, which writes it together with the classification, so a
 * distinct tip costs one update of the Tips table, not two. Cluster sizes are
 * counted by the dedupe index (one write per cluster per batch).
 */
export async function recordDuplicate(tipId: string, outcome: DedupeDecision & { duplicateOf: string }, now: string): Promise<'recorded' | 'already'> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId },
        UpdateExpression:
          'SET clusterId = :c, duplicateOf = :d, similarity = :s, dedupeReason = :r, dedupedAt = :t, pipeline = :p, tallyObjectId = objectId',
        ConditionExpression: 'attribute_exists(tipId) AND attribute_not_exists(dedupedAt)',
        ExpressionAttributeValues: {
          ':c': outcome.clusterId,
          ':d': outcome.duplicateOf,
          ':s': outcome.similarity,
          ':r': outcome.reason,
          ':t': now,
          ':p': 'deduplicated',
        },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'already';
    throw error;
  }
}

export interface ClassificationRecord {
  readonly country: string | null;
  readonly confidence: number;
  readonly candidates: readonly unknown[];
  readonly language: string | null;
  /** Why the classifier abstained (`no-place-evidence`, `several-countries`, `weak-evidence`), or null. */
  readonly abstainReason: string | null;
  /** Routing queue: a country code or `unrouted`. */
  readonly queue: string;
  /** How the deduplicator judged this distinct tip (`new`). */
  readonly dedupeReason: string;
}

/**
 * Writes the classification once. The triage status is only initialised,
 * never overwritten, so re-running the pipeline cannot undo an investigator's
 * decision; a redelivered message finds `classifiedAt` and changes nothing.
 *
 * A tip with `promotedFrom` is a duplicate whose cluster's first tip expired
 * (shared/tips/expire.ts): the same write also makes it the cluster's first
 * tip, so it joins its queue as `new`, and only while it still points at the
 * expired tip.
 */
export async function recordClassification(
  tip: { tipId: string; objectId: string; submittedAt: string; promotedFrom?: string | undefined },
  result: ClassificationRecord,
  now: string,
): Promise<ClassificationOutcome> {
  if (tip.promotedFrom === undefined) {
    return writeClassification(tip, result, now, {
      condition: 'attribute_exists(tipId) AND attribute_not_exists(classifiedAt) AND attribute_not_exists(dedupedAt)',
    });
  }
  return writeClassification(tip, result, now, {
    condition: 'duplicateOf = :expired AND attribute_not_exists(classifiedAt)',
    values: { ':expired': tip.promotedFrom },
    // Only duplicates carry clusterId (the byCluster index lists a first tip's members).
    remove: 'clusterId, similarity',
  });
}

/**
 * `recorded` carries what the counters need from the written item: its
 * status (kept if triage got there first) and the duplicates counted to it
 * before it was routed (recordAbsorbed).
 */
export type ClassificationOutcome = { outcome: 'recorded'; status: TriageStatus; absorbedBeforeRouting: number } | { outcome: 'already' };

async function writeClassification(
  tip: { tipId: string; objectId: string; submittedAt: string },
  result: ClassificationRecord,
  now: string,
  guard: { condition: string; values?: Record<string, unknown>; remove?: string },
): Promise<ClassificationOutcome> {
  const keys = queueKeys(result.queue, tip.objectId, INITIAL_STATUS);
  try {
    const { Attributes } = await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId: tip.tipId },
        UpdateExpression:
          'SET country = :country, confidence = :conf, candidates = :cands, detectedLanguage = :lang, abstainReason = :ar, ' +
          '#queue = :queue, queueTime = :qt, queueConfidence = :qc, queueStatus = :qs, queueObjectStatus = :qos, classifiedAt = :now, pipeline = :p, ' +
          'duplicateOf = :null, dedupeReason = :reason, dedupedAt = :now, tallyObjectId = objectId, ' +
          '#status = if_not_exists(#status, :new), version = if_not_exists(version, :one), ' +
          'absorbedBeforeRouting = if_not_exists(absorbedBeforeRouting, :zero)' +
          (guard.remove === undefined ? '' : ` REMOVE ${guard.remove}`),
        ConditionExpression: guard.condition,
        ExpressionAttributeNames: { '#queue': 'queue', '#status': 'status' },
        ExpressionAttributeValues: {
          ...guard.values,
          ':country': result.country,
          ':conf': result.confidence,
          ':cands': result.candidates,
          ':lang': result.language,
          ':ar': result.abstainReason,
          ':queue': result.queue,
          ':qt': `${tip.submittedAt}#${tip.tipId}`,
          ':qc': confidenceKey(result.confidence, tip.tipId),
          // The queue keys name the initial status; a status already there is rare and fixed below.
          ':qs': keys.queueStatus,
          ':qos': keys.queueObjectStatus,
          ':now': now,
          ':p': 'classified',
          ':null': null,
          ':reason': result.dedupeReason,
          ':new': INITIAL_STATUS,
          ':one': 1,
          ':zero': 0,
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const status = statusOf(Attributes?.status);
    // DynamoDB cannot concatenate in an update, so the keys were written for the initial status;
    // a tip that already had another status (kept, never overwritten) gets its own keys now.
    if (status !== INITIAL_STATUS) {
      const own = queueKeys(result.queue, tip.objectId, status);
      await documents.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: { tipId: tip.tipId },
          UpdateExpression: 'SET queueStatus = :qs, queueObjectStatus = :qos',
          ConditionExpression: '#status = :status AND #queue = :queue',
          ExpressionAttributeNames: { '#status': 'status', '#queue': 'queue' },
          ExpressionAttributeValues: { ':qs': own.queueStatus, ':qos': own.queueObjectStatus, ':status': status, ':queue': result.queue },
        }),
      ).catch((error: unknown) => {
        if (!isConditionalCheckFailed(error)) throw error;
      });
    }
    return {
      outcome: 'recorded',
      status,
      absorbedBeforeRouting: typeof Attributes?.absorbedBeforeRouting === 'number' ? Attributes.absorbedBeforeRouting : 0,
    };
  } catch (error) {
    if (isConditionalCheckFailed(error)) return { outcome: 'already' };
    throw error;
  }
}

/**
 * Counts a just-recorded duplicate to its first tip before that tip is
 * routed: `absorbedBeforeRouting` goes up only while the first tip has no
 * queue, and recordClassification reads it back in the same write that sets
 * the queue. Either this ADD comes first (the classification counts it) or
 * the queue does (then this returns the queue, and the caller counts the
 * person there): never both, never neither.
 */
export async function recordAbsorbed(headId: string): Promise<{ counted: true } | { counted: false; queue: string | null }> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId: headId },
        UpdateExpression: 'ADD absorbedBeforeRouting :one',
        ConditionExpression: 'attribute_exists(tipId) AND attribute_not_exists(#queue)',
        ExpressionAttributeNames: { '#queue': 'queue' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    return { counted: true };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  const { Item } = await documents.send(
    new GetCommand({ TableName: TABLE, Key: { tipId: headId }, ConsistentRead: true, ProjectionExpression: '#queue', ExpressionAttributeNames: { '#queue': 'queue' } }),
  );
  return { counted: false, queue: typeof Item?.queue === 'string' ? Item.queue : null };
}

export interface QueuePage {
  readonly items: QueueItem[];
  readonly nextCursor: string | null;
}

export type QueueQuery = QueuePageQuery;

/**
 * A country queue, newest first or most confident first, filtered by status
 * and object through index keys (shared/store/queue-page.ts). Duplicates are
 * not in the indexes at all (they are sparse). The texts of the page's tips
 * come from one BatchGetItem.
 */
export async function queryQueue(queue: QueueName, query: QueueQuery): Promise<QueuePage> {
  const page = await queueIndexPage(queue, query);
  // The text, and whether the tipster answered unread (issue 14), from the tip items: the queue indexes project neither.
  const texts = await fullItems(page.entries.map((entry) => entry.tipId), 'tipId, #text, unreadReply', { '#text': 'text' });
  return { items: page.entries.map((entry) => toQueueItem(entry, texts.get(entry.tipId))), nextCursor: page.nextCursor };
}

/**
 * The most confident tip of `objectId` still in `queue`, other than `leaving`
 * (a tip that just left it, which the index may still show): the object's
 * confidence index in that queue, its status partitions merged, read from the
 * top. It runs only when the strongest tip of an object's queue leaves it
 * (re-route, expiry), and reads one entry-pair per status partition.
 */
export async function strongestInQueue(queue: string, objectId: string, leaving: string): Promise<{ tipId: string; confidence: number } | undefined> {
  const { entries } = await queueIndexPage(queue, { limit: 2, sort: 'confidence', objectId });
  const found = entries.find((entry) => entry.tipId !== leaving);
  return found === undefined ? undefined : { tipId: found.tipId, confidence: found.confidence ?? 0 };
}

/** Every duplicate of a cluster's first tip, page by page (retention moves them all). */
export const allClusterMembers = (clusterId: string): AsyncGenerator<ClusterMember> =>
  allItems(
    {
      TableName: TABLE,
      IndexName: BY_CLUSTER.indexName,
      KeyConditionExpression: 'clusterId = :c',
      ExpressionAttributeValues: { ':c': clusterId },
    },
    (item) => parseStored(ClusterMember, item, 'cluster member'),
  );

/** The duplicates of a cluster's first tip (only duplicates carry `clusterId`). */
export async function clusterMembers(clusterId: string, limit = 200): Promise<ClusterMember[]> {
  const page = await documents.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: BY_CLUSTER.indexName,
      KeyConditionExpression: 'clusterId = :c',
      ExpressionAttributeValues: { ':c': clusterId },
      Limit: limit,
    }),
  );
  return (page.Items ?? []).map((item) => parseStored(ClusterMember, item, 'cluster member'));
}

/** Yields every item a query matches, one DynamoDB page at a time (constant memory), mapped through `parse`. */
async function* allItems<T>(input: QueryCommandInput, parse: (item: Record<string, unknown>) => T): AsyncGenerator<T> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) yield parse(item);
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}

/** Every tip of an object the pipeline has decided (duplicate or classified), through the narrow byObject projection. */
export const tipsOfObject = (objectId: string): AsyncGenerator<ObjectIndexEntry> =>
  allItems(
    {
      TableName: TABLE,
      IndexName: BY_OBJECT.indexName,
      KeyConditionExpression: 'tallyObjectId = :o',
      ExpressionAttributeValues: { ':o': objectId },
    },
    (item) => parseStored(ObjectIndexEntry, item, 'object index entry'),
  );

/**
 * A whole queue, newest first, with full items (for exports): the queue
 * indexes hold a narrow projection, so each page of 100 is completed with one
 * BatchGetItem.
 */
export async function* tipsOfQueue(queue: string): AsyncGenerator<StoredTip> {
  let cursor: string | undefined;
  do {
    const page = await queueIndexPage(queue, { limit: BATCH_GET_LIMIT, cursor });
    const full = await fullItems(page.entries.map((entry) => entry.tipId));
    for (const entry of page.entries) {
      const whole = full.get(entry.tipId);
      if (whole !== undefined) yield toStoredTip(whole);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

const BATCH_GET_LIMIT = 100;

/** Whole tips by id (BatchGetItem in calls of 100); missing ids are absent from the map. */
export const tipsByIds = (tipIds: readonly string[]): Promise<Map<string, Record<string, unknown>>> => fullItems(tipIds);

/** Items by id in BatchGetItem calls of 100, retrying what DynamoDB leaves unprocessed. */
async function fullItems(
  tipIds: readonly string[],
  projection?: string,
  names?: Record<string, string>,
): Promise<Map<string, Record<string, unknown>>> {
  const result = new Map<string, Record<string, unknown>>();
  for (let offset = 0; offset < tipIds.length; offset += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] | undefined = [...new Set(tipIds.slice(offset, offset + BATCH_GET_LIMIT))].map((tipId) => ({ tipId }));
    for (let attempt = 0; keys !== undefined && keys.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
      const response: BatchGetCommandOutput = await documents.send(
        new BatchGetCommand({
          RequestItems: {
            [TABLE]: { Keys: keys, ...(projection === undefined ? {} : { ProjectionExpression: projection }), ...(names === undefined ? {} : { ExpressionAttributeNames: names }) },
          },
        }),
      );
      for (const item of response.Responses?.[TABLE] ?? []) result.set(String(item.tipId), item);
      keys = response.UnprocessedKeys?.[TABLE]?.Keys;
      if (attempt > 8) throw new Error('DynamoDB left keys unprocessed after 9 attempts');
    }
  }
  return result;
}

/** A queue page's item: `queue` names the queue; `country` is the same value, kept for older clients (shared/schemas/stored.ts). */
function toQueueItem(entry: QueueIndexEntry, full: Record<string, unknown> | undefined): QueueItem {
  const text = full?.text;
  return {
    tipId: entry.tipId,
    objectId: entry.objectId,
    text: typeof text === 'string' ? text : '',
    queue: entry.queue,
    country: entry.queue,
    confidence: entry.confidence === undefined ? 0 : entry.confidence, // null after a manual re-route
    submittedAt: entry.submittedAt,
    status: entry.status,
    duplicates: 0,
    unreadReply: full?.unreadReply === true,
  };
}
