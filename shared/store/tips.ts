import '../schemas/zod-config.ts';
import * as z from 'zod/mini';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type BatchGetCommandOutput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import type { DedupeDecision } from '../dedupe/index.ts';
import { QueueName, TIP_ID_SOURCE, TipId } from '../schemas/common.ts';
import { ClusterMember, ObjectIndexEntry, parseStored, QueueIndexEntry, StoredTip } from '../schemas/stored.ts';
import type { IntakeMessage, QueueItem, TriageStatus } from '../schemas/tip.ts';
import { INITIAL_STATUS, statusOf } from '../tips/transitions.ts';
import { tables } from '../resources.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const TABLE = tableName('tips');
const [BY_QUEUE_TIME, BY_QUEUE_CONFIDENCE, BY_OBJECT, BY_CLUSTER] = tables.tips.globalSecondaryIndexes;

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

/** Zero-padded so the confidence index sorts numerically as a string. */
export const confidenceKey = (confidence: number, tipId: string): string =>
  `${Math.round(Math.min(1, Math.max(0, confidence)) * 10_000)
    .toString()
    .padStart(5, '0')}#${tipId}`;

/** The queue indexes' sort keys as recordClassification writes them: `<submittedAt>#<tipId>` and confidenceKey's. */
const QUEUE_TIME_KEY = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?Z#${TIP_ID_SOURCE}$`);
const QUEUE_CONFIDENCE_KEY = new RegExp(`^\\d{5}#${TIP_ID_SOURCE}$`);

/**
 * The only start keys a page of `queue` can resume from (shared/store/cursor.ts):
 * that queue, a sort key of the index's shape ending in the key's own tip id,
 * and for `minConfidence` a sort key inside the key condition's range.
 */
function queueStartKey(queue: QueueName, byConfidence: boolean, minKey: string | undefined) {
  const sortKey = z.string().check(
    z.regex(byConfidence ? QUEUE_CONFIDENCE_KEY : QUEUE_TIME_KEY),
    z.refine((value) => minKey === undefined || value >= minKey),
  );
  const sameTip = (key: { tipId: string }, value: string): boolean => value.endsWith(`#${key.tipId}`);
  return byConfidence
    ? z.strictObject({ tipId: TipId, queue: z.literal(queue), queueConfidence: sortKey }).check(z.refine((key) => sameTip(key, key.queueConfidence)))
    : z.strictObject({ tipId: TipId, queue: z.literal(queue), queueTime: sortKey }).check(z.refine((key) => sameTip(key, key.queueTime)));
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
  tip: { tipId: string; submittedAt: string; promotedFrom?: string | undefined },
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
  tip: { tipId: string; submittedAt: string },
  result: ClassificationRecord,
  now: string,
  guard: { condition: string; values?: Record<string, unknown>; remove?: string },
): Promise<ClassificationOutcome> {
  try {
    const { Attributes } = await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { tipId: tip.tipId },
        UpdateExpression:
          'SET country = :country, confidence = :conf, candidates = :cands, detectedLanguage = :lang, abstainReason = :ar, ' +
          '#queue = :queue, queueTime = :qt, queueConfidence = :qc, classifiedAt = :now, pipeline = :p, ' +
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
    return {
      outcome: 'recorded',
      status: statusOf(Attributes?.status),
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

export interface QueueQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly sort?: 'time' | 'confidence';
  readonly status?: TriageStatus | undefined;
  readonly objectId?: string | undefined;
  readonly minConfidence?: number | undefined;
}

/** A filtered page may need several index pages; this bounds the work per request. */
const MAX_PAGES_PER_REQUEST = 10;

/**
 * A country queue, newest first or most confident first. Duplicates are not
 * in the index at all (it is sparse on `queue`). Confidence sorting turns
 * `minConfidence` into a key condition; other filters are applied by
 * DynamoDB while reading, so a page may hold fewer than `limit` items even
 * though more follow (then `nextCursor` is set).
 */
export async function queryQueue(queue: QueueName, query: QueueQuery): Promise<QueuePage> {
  const byConfidence = query.sort === 'confidence';
  const index = byConfidence ? BY_QUEUE_CONFIDENCE : BY_QUEUE_TIME;
  const sortKey = index.sortKey!.name;
  const minKey = byConfidence && query.minConfidence !== undefined ? confidenceKey(query.minConfidence, '') : undefined;
  let startKey: Record<string, unknown> | undefined = decodeCursor(query.cursor, queueStartKey(queue, byConfidence, minKey));
  const names: Record<string, string> = { '#queue': 'queue' };
  const values: Record<string, unknown> = { ':queue': queue };
  const filters: string[] = [];
  let keyCondition = '#queue = :queue';
  if (query.minConfidence !== undefined) {
    if (minKey !== undefined) {
      keyCondition += ` AND ${sortKey} >= :minKey`;
      values[':minKey'] = minKey;
    } else {
      filters.push('confidence >= :minConfidence');
      values[':minConfidence'] = query.minConfidence;
    }
  }
  if (query.status !== undefined) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.objectId !== undefined) {
    filters.push('objectId = :objectId');
    values[':objectId'] = query.objectId;
  }
  const items: QueueItem[] = [];
  let pages = 0;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: index.indexName,
        KeyConditionExpression: keyCondition,
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: query.limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    const found = page.Items ?? [];
    // The text, and whether the tipster answered unread (issue 14), from the tip items: the queue indexes project neither.
    const texts = await fullItems(found.map((item) => String(item.tipId)), 'tipId, #text, unreadReply', { '#text': 'text' });
    items.push(...found.map((item) => toQueueItem(parseStored(QueueIndexEntry, item, 'queue index entry'), texts.get(String(item.tipId)))));
    startKey = page.LastEvaluatedKey;
    pages += 1;
  } while (startKey !== undefined && items.length < query.limit && pages < MAX_PAGES_PER_REQUEST);
  return { items, nextCursor: encodeCursor(startKey as Record<string, string> | undefined) };
}

/**
 * The most confident tip of `objectId` still in `queue`, other than `leaving`
 * (a tip that just left it, which the index may still show): the confidence
 * index read from the top, filtered by object. It runs only when the strongest
 * tip of an object's queue leaves it (re-route, expiry), reads at most
 * MAX_PAGES_PER_REQUEST pages of the queue, and gives up (undefined) past that.
 */
export async function strongestInQueue(queue: string, objectId: string, leaving: string): Promise<{ tipId: string; confidence: number } | undefined> {
  let startKey: Record<string, unknown> | undefined;
  for (let pages = 0; pages < MAX_PAGES_PER_REQUEST; pages += 1) {
    const page = await documents.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: BY_QUEUE_CONFIDENCE.indexName,
        KeyConditionExpression: '#queue = :queue',
        FilterExpression: 'objectId = :objectId AND tipId <> :leaving',
        ExpressionAttributeNames: { '#queue': 'queue' },
        ExpressionAttributeValues: { ':queue': queue, ':objectId': objectId, ':leaving': leaving },
        ScanIndexForward: false,
        ExclusiveStartKey: startKey,
      }),
    );
    const found = page.Items?.[0];
    if (found !== undefined) return { tipId: String(found.tipId), confidence: typeof found.confidence === 'number' ? found.confidence : 0 };
    startKey = page.LastEvaluatedKey;
    if (startKey === undefined) return undefined;
  }
  return undefined;
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
  let page: Record<string, unknown>[] = [];
  const flush = async function* (): AsyncGenerator<StoredTip> {
    const full = await fullItems(page.map((item) => String(item.tipId)));
    for (const item of page) {
      const whole = full.get(String(item.tipId));
      if (whole !== undefined) yield toStoredTip(whole);
    }
    page = [];
  };
  for await (const item of allItems(
    {
      TableName: TABLE,
      IndexName: BY_QUEUE_TIME.indexName,
      KeyConditionExpression: '#queue = :q',
      ExpressionAttributeNames: { '#queue': 'queue' },
      ExpressionAttributeValues: { ':q': queue },
      ScanIndexForward: false,
    },
    (entry) => entry,
  )) {
    page.push(item);
    if (page.length === BATCH_GET_LIMIT) yield* flush();
  }
  if (page.length > 0) yield* flush();
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
